package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadsmith run --workers 3} with the real tools against the demo API: the tool's own way of
 * splitting a test (k6 execution segments, a Locust master and three workers), one merged result
 * that agrees with the API's log and with all the workers' samples read as one, the workload split
 * that sums to the plan, and no process left behind.
 */
class DistributedRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Processes.Result run(LoadTool tool, DemoApi api, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", RunEndToEndTest.jar().toString(), "run",
                TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", tool.id(),
                "--tool-path", Tools.executable(tool).toString(), "--workers", "3", "--vus", "6", "--think-time", "none",
                "--base-url", api.baseUrl(), "--results", dir.resolve("results").toString()));
        command.addAll(List.of(extra));
        return Processes.run(command, dir, Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID, "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET),
                240);
    }

    /** Runs {@code tool} on 3 workers for {@code duration}, which must end well; its run folder. */
    private Path ranClean(LoadTool tool, DemoApi api, String duration) throws Exception {
        Processes.Result run = run(tool, api, "--duration", duration);
        if (run.exitCode() != 0) {
            // The run folder goes with the test's temporary folder: its processes' logs go into the message.
            StringBuilder logs = new StringBuilder();
            try (Stream<Path> files = Files.list(runFolder())) {
                for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
                    String text = Files.readString(log);
                    logs.append("\n--- ").append(log.getFileName()).append('\n')
                            .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
                }
            }
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr() + logs);
        }
        return runFolder();
    }

    private Path runFolder() throws IOException {
        try (Stream<Path> folders = Files.list(dir.resolve("results"))) {
            return folders.findFirst().orElseThrow();
        }
    }

    /** Processes whose working folder is inside the run folder: the tool's, if any are left. */
    private static List<String> leftIn(Path folder) {
        List<String> left = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                Path cwd = Path.of("/proc", Long.toString(p.pid()), "cwd").toRealPath();
                if (cwd.startsWith(folder.toRealPath())) {
                    left.add(p.pid() + " " + p.info().commandLine().orElse("?"));
                }
            } catch (IOException | SecurityException e) {
                // gone, or not ours to look at
            }
        });
        return left;
    }

    @Test
    void k6SegmentsAddUpToThePlanAndTheirSamplesToTheResult() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path folder = ranClean(LoadTools.K6, api, "5s");
            JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
            assertEquals(List.of("k6-1", "k6-2", "k6-3"), names(result));
            long sum = 0;
            for (JsonNode worker : result.get("workers")) {
                assertTrue(worker.get("requests").asLong() > 0 && worker.get("cpuSeconds").asDouble() > 0, worker.toString());
                sum += worker.get("requests").asLong();
            }
            long reported = result.at("/total/requests").asLong();
            assertEquals(reported, sum, "the workers' counts add up to the total");
            // Every request is in k6's JSON output, each segment's setup() token request included.
            assertEquals(api.requests().size(), reported, "the API's log against the merged result");

            // The split: each segment ran 2 of the plan's 6 users, as k6's own summary of each says.
            long users = 0;
            for (int i = 1; i <= 3; i++) {
                users += JSON.readTree(folder.resolve("summary-" + i + ".json").toFile()).at("/metrics/vus_max/max").asLong();
            }
            assertEquals(6, users);

            // All the workers' samples as one file give the merged percentiles.
            Path all = dir.resolve("all.ndjson.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(all))) {
                for (int i = 1; i <= 3; i++) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve("samples-" + i + ".ndjson.gz")))) {
                        in.transferTo(out);
                    }
                }
            }
            RunResult together = ResultParsers.parse(all, LoadTools.K6, Set.of());
            assertEquals(together.total().requests(), reported);
            for (String p : List.of("p50", "p95", "p99", "min", "max")) {
                assertEquals(JSON.valueToTree(together.total().latencyMs()).get(p).asDouble(), result.at("/total/latencyMs/" + p).asDouble(),
                        p + " of the whole run");
            }
            for (JsonNode operation : result.get("operations")) {
                var once = together.operation(operation.get("name").asText()).stats().latencyMs();
                assertEquals(once.p95(), operation.at("/latencyMs/p95").asDouble(), operation.get("name").asText());
                assertEquals(once.p99(), operation.at("/latencyMs/p99").asDouble(), operation.get("name").asText());
            }
            assertEquals(List.of(), leftIn(folder));
        }
    }

    @Test
    void aLocustMasterAndThreeWorkersRunThePlanAndLeaveNothingBehind() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path folder = ranClean(LoadTools.LOCUST, api, "6s");
            JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
            assertEquals(List.of("master", "worker-1", "worker-2", "worker-3"), names(result));
            result.get("workers").forEach(w -> assertTrue(w.get("cpuSeconds").asDouble() > 0, w.toString()));
            long received = api.requests().size();
            long reported = result.at("/total/requests").asLong();
            // Locust's master writes its CSV once a second and not again when it stops: up to a
            // second's worth of the last requests can be missing (as in one process).
            assertTrue(reported > 0 && reported <= received && received - reported <= received / 3, reported + " of " + received);
            String master = Files.readString(folder.resolve("tool-master.log"));
            Matcher spawned = Pattern.compile("All users spawned: .*\\((\\d+) total users\\)").matcher(master);
            assertTrue(spawned.find(), master);
            assertEquals("6", spawned.group(1), "the master spread the plan's 6 users over its workers");
            assertTrue(master.contains("3 workers connected") || master.matches("(?s).*\\b3 of 3 connected.*")
                    || !master.contains("Waiting for workers"), master);
            assertEquals(List.of(), leftIn(folder));
        }
    }

    @Test
    void jmeterServersShareTheUsersAndTheControllerHasEverySample() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path folder = ranClean(LoadTools.JMETER, api, "8s");
            JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
            assertEquals(List.of("server-1", "server-2", "server-3", "controller"), names(result));
            long reported = result.at("/total/requests").asLong();
            assertEquals(api.requests().size(), reported, "the controller's JTL holds every server's samples");
            // The split: each server ran its share of the plan's 6 threads (-Jthreads=2), as its log says.
            long threads = 0;
            for (int i = 1; i <= 3; i++) {
                String log = Files.readString(folder.resolve("jmeter-server-" + i + ".log"));
                // Each server also runs the setUp Thread Group (the OAuth 2.0 token) with one thread of its own.
                Matcher count = Pattern.compile("Starting (\\d+) threads for group (?!setUp)").matcher(log);
                assertTrue(count.find(), log);
                threads += Long.parseLong(count.group(1));
            }
            assertEquals(6, threads, "the servers' threads add up to the plan's users");
            // Every server's hostname column is the same here; the JTL's samples all came through the controller.
            RunResult jtl = ResultParsers.parse(folder.resolve("results.jtl"), LoadTools.JMETER, Set.of());
            assertEquals(jtl.total().latencyMs().p95(), result.at("/total/latencyMs/p95").asDouble());
            assertEquals(List.of(), leftIn(folder));
        }
    }

    @Test
    void artilleryProcessesRunTheirShareOfThePhases() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path folder = ranClean(LoadTools.ARTILLERY, api, "6s");
            JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
            assertEquals(List.of("artillery-1", "artillery-2", "artillery-3"), names(result));
            long reported = result.at("/total/requests").asLong();
            long sum = 0;
            long users = 0;
            for (int i = 1; i <= 3; i++) {
                JsonNode report = JSON.readTree(folder.resolve("report-" + i + ".json").toFile());
                users += report.at("/aggregate/counters/vusers.created").asLong();
                sum += result.get("workers").get(i - 1).get("requests").asLong();
            }
            assertEquals(6, users, "the processes' users add up to the plan's");
            assertEquals(reported, sum);
            // Artillery leaves each process's before-flow token request out of its report.
            assertEquals(api.requests().size() - 3, reported, "the API's log against the merged result");
            assertTrue(result.get("warnings").toString().contains("an approximation"), result.get("warnings").toString());
            assertEquals(List.of(), leftIn(folder));
        }
    }

    @Test
    void ctrlCStopsEveryProcess() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            List<String> command = new ArrayList<>(List.of("java", "-jar", RunEndToEndTest.jar().toString(), "run",
                    TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", "locust",
                    "--tool-path", Tools.executable(LoadTools.LOCUST).toString(), "--workers", "3", "--vus", "3",
                    "--duration", "5m", "--think-time", "none", "--base-url", api.baseUrl(),
                    "--results", dir.resolve("results").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            builder.environment().putAll(Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID, "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET));
            Process loadsmith = builder.start();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (api.requests().size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2500);
            Path folder = runFolder();
            assertTrue(leftIn(folder).size() >= 4, "a master and three workers run: " + leftIn(folder));
            new ProcessBuilder("kill", "-INT", Long.toString(loadsmith.pid())).start().waitFor();
            boolean ended = loadsmith.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                // what it was doing, for the report, before it goes
                String left = leftIn(folder).toString();
                loadsmith.destroyForcibly().waitFor();
                fail("Loadsmith ends after Ctrl+C; still running then: " + left + "; its output:\n"
                        + Files.readString(dir.resolve("out.txt")));
            }
            String out = Files.readString(dir.resolve("out.txt"));
            assertEquals(130, loadsmith.exitValue(), out);
            assertTrue(out.contains("stopped; reporting what was measured"), out);
            assertTrue(JSON.readTree(folder.resolve("result.json").toFile()).at("/total/requests").asLong() > 0, out);
            assertEquals(List.of(), leftIn(folder), out);
        }
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("workers").forEach(w -> names.add(w.get("name").asText()));
        return names;
    }
}
