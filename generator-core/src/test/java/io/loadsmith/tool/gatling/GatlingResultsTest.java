package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.testing.CorpusSuite;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling's simulation.log, binary (3.13 on) and text (up to 3.12), against Gatling's own report
 * of the same runs: the last table of its console, its Global Information block, its stats.json.
 */
class GatlingResultsTest {
    private static final Path FIXTURES = TestPaths.samples().resolve("results/gatling");
    private static final Pattern ROW = Pattern.compile("^> (.+?)\\s*\\|([^|]+)\\|([^|]+)\\|([^|]+)$");

    @Test
    void theRecordedBinaryLogCountsWhatGatlingsConsoleCounted() throws IOException {
        RunResult result = ResultParsers.parse(FIXTURES.resolve("simulation.log"), null, Set.of());
        assertEquals("gatling-log-binary", result.format());
        assertEquals(LoadTools.GATLING, result.tool());
        assertEquals("3.15.1", result.toolVersion());
        assertCounts(lastConsoleTable(FIXTURES.resolve("console.txt")), result);
        OperationResult missing = result.operation("getMissingBook");
        assertTrue(missing.stats().failures() > 0);
        assertEquals(Map.of("4xx", missing.stats().failures()), result.total().failuresByKind(),
                "Gatling's 'status.find.is(200), found 404' is a 4xx");
    }

    @Test
    void aRunFolderIsReadThroughTheResultsFolderGatlingNamedItself(@TempDir Path run) throws IOException {
        Path folder = Files.createDirectories(run.resolve("results/loadsmithsimulation-20261201100323001"));
        Files.copy(FIXTURES.resolve("simulation.log"), folder.resolve("simulation.log"));
        assertEquals(folder.resolve("simulation.log"), ResultParsers.runFile(run));
    }

    @Test
    void aBinaryLogCutAnywhereGivesWhatItHoldsAndAWarning(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("simulation.log"));
        long all = ResultParsers.parse(FIXTURES.resolve("simulation.log"), null, Set.of()).total().requests();
        long previous = 0;
        Path cut = dir.resolve("simulation.log");
        // From just after the run record (its length: a cut inside it is no log at all) to the end.
        for (int length = 200; length < whole.length; length += 7) {
            Files.write(cut, Arrays.copyOf(whole, length));
            RunResult result = ResultParsers.parse(cut, LoadTools.GATLING, Set.of());
            long requests = result.total().requests();
            assertTrue(requests >= previous && requests <= all, length + " bytes: " + requests);
            previous = requests;
        }
        assertTrue(previous > all / 2);
        Files.write(cut, Arrays.copyOf(whole, 20));
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(cut, LoadTools.GATLING, Set.of()));
        assertTrue(e.getMessage().contains("cut short in its first record"), e.getMessage());
    }

    @Test
    void anUnknownRecordTypeNamesTheRecord(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("simulation.log"));
        byte[] bad = Arrays.copyOf(whole, whole.length + 1);
        bad[whole.length] = 9;
        Path file = dir.resolve("simulation.log");
        Files.write(file, bad);
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(file, null, Set.of()));
        assertTrue(e.getMessage().matches("(?s).*record \\d+.*unknown record type 9.*"), e.getMessage());
    }

    @Test
    void aTextLogIsReadWithItsRequestsGroupsAndMessages(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("simulation.log");
        Files.writeString(log, String.join("\n",
                "ASSERTION\tAAMDAAMDAAAAAAAAwFhA",
                "RUN\tloadsmith.LoadsmithSimulation\tloadsmithsimulation\t1700000000000\t \t3.11.5",
                "USER\tshopper\tSTART\t1700000000010",
                "REQUEST\t\tcreateBook\t1700000000020\t1700000000045\tOK\t ",
                "REQUEST\tcart,inner\tcreateBook\t1700000001020\t1700000001030\tKO\tstatus.find.is(201), found 503",
                "GROUP\tcart\t1700000000020\t1700000001030\t35\tKO",
                "REQUEST\t\tgetBook\t1700000001100\t1700000001107\tKO\tjsonPath($.id).find.exists, found nothing",
                "REQUEST\t\tgetBook\t1700000001200\t1700000001300\tKO\ti.g.h.c.i.RequestTimeoutException: Request timeout",
                "USER\tshopper\tEND\t1700000001400",
                "REQUEST\t\tgetBook\t17000000"), StandardCharsets.UTF_8);
        RunResult result = ResultParsers.parse(log, null, Set.of());
        assertEquals("gatling-log", result.format());
        assertEquals("3.11.5", result.toolVersion());
        assertEquals(4, result.total().requests());
        assertEquals(3, result.total().failures());
        assertEquals(Map.of("5xx", 1L, "check", 1L, "timeout", 1L), result.total().failuresByKind());
        assertEquals(2, result.operation("createBook").stats().requests(), "a request's group does not rename it");
        assertEquals(25.0, result.operation("createBook").stats().latencyMs().max());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("cut short")), result.warnings().toString());
    }

    @Test
    void aFileOfAnotherKindIsNoGatlingLog(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("simulation.log");
        Files.writeString(log, "RUN\tx\nname,value\tz\nmore\tq\n");
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(log, null, Set.of()));
        assertTrue(e.getMessage().contains(log.toString()), e.getMessage());
    }

    @Test
    @CorpusSuite
    void gatling315sBinaryLogAgreesWithItsConsoleAndGlobalInformation() throws IOException {
        Path dir = TestPaths.corpus().resolve("outputs-generated/gatling/3.15.1");
        RunResult result = ResultParsers.parse(onlyLog(dir), null, Set.of());
        assertEquals("gatling-log-binary", result.format());
        assertEquals("3.15.1", result.toolVersion());
        assertCounts(lastConsoleTable(dir.resolve("console.txt")), result);
        Map<String, Long> global = globalInformation(dir.resolve("console.txt"));
        assertEquals(global.get("request count"), result.total().requests());
        assertEquals(global.get("min response time (ms)"), Math.round(result.total().latencyMs().min()));
        assertEquals(global.get("max response time (ms)"), Math.round(result.total().latencyMs().max()));
        assertEquals(global.get("mean response time (ms)"), Math.round(result.total().latencyMs().mean()));
        assertPercentile(global.get("response time 50th percentile (ms)"), result.total().latencyMs().p50());
        assertPercentile(global.get("response time 75th percentile (ms)"), result.total().latencyMs().p75());
        assertPercentile(global.get("response time 95th percentile (ms)"), result.total().latencyMs().p95());
        assertPercentile(global.get("response time 99th percentile (ms)"), result.total().latencyMs().p99());
        assertEquals(Map.of("5xx", 15L), result.total().failuresByKind());
    }

    @Test
    @CorpusSuite
    void gatling312sTextLogAgreesWithItsStatsJson() throws IOException {
        Path dir = TestPaths.corpus().resolve("outputs-generated/gatling/3.12.0");
        Path log = onlyLog(dir);
        RunResult result = ResultParsers.parse(log, null, Set.of());
        assertEquals("gatling-log", result.format());
        assertEquals("3.12.0", result.toolVersion());
        JsonNode stats = new ObjectMapper().readTree(log.resolveSibling("js/stats.json").toFile());
        assertStats(stats.path("stats"), result.total().requests(), result.total().failures(), result.total().latencyMs());
        for (JsonNode request : stats.path("contents")) {
            OperationResult operation = result.operation(request.path("name").asText());
            assertStats(request.path("stats"), operation.stats().requests(), operation.stats().failures(), operation.stats().latencyMs());
        }
        assertEquals(stats.path("contents").size(), result.operations().size());
    }

    @Test
    @CorpusSuite
    void everyGatlingLogOfTheCorpusHoldsAsManyRequestsAsItsRequestRecords() throws IOException {
        try (Stream<Path> files = Files.list(TestPaths.corpus().resolve("outputs/gatling"))) {
            for (Path log : files.sorted().toList()) {
                RunResult result = ResultParsers.parse(log, null, Set.of());
                assertEquals(LoadTools.GATLING, result.tool());
                if (result.format().equals("gatling-log")) {
                    long records = Files.readAllLines(log).stream().filter(l -> l.startsWith("REQUEST\t") || l.startsWith("ACTION\t"))
                            .count();
                    assertEquals(records, result.total().requests(), log.toString());
                    assertTrue(result.warnings().isEmpty(), log + ": " + result.warnings());
                } else {
                    assertTrue(result.total().requests() > 0, log.toString());
                    assertEquals("3.14.3", result.toolVersion());
                }
            }
        }
    }

    private static void assertStats(JsonNode stats, long requests, long failures, io.loadsmith.result.Latency latency) {
        String what = stats.path("name").asText();
        assertEquals(stats.path("numberOfRequests").path("total").asLong(), requests, what);
        assertEquals(stats.path("numberOfRequests").path("ko").asLong(), failures, what);
        assertEquals(stats.path("minResponseTime").path("total").asLong(), Math.round(latency.min()), what);
        assertEquals(stats.path("maxResponseTime").path("total").asLong(), Math.round(latency.max()), what);
        assertEquals(stats.path("meanResponseTime").path("total").asLong(), Math.round(latency.mean()), what);
    }

    /** Gatling's percentiles come from its own estimator: they agree with exact ones within a millisecond or 2%. */
    private static void assertPercentile(long gatlings, double ours) {
        assertTrue(Math.abs(gatlings - ours) <= Math.max(1, gatlings * 0.02), "Gatling " + gatlings + " ms, Loadsmith " + ours);
    }

    private static void assertCounts(Map<String, long[]> table, RunResult result) {
        long[] global = table.remove("Global");
        assertEquals(global[0], result.total().requests());
        assertEquals(global[2], result.total().failures());
        for (Map.Entry<String, long[]> row : table.entrySet()) {
            String name = row.getKey().contains(" / ") ? row.getKey().substring(row.getKey().lastIndexOf(" / ") + 3) : row.getKey();
            OperationResult operation = result.operation(name);
            assertEquals(row.getValue()[0], operation.stats().requests(), name);
            assertEquals(row.getValue()[2], operation.stats().failures(), name);
        }
        assertEquals(table.size(), result.operations().size());
    }

    /** The rows of the last "---- Requests" table Gatling printed: name to total, OK, KO. */
    static Map<String, long[]> lastConsoleTable(Path console) throws IOException {
        List<String> lines = Files.readAllLines(console);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("---- Requests")) {
                start = i;
            }
        }
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size(); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            if (!row.matches()) {
                break;
            }
            rows.put(row.group(1), new long[] {count(row.group(2)), count(row.group(3)), count(row.group(4))});
        }
        return rows;
    }

    /** The Total column of the "Global Information" block. */
    private static Map<String, Long> globalInformation(Path console) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(console)) {
            in = in || line.startsWith("---- Global Information");
            Matcher row = ROW.matcher(line);
            if (in && row.matches() && row.group(2).strip().matches("[\\d,]+")) {
                values.put(row.group(1), count(row.group(2)));
            }
        }
        return values;
    }

    private static long count(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }

    private static Path onlyLog(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().equals("simulation.log")).findFirst().orElseThrow();
        }
    }
}
