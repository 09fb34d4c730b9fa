package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code loadsmith run} as a user runs it (the built jar, in its own process) with the real Locust,
 * Artillery and JMeter against the demo API: the result counts the requests the API received, and
 * a threshold that must fail makes it exit 4 with the JUnit file saying which one.
 */
class RunEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAILING = "createBook: max<0.001ms";
    private static final String PASSING = "error-rate<50%";

    @TempDir
    Path dir;

    static Path jar() {
        Path jar = TestPaths.repoRoot().resolve("cli/target/loadsmith.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is not built: run mvn verify (or package the cli module first)");
        }
        return jar;
    }

    @ParameterizedTest
    @MethodSource("io.loadsmith.testing.ToolSource#all")
    void theResultCountsWhatTheApiReceivedAndABreachedThresholdExitsFour(LoadTool tool) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Map<String, String> env = new HashMap<>(Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                    "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET));
            List<String> command = new ArrayList<>(List.of("java", "-jar", jar().toString(), "run",
                    TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", tool.id(),
                    "--vus", "2", "--duration", "6s", "--think-time", "none", "--base-url", api.baseUrl(),
                    "--results", dir.resolve("results").toString(), "--threshold", PASSING, "--threshold", FAILING,
                    "--junit", dir.resolve("junit.xml").toString()));
            if (tool.equals(LoadTools.JMETER) || tool.equals(LoadTools.GATLING)) {
                // No JMeter (Gatling) anywhere Loadsmith looks: it fetches its own into LOADSMITH_TOOLS.
                env.put("LOADSMITH_TOOLS", dir.resolve("tools").toString());
            } else {
                command.addAll(List.of("--tool-path", Tools.executable(tool).toString()));
            }
            Processes.Result run = Processes.run(command, dir, env, 300);
            assertEquals(4, run.exitCode(), run.stdout() + run.stderr());

            Path resultFile = onlyRunFolder().resolve("result.json");
            JsonNode result = JSON.readTree(resultFile.toFile());
            assertEquals(tool.id(), result.path("tool").asText());
            assertTrue(result.path("toolVersion").asText().matches("\\d+\\.\\d+(\\.\\d+)?"), "the tool's version: " + result);
            // Written like any other file (the umask's mode), not private.
            assertTrue(Files.getPosixFilePermissions(resultFile).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                    Files.getPosixFilePermissions(resultFile).toString());
            try (Stream<Path> left = Files.list(dir)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().equals("jmeter.log")), "no jmeter.log where Loadsmith ran");
            }
            long received = api.requests().size();
            Map<String, Integer> byRoute = new java.util.TreeMap<>();
            api.requests().forEach(r -> byRoute.merge(r.method() + " " + r.path().replaceAll("/[0-9a-f-]{36}", "/{id}"), 1, Integer::sum));
            long reported = result.path("total").path("requests").asLong();
            String why = tool + " reported " + reported + ", the API received " + byRoute + "; " + run.stdout();
            switch (tool.id()) {
                // k6's JSON output holds every request, setup()'s token request included; so does Gatling's log.
                case "jmeter", "k6", "gatling" -> assertEquals(received, reported, why);
                // Artillery leaves the requests of its before flow (here the one token request) out of its report.
                case "artillery" -> assertEquals(received - 1, reported, why);
                // Locust 2.12 writes its CSV files once a second and not again when it exits: the requests of
                // the last moments can be missing, up to a second's worth of about 5 s of traffic (and some
                // jitter of its writer, so a third of what the API saw is the bound).
                default -> assertTrue(received - reported >= 0 && received - reported <= received / 3, why);
            }
            assertEquals(0, result.path("total").path("failures").asLong(), run.stdout());
            assertTrue(received > 20, "a 6 s run with 2 users and no think time makes more requests: " + received);

            var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
            NodeList cases = junit.getElementsByTagName("testcase");
            assertEquals(2, cases.getLength());
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                int failures = testcase.getElementsByTagName("failure").getLength();
                assertEquals(testcase.getAttribute("name").equals(FAILING) ? 1 : 0, failures, testcase.getAttribute("name"));
            }
            assertTrue(run.stdout().contains("✗ " + FAILING), run.stdout());
            if (tool.equals(LoadTools.JMETER)) {
                assertTrue(Files.isRegularFile(dir.resolve("tools/jmeter/bin/ApacheJMeter.jar")), "JMeter was fetched");
            }
            if (tool.equals(LoadTools.GATLING)) {
                assertTrue(Files.isExecutable(dir.resolve("tools/gatling/bin/gatling")), "Gatling was fetched");
            }
        }
    }

    /** Artillery writes its report only when it ends on its own. */
    static List<LoadTool> stoppable() {
        return LoadTools.all().stream().filter(t -> !t.equals(LoadTools.ARTILLERY)).toList();
    }

    /** Ctrl+C (SIGINT to Loadsmith alone, as setsid keeps the tool out of the terminal's group) mid-run. */
    @ParameterizedTest
    @MethodSource("stoppable")
    void ctrlCStopsTheToolAndStillReports(LoadTool tool) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            List<String> command = new ArrayList<>(List.of("java", "-jar", jar().toString(), "run",
                    TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", tool.id(),
                    "--tool-path", Tools.executable(tool).toString(), "--vus", "2", "--duration", "5m", "--think-time", "none",
                    "--base-url", api.baseUrl(), "--results", dir.resolve("results").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            builder.environment().putAll(Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID, "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET));
            Process loadsmith = builder.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (api.requests().size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            // Locust writes its statistics once a second: let it write some after the traffic started.
            Thread.sleep(2500);
            List<ProcessHandle> tree = loadsmith.descendants().toList();
            assertTrue(!tree.isEmpty(), "the tool runs as a child");
            new ProcessBuilder("kill", "-INT", Long.toString(loadsmith.pid())).start().waitFor();
            assertTrue(loadsmith.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "Loadsmith ends after Ctrl+C");
            String out = Files.readString(dir.resolve("out.txt"));
            assertEquals(130, loadsmith.exitValue(), out);
            assertTrue(out.contains("stopped; reporting what was measured"), out);
            JsonNode result = JSON.readTree(onlyRunFolder().resolve("result.json").toFile());
            long reported = result.path("total").path("requests").asLong();
            // A request the stop cut off may be recorded as failed by the tool without reaching the API: one per user at most.
            assertTrue(reported > 0 && reported <= api.requests().size() + 2, reported + " of " + api.requests().size() + "\n" + out);
            assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "the tool and its children are gone");
        }
    }

    /**
     * {@code loadsmith demo --tool k6}: the demo API, a k6 run with its progress from k6's REST API
     * (off a terminal, a line every 10 s), and the normalized summary with a table per operation.
     */
    @Test
    void theK6DemoShowsProgressAndPrintsTheSummaryPerOperation() throws Exception {
        Processes.Result run = Processes.run(List.of("java", "-jar", jar().toString(), "demo", "--tool", "k6", "--tool-path",
                Tools.executable(LoadTools.K6).toString(), "--duration", "13s", "--results", dir.resolve("results").toString()), dir,
                Map.of(), 180);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stdout().lines().anyMatch(l -> l.matches("\\[\\s*1\\ds / 13s] \\d+ requests, [\\d.]+/s, 0 failed, p95 [\\d.]+ ms")),
                "a progress line with k6's figures: " + run.stdout());
        assertTrue(run.stdout().contains("operation ") && run.stdout().contains("p95 ms"), "the per-operation table: " + run.stdout());
        for (String operation : List.of("createBook", "getBook", "deleteBook", "getOrder", "health")) {
            assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith(operation + " ")), operation + " in " + run.stdout());
        }
        assertTrue(run.stdout().contains("k6 0.48") || run.stdout().matches("(?s).*k6 \\d+\\.\\d+.*"), run.stdout());
        String last = run.stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("report: ") && last.endsWith("/report.html"), "the demo ends with its HTML report: " + last);
        Path report = Path.of(last.substring("report: ".length()));
        assertEquals(onlyRunFolder().resolve("report.html"), report);
        assertTrue(Files.readString(report).contains("<script id=\"report-data\" type=\"application/json\">"));
    }

    @Test
    void aMissingToolExitsThreeWithHowToInstallIt() throws Exception {
        Map<String, String> env = Map.of("PATH", "/usr/bin/nonexistent", "LOADSMITH_TOOLS", dir.resolve("no-tools").toString(),
                "OAUTH_CLIENT_ID", "x", "OAUTH_CLIENT_SECRET", "y");
        Processes.Result run = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "run", TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", "locust",
                "--results", dir.resolve("results").toString()), dir, env, 60);
        assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("locust is not installed"), run.stderr());
        assertFalse(run.stderr().contains("warning:"), "the tool is looked for before anything is generated: " + run.stderr());
        assertFalse(Files.exists(dir.resolve("results")), "no run folder");
        assertEquals(1, run.stderr().lines().filter(l -> l.startsWith("loadsmith:")).count(), run.stderr());
        assertTrue(run.stderr().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + run.stderr());
    }

    private Path onlyRunFolder() throws Exception {
        try (Stream<Path> folders = Files.list(dir.resolve("results"))) {
            List<Path> all = folders.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
