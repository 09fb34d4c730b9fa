package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every k6, Locust, Artillery and JMeter output of the shared corpus parses, and the figures match
 * figures recomputed here from the raw data with other means (Jackson's CSV reader, the JDK's DOM,
 * sorting every value).
 */
class CorpusResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ResultJson.class.getResourceAsStream("result.schema.json"));

    static Stream<Path> outputs() throws IOException {
        Path corpus = TestPaths.corpus();
        List<Path> files = new ArrayList<>();
        for (String tool : List.of("jmeter", "k6", "locust", "artillery")) {
            for (Path root : List.of(corpus.resolve("outputs").resolve(tool), corpus.resolve("outputs-generated").resolve(tool))) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(CorpusResultsTest::isResult).sorted().forEach(files::add);
                }
            }
        }
        return files.stream();
    }

    private static boolean isResult(Path file) {
        String name = file.getFileName().toString();
        return !file.toString().contains("/dashboard/") && (name.endsWith(".jtl") || name.endsWith(".csv")
                || name.endsWith(".ndjson") || name.endsWith(".json") && !name.equals("package.json"));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void everyOutputParsesIntoAResultThatTheSchemaAccepts(Path file) throws IOException {
        RunResult result = ResultParsers.parse(file, null, Set.of(99.9));
        assertNotNull(result.total());
        String tool = file.getParent().toString().contains("/k6") ? "k6" : file.toString().contains("/locust") ? "locust"
                : file.toString().contains("/artillery") ? "artillery" : "jmeter";
        assertEquals(tool, result.tool(), file + " was read as " + result.format());
        long sum = result.operations().stream().mapToLong(o -> o.stats().requests()).sum();
        if (!result.operations().isEmpty() && !result.format().startsWith("k6-summary")) {
            assertEquals(result.total().requests(), sum, "operations add up to the total in " + file);
        }
        var errors = SCHEMA.validate(JSON.readTree(ResultJson.write(result)));
        assertTrue(errors.isEmpty(), file + ": result.json breaks result.schema.json: " + errors);
    }

    @Test
    void theSchemaRejectsWhatItDoesNotDescribe() throws IOException {
        RunResult result = ResultParsers.parse(TestPaths.corpus().resolve("outputs-generated/jmeter/results.jtl"), null, Set.of());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(ResultJson.write(result));
        assertTrue(SCHEMA.validate(json).isEmpty());
        json.put("tool", "gatling");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("total")).remove("requests");
        assertEquals(2, SCHEMA.validate(json).size(), SCHEMA.validate(json).toString());
    }

    @Test
    void jtlCsvMatchesEveryRow() throws IOException {
        for (String name : List.of("outputs-generated/jmeter/results.jtl", "outputs/jmeter/taurus-kpi1.csv.jtl",
                "outputs/jmeter/taurus-slow-stdev.jtl", "outputs/jmeter/taurus-tabs.jtl", "outputs/jmeter/taurus-unicode.jtl",
                "outputs/jmeter/apache-jmeter-HTMLReportTestFile.csv", "outputs/jmeter/taurus-quote-guessing-crash.jtl",
                "outputs/jmeter/taurus-tranctl.jtl")) {
            Path file = TestPaths.corpus().resolve(name);
            char separator = Files.readAllLines(file).get(0).contains("\t") ? '\t' : ',';
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator)).readValues(file.toFile())) {
                it.forEachRemaining(rows::add);
            }
            rows.removeIf(r -> String.valueOf(r.get("responseMessage")).startsWith("Number of samples in transaction"));
            Map<String, List<Long>> elapsed = new TreeMap<>();
            long failures = 0;
            for (Map<String, String> row : rows) {
                elapsed.computeIfAbsent(row.get("label"), k -> new ArrayList<>()).add(Long.parseLong(row.get("elapsed")));
                failures += "false".equals(row.get("success")) ? 1 : 0;
            }
            RunResult result = ResultParsers.parse(file, "jmeter", Set.of());
            assertEquals(rows.size(), result.total().requests(), name);
            assertEquals(failures, result.total().failures(), name);
            List<Long> all = new ArrayList<>();
            elapsed.values().forEach(all::addAll);
            if (!all.isEmpty()) {
                assertLatency(all, 1, result.total().latencyMs(), name);
            }
            elapsed.forEach((label, values) -> {
                OperationResult operation = result.operation(label);
                assertNotNull(operation, label + " in " + name);
                assertEquals(values.size(), operation.stats().requests(), label);
                assertLatency(values, 1, operation.stats().latencyMs(), name + " " + label);
            });
        }
    }

    @Test
    void jtlXmlCountsTopLevelSamples() throws Exception {
        for (String name : List.of("outputs-generated/jmeter/xml/results.xml.jtl", "outputs/jmeter/apache-jmeter-sample_log1.xml.jtl",
                "outputs/jmeter/taurus-unicode-reqs.xml.jtl", "outputs/jmeter/taurus-error-tc-generate-parent.xml.jtl")) {
            Path file = TestPaths.corpus().resolve(name);
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            List<Long> elapsed = new ArrayList<>();
            long failures = 0;
            Map<String, Integer> perLabel = new HashMap<>();
            for (Node node = document.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element sample && sample.hasAttribute("lb")) {
                    elapsed.add(Long.parseLong(sample.getAttribute("t")));
                    failures += "false".equals(sample.getAttribute("s")) ? 1 : 0;
                    perLabel.merge(sample.getAttribute("lb"), 1, Integer::sum);
                }
            }
            RunResult result = ResultParsers.parse(file, null, Set.of());
            assertEquals("jmeter-jtl-xml", result.format());
            assertEquals(elapsed.size(), result.total().requests(), name);
            assertEquals(failures, result.total().failures(), name);
            assertLatency(elapsed, 1, result.total().latencyMs(), name);
            perLabel.forEach((label, n) -> assertEquals((long) n, result.operation(label).stats().requests(), label));
        }
    }

    @Test
    void aJtlCutShortGivesWhatItHoldsAndAWarning() throws IOException {
        // A real file that ends inside a sample, as a killed run leaves it.
        Path file = TestPaths.corpus().resolve("outputs/jmeter/taurus-standard-errors.xml.jtl");
        long opened = Files.readAllLines(file).stream().filter(l -> l.startsWith("<httpSample")).count();
        RunResult result = ResultParsers.parse(file, null, Set.of());
        assertEquals(opened, result.total().requests());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("ends early")), result.warnings().toString());
        assertTrue(result.total().failuresByKind().get("timeout") > 0, result.total().failuresByKind().toString());
    }

    @Test
    void k6JsonMatchesEveryPointAndK6sOwnSummary() throws IOException {
        Path dir = TestPaths.corpus().resolve("outputs-generated/k6");
        List<Long> micros = new ArrayList<>();
        Map<String, Integer> perName = new HashMap<>();
        long failed = 0;
        for (String line : Files.readAllLines(dir.resolve("samples.ndjson"))) {
            JsonNode point = JSON.readTree(line);
            if (point.path("type").asText().equals("Point") && point.path("metric").asText().equals("http_req_duration")) {
                micros.add(Math.round(point.path("data").path("value").asDouble() * 1000));
                perName.merge(point.path("data").path("tags").path("name").asText(), 1, Integer::sum);
                failed += point.path("data").path("tags").path("expected_response").asText().equals("false") ? 1 : 0;
            }
        }
        RunResult stream = ResultParsers.parse(dir.resolve("samples.ndjson"), null, Set.of());
        assertEquals("k6-json", stream.format());
        assertEquals(micros.size(), stream.total().requests());
        assertEquals(failed, stream.total().failures());
        assertLatency(micros, 1000, stream.total().latencyMs(), "samples.ndjson");
        perName.forEach((name, n) -> assertEquals((long) n, stream.operation(name).stats().requests(), name));

        // k6's own summary of the same run: the same count, and its percentiles within HdrHistogram's precision.
        RunResult summary = ResultParsers.parse(dir.resolve("summary.json"), null, Set.of());
        assertEquals("k6-summary-export", summary.format());
        assertEquals(stream.total().requests(), summary.total().requests());
        assertEquals(stream.total().failures(), summary.total().failures());
        // k6 interpolates between the two values around the rank; nearest rank takes the upper one.
        Collections.sort(micros);
        int rank = (int) Math.ceil(Math.nextDown(95.0) / 100 * micros.size());
        double k6p95 = summary.total().latencyMs().p95();
        assertTrue(k6p95 >= micros.get(rank - 2) / 1000.0 - 0.001 && k6p95 <= micros.get(rank - 1) / 1000.0 + 0.001,
                k6p95 + " between the values around rank " + rank);
        assertEquals(summary.total().latencyMs().max(), stream.total().latencyMs().max(), 0.002);
        RunResult handle = ResultParsers.parse(dir.resolve("handle-summary.json"), null, Set.of());
        assertEquals("k6-summary", handle.format());
        assertEquals(summary.total().requests(), handle.total().requests());
        assertEquals(15.499, handle.durationSeconds(), 0.001);
        assertEquals(Boolean.TRUE, handle.toolVerdict());
        RunResult failedRun = ResultParsers.parse(dir.resolve("threshold-fail/summary.json"), null, Set.of());
        assertEquals(Boolean.FALSE, failedRun.toolVerdict(), "a summary-export threshold that is true was crossed");
        RunResult csv = ResultParsers.parse(dir.resolve("samples.csv"), null, Set.of());
        assertEquals(stream.total().requests(), csv.total().requests());
        assertEquals(stream.total().failures(), csv.total().failures());
        assertEquals(stream.total().bytesReceived(), csv.total().bytesReceived());
    }

    @Test
    void gzipK6JsonReadsLikeThePlainFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path plain = TestPaths.corpus().resolve("outputs-generated/k6/samples.ndjson");
        Path gzip = dir.resolve("samples.ndjson.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(plain, out);
        }
        assertEquals(ResultJson.write(ResultParsers.parse(plain, null, Set.of())).replace("samples.ndjson", ""),
                ResultJson.write(ResultParsers.parse(gzip, null, Set.of())).replace("samples.ndjson.gz", ""));
    }

    @Test
    void locustJsonBuildsPercentilesFromItsHistogram(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // The shape of Locust's --json output (one entry per name, response times bucketed by rounded ms).
        Path file = Files.writeString(dir.resolve("locust.json"), """
                [{"name": "getBook", "method": "GET", "last_request_timestamp": 1795312660.5, "start_time": 1795312650.0,
                  "num_requests": 10, "num_none_requests": 0, "num_failures": 1, "total_response_time": 235.0,
                  "max_response_time": 120.0, "min_response_time": 5.0, "total_content_length": 1000,
                  "response_times": {"5": 4, "10": 4, "50": 1, "120": 1}, "num_reqs_per_sec": {}, "num_fail_per_sec": {}}]
                """);
        RunResult result = ResultParsers.parse(file, null, Set.of());
        assertEquals("locust-json", result.format());
        assertEquals(10, result.total().requests());
        assertEquals(1, result.total().failures());
        // Nearest rank over 5,5,5,5,10,10,10,10,50,120, within HdrHistogram's 0.1%.
        assertEquals(10.0, result.total().latencyMs().p50(), 0.011);
        assertEquals(10.0, result.total().latencyMs().p75(), 0.011);
        assertEquals(50.0, result.total().latencyMs().p90(), 0.051);
        assertEquals(120.0, result.total().latencyMs().p95(), 0.121);
        assertEquals(5.0, result.total().latencyMs().min(), 0.001);
        assertEquals(23.5, result.total().latencyMs().mean(), 0.001, "Locust's own sum over its count");
        assertEquals(1000L, result.total().bytesReceived());
    }

    @Test
    void locustCsvFamilyIsReadTogether() throws IOException {
        Path dir = TestPaths.corpus().resolve("outputs-generated/locust");
        RunResult fromStats = ResultParsers.parse(dir.resolve("locust_stats.csv"), null, Set.of());
        RunResult fromFailures = ResultParsers.parse(dir.resolve("locust_failures.csv"), "locust", Set.of());
        assertEquals(fromStats.total(), fromFailures.total(), "any file of the family reads the same figures");
        long occurrences = 0;
        for (String line : Files.readAllLines(dir.resolve("locust_failures.csv")).subList(1, 2)) {
            occurrences += Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
        }
        assertEquals(occurrences, fromStats.total().failures());
        assertEquals(occurrences, fromStats.total().failuresByKind().get("5xx"));
        assertNotNull(fromStats.start());
        assertTrue(fromStats.durationSeconds() > 10 && fromStats.durationSeconds() < 20, "a 15 s run: " + fromStats.durationSeconds());
        assertEquals(Stats.PercentileSource.TOOL, fromStats.total().percentiles());
    }

    @Test
    void artilleryCountsResponsesOf400AndMoreAndMissingOnesAsFailures() throws IOException {
        Path file = TestPaths.corpus().resolve("outputs-generated/artillery/report-errors.json");
        JsonNode counters = JSON.readTree(file.toFile()).path("aggregate").path("counters");
        RunResult result = ResultParsers.parse(file, null, Set.of());
        long requests = counters.path("http.requests").asLong();
        long expected = requests - counters.path("http.responses").asLong() + counters.path("http.codes.500").asLong();
        assertEquals(requests, result.total().requests());
        assertEquals(expected, result.total().failures());
        assertEquals(counters.path("errors.ECONNREFUSED").asLong(), result.total().failuresByKind().get("connection"));
        assertEquals(counters.path("plugins.metrics-by-endpoint./api/flaky.codes.500").asLong(),
                result.operation("/api/flaky").stats().failures());
    }

    /**
     * min, max, mean exactly (to rounding); percentiles by nearest rank (the smallest value with at
     * least p% of the values at or below it), within HdrHistogram's 0.1%.
     */
    static void assertLatency(List<Long> values, double unitsPerMs, Latency latency, String what) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        assertEquals(sorted.get(0) / unitsPerMs, latency.min(), 0.0011, what + " min");
        assertEquals(sorted.get(sorted.size() - 1) / unitsPerMs, latency.max(), 0.0011, what + " max");
        double mean = values.stream().mapToLong(Long::longValue).average().orElseThrow() / unitsPerMs;
        assertEquals(mean, latency.mean(), 0.0011, what + " mean");
        double[] ps = {50, 75, 90, 95, 99};
        Double[] got = {latency.p50(), latency.p75(), latency.p90(), latency.p95(), latency.p99()};
        for (int i = 0; i < ps.length; i++) {
            int rank = (int) Math.max(1, Math.ceil(Math.nextDown(ps[i]) / 100 * sorted.size()));
            double expected = sorted.get(rank - 1) / unitsPerMs;
            assertEquals(expected, got[i], expected * 0.001 + 0.0011, what + " p" + (int) ps[i]);
        }
    }
}
