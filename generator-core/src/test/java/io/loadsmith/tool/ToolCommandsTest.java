package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Workload;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.RunResult;
import io.loadsmith.testing.Samples;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How each tool is started, split over local processes, asked for its version and stopped: the
 * command lines the real-tool tests run, checked here for what each part is for.
 */
class ToolCommandsTest {
    private static final LoadTool.RunSettings SETTINGS = new LoadTool.RunSettings(null);

    @TempDir
    Path dir;

    private static TestPlan plan(String sample) {
        Path path = Samples.all().stream().filter(s -> s.name().equals(sample)).findFirst().orElseThrow().path();
        return Loadsmith.importFile(path, ImportOptions.defaults().withSeed(1)).plan();
    }

    private static String after(List<String> arguments, String option) {
        int i = arguments.indexOf(option);
        return i < 0 || i + 1 >= arguments.size() ? null : arguments.get(i + 1);
    }

    private static int port(String hostPort) {
        assertTrue(hostPort.startsWith("127.0.0.1:"), hostPort);
        return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
    }

    private static RunResult result(LoadTool tool) {
        return new ResultBuilder(tool, "test", LatencyDefinition.SEND_TO_LAST_BYTE, 1).build(Set.of());
    }

    @Test
    void eachToolsVersionIsFoundInWhatItPrints() {
        assertEquals("0.48.0", version(LoadTools.K6, "k6 v0.48.0 (go1.21.5, linux/amd64)\n"));
        assertEquals("2.12.1", version(LoadTools.LOCUST, "locust 2.12.1 from /usr/lib/python3/dist-packages/locust (python 3.11.2)\n"));
        assertEquals("2.0.21", version(LoadTools.ARTILLERY, "\n        ___         __  _ ____\n  Artillery: 2.0.21\n  Node.js:   v22.11.0\n"));
        assertEquals("5.6.3", version(LoadTools.JMETER, "    _    ____   _    ____ _   _ _____\n   / \\  |  _ \\ / \\  / ___| | | | ____|\n"
                + "Copyright (c) 1999-2024 The Apache Software Foundation\n5.6.3\n\n"));
        assertEquals("3.12.0", version(LoadTools.GATLING, "Gatling 3.12.0\n"));
        assertNull(version(LoadTools.K6, "k6: command not found\n"));
        assertEquals(List.of("version"), LoadTools.K6.versionArguments());
        assertEquals(List.of("-j", "/dev/null", "--version"), LoadTools.JMETER.versionArguments(), "no jmeter.log for a version");
    }

    private static String version(LoadTool tool, String printed) {
        Matcher matcher = tool.versionPattern().matcher(printed);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void k6WritesEverySampleAndItsSummaryAndServesItsApiOnAFreePort() {
        List<String> arguments = LoadTools.K6.runArguments(SETTINGS);
        assertEquals(List.of("run", "--no-usage-report", "--out", "json=samples.ndjson.gz", "--summary-export", "summary.json"),
                arguments.subList(0, 6));
        assertEquals("k6/script.js", arguments.get(arguments.size() - 1));
        port(after(arguments, "--address"));
        assertEquals("samples.ndjson.gz", LoadTools.K6.runOutput());
        assertEquals("samples.ndjson.gz", LoadTools.K6.resultFiles().get(0));
    }

    @Test
    void k6SplitsItsTestIntoExecutionSegmentsThatCoverItOnce() {
        Distribution distribution = LoadTools.K6.distribute(SETTINGS, 3, plan("bookshop")).orElseThrow();
        assertEquals(List.of("k6-1", "k6-2", "k6-3"), distribution.processes().stream().map(Distribution.Member::name).toList());
        assertEquals(List.of("samples-1.ndjson.gz", "samples-2.ndjson.gz", "samples-3.ndjson.gz"), distribution.outputs());
        assertEquals(List.of("k6-1", "k6-2", "k6-3"), distribution.outputNames());
        List<String> segments = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        for (Distribution.Member member : distribution.processes()) {
            assertTrue(member.awaited());
            assertNull(member.ready());
            segments.add(after(member.arguments(), "--execution-segment"));
            assertEquals("0,1/3,2/3,1", after(member.arguments(), "--execution-segment-sequence"));
            assertTrue(ports.add(port(after(member.arguments(), "--address"))), "each its own API port");
            assertEquals("k6/script.js", member.arguments().get(member.arguments().size() - 1));
        }
        assertEquals(List.of("0:1/3", "1/3:2/3", "2/3:1"), segments);
        assertEquals("json=samples-2.ndjson.gz", after(distribution.processes().get(1).arguments(), "--out"));
        assertEquals("summary-2.json", after(distribution.processes().get(1).arguments(), "--summary-export"));
        assertEquals(List.of("0:1"), LoadTools.K6.distribute(SETTINGS, 1, plan("bookshop")).orElseThrow().processes().stream()
                .map(m -> after(m.arguments(), "--execution-segment")).toList());
    }

    @Test
    void k6AndGatlingGiveTheirOwnVerdictWhenThePlanHasThresholds() {
        TestPlan plan = plan("bookshop");
        TestPlan judged = plan.toBuilder().thresholds(List.of(Threshold.parse("p95<500ms"))).build();
        TestPlan unjudged = plan.toBuilder().thresholds(List.of()).build();
        RunResult result = result(LoadTools.K6);
        assertEquals(Boolean.FALSE, LoadTools.K6.afterRun(result, 99, judged).toolVerdict(), "99: a threshold was crossed");
        assertEquals(Boolean.TRUE, LoadTools.K6.afterRun(result, 0, judged).toolVerdict());
        assertEquals(Boolean.TRUE, LoadTools.K6.afterRun(result, 1, judged).toolVerdict(), "another failure is no verdict on thresholds");
        assertSame(result, LoadTools.K6.afterRun(result, 99, unjudged));
        assertEquals(Boolean.FALSE, LoadTools.GATLING.afterRun(result, 2, judged).toolVerdict(), "2: an assertion failed");
        assertEquals(Boolean.TRUE, LoadTools.GATLING.afterRun(result, 0, judged).toolVerdict());
        assertSame(result, LoadTools.GATLING.afterRun(result, 2, unjudged));
    }

    @Test
    void locustRunsHeadlessWithItsSettingsFileAndItsCsvHistory() {
        assertEquals(List.of("--config", "locust/locust.conf", "-f", "locust/locustfile.py", "--headless", "--only-summary", "--csv", "stats",
                "--csv-full-history"), LoadTools.LOCUST.runArguments(SETTINGS));
        assertEquals("stats_stats.csv", LoadTools.LOCUST.runOutput());
    }

    @Test
    void locustsMasterWaitsForItsWorkersOnAPortOfItsOwn() {
        Distribution distribution = LoadTools.LOCUST.distribute(SETTINGS, 2, plan("bookshop")).orElseThrow();
        List<Distribution.Member> members = distribution.processes();
        assertEquals(List.of("master", "worker-1", "worker-2"), members.stream().map(Distribution.Member::name).toList());
        Distribution.Member master = members.get(0);
        assertTrue(master.awaited());
        assertEquals(LoadTools.LOCUST.runArguments(SETTINGS), master.arguments().subList(0, 9));
        assertTrue(master.arguments().contains("--master"));
        assertEquals("127.0.0.1", after(master.arguments(), "--master-bind-host"));
        assertEquals("2", after(master.arguments(), "--expect-workers"));
        assertEquals("60", after(master.arguments(), "--expect-workers-max-wait"));
        String port = after(master.arguments(), "--master-bind-port");
        for (Distribution.Member worker : members.subList(1, 3)) {
            assertFalse(worker.awaited(), "workers end when the master is done");
            assertEquals(List.of("-f", "locust/locustfile.py", "--worker", "--master-host", "127.0.0.1", "--master-port", port),
                    worker.arguments());
        }
        assertEquals(List.of("stats_stats.csv"), distribution.outputs());
        assertEquals(List.of("master"), distribution.outputNames());
    }

    @Test
    void artilleryIsRetargetedWithItsOwnOption() {
        assertEquals(List.of("run", "--output", "report.json", "artillery/scenario.yml"), LoadTools.ARTILLERY.runArguments(SETTINGS));
        assertEquals(List.of("run", "--output", "report.json", "--target", "https://staging.example.com", "artillery/scenario.yml"),
                LoadTools.ARTILLERY.runArguments(new LoadTool.RunSettings("https://staging.example.com")));
    }

    @Test
    void artilleryProcessesEachRunTheirShareOfThePhases() {
        TestPlan plan = plan("bookshop").toBuilder().workload(Workload.ClosedWorkload.constant(5, Duration.ofSeconds(30))).build();
        Distribution distribution = LoadTools.ARTILLERY.distribute(new LoadTool.RunSettings("http://127.0.0.1:9"), 2, plan)
                .orElseThrow();
        assertEquals(List.of("report-1.json", "report-2.json"), distribution.outputs());
        assertEquals(List.of("artillery-1", "artillery-2"), distribution.outputNames());
        for (int i = 0; i < 2; i++) {
            List<String> arguments = distribution.processes().get(i).arguments();
            assertEquals("report-" + (i + 1) + ".json", after(arguments, "--output"));
            assertTrue(after(arguments, "--overrides").startsWith("{"), arguments.toString());
            assertEquals("http://127.0.0.1:9", after(arguments, "--target"));
            assertEquals("artillery/scenario.yml", arguments.get(arguments.size() - 1));
        }
        assertFalse(LoadTools.ARTILLERY.distribute(SETTINGS, 2, plan).orElseThrow().processes().get(0).arguments()
                .contains("--target"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadTools.ARTILLERY.distribute(SETTINGS, 6,
                plan));
        assertEquals("--workers 6 needs at least as many users (the plan has 5)", e.getMessage());
        assertEquals(5, LoadTools.ARTILLERY.distribute(SETTINGS, 5, plan).orElseThrow().processes().size());
    }

    @Test
    void artillerysReportLeavesTheTokenRequestOut() {
        RunResult result = result(LoadTools.ARTILLERY);
        TestPlan oauth = plan("bookshop");
        assertEquals(List.of("Artillery leaves its before flow out of the report: the OAuth 2.0 token request is not counted"),
                LoadTools.ARTILLERY.afterRun(result, 0, oauth).warnings());
        TestPlan noAuth = plan("petstore-swagger2");
        assertSame(result, LoadTools.ARTILLERY.afterRun(result, 0, noAuth));
    }

    @Test
    void jmeterRunsWithoutItsGuiAndEndsItsJvmWithTheTest() {
        assertEquals(List.of("-n", "-t", "jmeter/plan.jmx", "-l", "results.jtl", "-j", "jmeter.log", "-Jjmeterengine.force.system.exit=true"),
                LoadTools.JMETER.runArguments(SETTINGS));
    }

    @Test
    void jmeterServersGetTheirShareAndTheControllerDrivesThemAll() {
        TestPlan plan = plan("bookshop").toBuilder().workload(Workload.ClosedWorkload.constant(5, Duration.ofSeconds(30))).build();
        Distribution distribution = LoadTools.JMETER.distribute(SETTINGS, 2, plan).orElseThrow();
        List<Distribution.Member> members = distribution.processes();
        assertEquals(List.of("server-1", "server-2", "controller"), members.stream().map(Distribution.Member::name).toList());
        List<String> remotes = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (Distribution.Member server : members.subList(0, 2)) {
            assertFalse(server.awaited());
            assertTrue(server.ready().matcher("Created remote object: UnicastServerRef2 [liveRef: ...]").find(),
                    "the next process starts once the server's RMI object is there");
            assertEquals("-s", server.arguments().get(0));
            String registry = server.arguments().stream().filter(a -> a.startsWith("-Dserver_port=")).findFirst().orElseThrow();
            remotes.add("127.0.0.1:" + registry.substring("-Dserver_port=".length()));
            assertTrue(server.arguments().contains("-Jserver.rmi.ssl.disable=true"));
            assertEquals("jmeter-" + server.name() + ".log", after(server.arguments(), "-j"));
            threads.add(server.arguments().get(server.arguments().size() - 1));
        }
        assertEquals(List.of("-Jthreads=3", "-Jthreads=2"), threads, "5 users: 3 and 2");
        Distribution.Member controller = members.get(2);
        assertTrue(controller.awaited());
        assertEquals(LoadTools.JMETER.runArguments(SETTINGS), controller.arguments().subList(0, 8));
        assertEquals(String.join(",", remotes), after(controller.arguments(), "-R"));
        assertTrue(controller.arguments().contains("-X"), "the servers end with the test");
        assertEquals(2, new HashSet<>(remotes).size());
        assertEquals(List.of("results.jtl"), distribution.outputs());
    }

    @Test
    void jmeterIsAskedToStopOnThePortItsConsoleAnnounced() throws Exception {
        Path console = dir.resolve("tool.log");
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            Files.writeString(console, "Creating summariser <summary>\nCreated the tree successfully using plan.jmx\n"
                    + "Starting standalone test @ 2026 Dec 2 05:30:00 UTC (1796189400000)\n"
                    + "Waiting for possible Shutdown/StopTestNow/HeapDump/ThreadDump message on port " + listener.getLocalPort() + "\n");
            assertTrue(LoadTools.JMETER.requestStop(console));
            DatagramPacket packet = new DatagramPacket(new byte[64], 64);
            listener.receive(packet);
            assertEquals("StopTestNow", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII));
        }
        Files.writeString(console, "Creating summariser <summary>\n");
        assertFalse(LoadTools.JMETER.requestStop(console), "no port announced yet: SIGTERM");
        assertFalse(LoadTools.JMETER.requestStop(dir.resolve("missing.log")));
    }

    @Test
    void gatlingRunsTheSimulationFromItsSourcesWithResultsInItsFolder() {
        List<String> arguments = LoadTools.GATLING.runArguments(SETTINGS);
        assertEquals("-s", arguments.get(0));
        assertEquals("results", after(arguments, "-rf"));
        assertEquals(LoadTools.GATLING.runOutput(), LoadTools.GATLING.resultFiles().get(0));
        assertTrue(LoadTools.GATLING.distribute(SETTINGS, 2, plan("bookshop")).isEmpty(), "Gatling distributes in its Enterprise edition only");
    }
}
