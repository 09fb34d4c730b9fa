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
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.CorpusSuite;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
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
 * Every k6, Locust, Artillery and JMeter output of the repository's fixtures (samples/results, real
 * runs against the demo API; with LOADSMITH_CORPUS also the shared corpus's) parses, and the
 * figures match figures recomputed here from the raw data with other means (Jackson's CSV reader,
 * the JDK's DOM, sorting every value).
 */
class ResultFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ResultJson.class.getResourceAsStream("result.schema.json"));
    private static final Path FIXTURES = TestPaths.samples().resolve("results");

    static Stream<Path> outputs() throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String tool : LoadTools.all().stream().map(LoadTool::id).toList()) {
            roots.add(FIXTURES.resolve(tool));
            if (Corpus.enabled()) {
                roots.add(TestPaths.corpus().resolve("outputs").resolve(tool));
                roots.add(TestPaths.corpus().resolve("outputs-generated").resolve(tool));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(ResultFilesTest::isResult).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    private static boolean isResult(Path file) {
        String name = file.getFileName().toString();
        // JMeter's dashboard and Gatling's report data (js/) are reports of results, not results.
        return !file.toString().contains("/dashboard/") && !file.toString().contains("/js/") && (name.endsWith(".jtl") || name.endsWith(".csv")
                || name.endsWith(".ndjson") || name.endsWith(".ndjson.gz") || name.endsWith(".json") && !name.equals("package.json")
                || name.endsWith("simulation.log"));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void everyOutputParsesIntoAResultThatTheSchemaAccepts(Path file) throws IOException {
        RunResult result = ResultParsers.parse(file, null, Set.of(99.9));
        assertNotNull(result.total());
        String tool = LoadTools.all().stream().map(LoadTool::id).filter(id -> file.toString().contains("/" + id + "/")).findFirst()
                .orElseThrow();
        assertEquals(tool, result.tool().id(), file + " was read as " + result.format());
        long sum = result.operations().stream().mapToLong(o -> o.stats().requests()).sum();
        if (!result.operations().isEmpty() && !result.format().startsWith("k6-summary")) {
            assertEquals(result.total().requests(), sum, "operations add up to the total in " + file);
        }
        var errors = SCHEMA.validate(JSON.readTree(ResultJson.write(result)));
        assertTrue(errors.isEmpty(), file + ": result.json breaks result.schema.json: " + errors);
    }

    @Test
    void theSchemaRejectsWhatItDoesNotDescribe() throws IOException {
        RunResult result = ResultParsers.parse(FIXTURES.resolve("jmeter/results.jtl"), null, Set.of());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(ResultJson.write(result));
        assertTrue(SCHEMA.validate(json).isEmpty());
        json.put("tool", "wrk");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("total")).remove("requests");
        assertEquals(2, SCHEMA.validate(json).size(), SCHEMA.validate(json).toString());
    }

    static List<Path> jtlCsvFiles() {
        List<Path> files = new ArrayList<>(List.of(FIXTURES.resolve("jmeter/results.jtl")));
        files.addAll(Corpus.ifEnabled(() -> Stream.of("outputs-generated/jmeter/results.jtl", "outputs/jmeter/taurus-kpi1.csv.jtl",
                "outputs/jmeter/taurus-slow-stdev.jtl", "outputs/jmeter/taurus-tabs.jtl", "outputs/jmeter/taurus-unicode.jtl",
                "outputs/jmeter/apache-jmeter-HTMLReportTestFile.csv", "outputs/jmeter/taurus-quote-guessing-crash.jtl",
                "outputs/jmeter/taurus-tranctl.jtl").map(TestPaths.corpus()::resolve).toList()));
        return files;
    }

    @ParameterizedTest
    @MethodSource("jtlCsvFiles")
    void jtlCsvMatchesEveryRow(Path file) throws IOException {
        String name = file.toString();
        {
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
            RunResult result = ResultParsers.parse(file, LoadTools.JMETER, Set.of());
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

    static List<Path> jtlXmlFiles() {
        List<Path> files = new ArrayList<>(List.of(FIXTURES.resolve("jmeter/results.xml.jtl")));
        files.addAll(Corpus.ifEnabled(() -> Stream.of("outputs-generated/jmeter/xml/results.xml.jtl",
                "outputs/jmeter/apache-jmeter-sample_log1.xml.jtl", "outputs/jmeter/taurus-unicode-reqs.xml.jtl",
                "outputs/jmeter/taurus-error-tc-generate-parent.xml.jtl").map(TestPaths.corpus()::resolve).toList()));
        return files;
    }

    @ParameterizedTest
    @MethodSource("jtlXmlFiles")
    void jtlXmlCountsTopLevelSamples(Path file) throws Exception {
        String name = file.toString();
        {
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
    void anXmlJtlCutInASampleGivesWhatItHoldsAndAWarning(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // As a killed run leaves it: the file ends inside its 50th sample.
        String text = Files.readString(FIXTURES.resolve("jmeter/results.xml.jtl"));
        int cut = text.indexOf("<httpSample");
        for (int i = 0; i < 49; i++) {
            cut = text.indexOf("<httpSample", cut + 1);
        }
        Path file = Files.writeString(dir.resolve("cut.jtl"), text.substring(0, cut + 40));
        RunResult result = ResultParsers.parse(file, null, Set.of());
        assertEquals(49, result.total().requests());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("ends early")), result.warnings().toString());
    }

    @Test
    @CorpusSuite
    void aJtlCutShortGivesWhatItHoldsAndAWarning() throws IOException {
        // A real file that ends inside a sample, as a killed run leaves it.
        Path file = TestPaths.corpus().resolve("outputs/jmeter/taurus-standard-errors.xml.jtl");
        long opened = Files.readAllLines(file).stream().filter(l -> l.startsWith("<httpSample")).count();
        RunResult result = ResultParsers.parse(file, null, Set.of());
        assertEquals(opened, result.total().requests());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("ends early")), result.warnings().toString());
        assertTrue(result.total().failuresByKind().get("timeout") > 0, result.total().failuresByKind().toString());
    }

    /** Every http_req_duration point of a k6 JSON stream, held against what the parser made of the same lines. */
    private static RunResult checkK6Stream(Path file, List<String> lines) throws IOException {
        List<Long> micros = new ArrayList<>();
        Map<String, Integer> perName = new HashMap<>();
        long failed = 0;
        for (String line : lines) {
            JsonNode point = JSON.readTree(line);
            if (point.path("type").asText().equals("Point") && point.path("metric").asText().equals("http_req_duration")) {
                micros.add(Math.round(point.path("data").path("value").asDouble() * 1000));
                perName.merge(point.path("data").path("tags").path("name").asText(), 1, Integer::sum);
                failed += point.path("data").path("tags").path("expected_response").asText().equals("false") ? 1 : 0;
            }
        }
        RunResult stream = ResultParsers.parse(file, null, Set.of());
        assertEquals("k6-json", stream.format());
        assertEquals(micros.size(), stream.total().requests());
        assertEquals(failed, stream.total().failures());
        assertLatency(micros, 1000, stream.total().latencyMs(), file.toString());
        perName.forEach((name, n) -> assertEquals((long) n, stream.operation(name).stats().requests(), name));
        return stream;
    }

    /** k6's own summary of the run of a stream: the same count, and its percentiles within HdrHistogram's precision. */
    private static RunResult checkK6Summary(Path file, RunResult stream, List<String> lines) throws IOException {
        RunResult summary = ResultParsers.parse(file, null, Set.of());
        assertEquals("k6-summary-export", summary.format());
        assertEquals(stream.total().requests(), summary.total().requests());
        assertEquals(stream.total().failures(), summary.total().failures());
        List<Long> micros = new ArrayList<>();
        for (String line : lines) {
            JsonNode point = JSON.readTree(line);
            if (point.path("type").asText().equals("Point") && point.path("metric").asText().equals("http_req_duration")) {
                micros.add(Math.round(point.path("data").path("value").asDouble() * 1000));
            }
        }
        // k6 interpolates between the two values around the rank; nearest rank takes the upper one.
        Collections.sort(micros);
        int rank = (int) Math.ceil(Math.nextDown(95.0) / 100 * micros.size());
        double k6p95 = summary.total().latencyMs().p95();
        assertTrue(k6p95 >= micros.get(rank - 2) / 1000.0 - 0.001 && k6p95 <= micros.get(rank - 1) / 1000.0 + 0.001,
                k6p95 + " between the values around rank " + rank);
        assertEquals(summary.total().latencyMs().max(), stream.total().latencyMs().max(), 0.002);
        return summary;
    }

    private static List<String> gunzipLines(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void k6JsonMatchesEveryPointAndK6sOwnSummaries() throws IOException {
        Path dir = FIXTURES.resolve("k6");
        List<String> lines = gunzipLines(dir.resolve("samples.ndjson.gz"));
        RunResult stream = checkK6Stream(dir.resolve("samples.ndjson.gz"), lines);
        long missing = stream.operation("getMissingBook").stats().requests();
        assertTrue(missing > 0);
        assertEquals(missing, stream.operation("getMissingBook").stats().failures(), "every unknown book is a 404");
        assertEquals(Map.of("4xx", missing), stream.total().failuresByKind());
        RunResult summary = checkK6Summary(dir.resolve("summary.json"), stream, lines);
        // The plan's thresholds: p95<5000ms held, getMissingBook's error rate below 1% did not.
        assertEquals(Boolean.FALSE, summary.toolVerdict());
        RunResult handle = ResultParsers.parse(dir.resolve("handle-summary.json"), null, Set.of());
        assertEquals("k6-summary", handle.format());
        assertEquals(summary.total().requests(), handle.total().requests());
        double runMs = JSON.readTree(dir.resolve("handle-summary.json").toFile()).path("state").path("testRunDurationMs").asDouble();
        assertEquals(runMs / 1000, handle.durationSeconds(), 0.001);
        assertEquals(Boolean.FALSE, handle.toolVerdict());
        RunResult csv = ResultParsers.parse(dir.resolve("samples.csv"), null, Set.of());
        assertEquals(stream.total().requests(), csv.total().requests());
        assertEquals(stream.total().failures(), csv.total().failures());
        assertEquals(stream.total().bytesReceived(), csv.total().bytesReceived());
    }

    @Test
    @CorpusSuite
    void k6JsonMatchesEveryPointAndK6sOwnSummaryInTheCorpus() throws IOException {
        Path dir = TestPaths.corpus().resolve("outputs-generated/k6");
        List<String> lines = Files.readAllLines(dir.resolve("samples.ndjson"));
        RunResult stream = checkK6Stream(dir.resolve("samples.ndjson"), lines);
        RunResult summary = checkK6Summary(dir.resolve("summary.json"), stream, lines);
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
        Path gzip = FIXTURES.resolve("k6/samples.ndjson.gz");
        Path plain = Files.write(dir.resolve("samples.ndjson"), gunzipLines(gzip));
        assertEquals(ResultJson.write(ResultParsers.parse(plain, null, Set.of())).replace(plain.toString(), "FILE"),
                ResultJson.write(ResultParsers.parse(gzip, null, Set.of())).replace(gzip.toString(), "FILE"));
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
        Path dir = FIXTURES.resolve("locust");
        RunResult fromStats = ResultParsers.parse(dir.resolve("locust_stats.csv"), null, Set.of());
        RunResult fromFailures = ResultParsers.parse(dir.resolve("locust_failures.csv"), LoadTools.LOCUST, Set.of());
        assertEquals(fromStats.total(), fromFailures.total(), "any file of the family reads the same figures");
        long occurrences = Long.parseLong(Files.readAllLines(dir.resolve("locust_failures.csv")).get(1).replaceFirst("^.*,", ""));
        assertEquals(occurrences, fromStats.total().failures());
        // The locustfile fails a wrong status as "getMissingBook: status 404, expected 200": a 4xx, as in the other tools.
        assertEquals(Map.of("4xx", occurrences), fromStats.total().failuresByKind());
        assertEquals(occurrences, fromStats.operation("getMissingBook").stats().requests());
        assertNotNull(fromStats.start());
        assertTrue(fromStats.durationSeconds() > 10 && fromStats.durationSeconds() < 14, "a 12 s run: " + fromStats.durationSeconds());
        assertEquals(Stats.PercentileSource.TOOL, fromStats.total().percentiles());
        assertFalse(fromStats.timeSeries().isEmpty(), "the full history gives a time series");
    }

    @Test
    @CorpusSuite
    void locustCsvFamilyOfTheCorpusIsReadTogether() throws IOException {
        Path dir = TestPaths.corpus().resolve("outputs-generated/locust");
        RunResult fromStats = ResultParsers.parse(dir.resolve("locust_stats.csv"), null, Set.of());
        RunResult fromFailures = ResultParsers.parse(dir.resolve("locust_failures.csv"), LoadTools.LOCUST, Set.of());
        assertEquals(fromStats.total(), fromFailures.total(), "any file of the family reads the same figures");
        long occurrences = Long.parseLong(Files.readAllLines(dir.resolve("locust_failures.csv")).get(1).replaceFirst("^.*,", ""));
        assertEquals(occurrences, fromStats.total().failures());
        assertEquals(occurrences, fromStats.total().failuresByKind().get("5xx"));
        assertTrue(fromStats.durationSeconds() > 10 && fromStats.durationSeconds() < 20, "a 15 s run: " + fromStats.durationSeconds());
    }

    @Test
    void artilleryCountsResponsesOf400AndMoreAsFailures() throws IOException {
        Path file = FIXTURES.resolve("artillery/report.json");
        JsonNode counters = JSON.readTree(file.toFile()).path("aggregate").path("counters");
        RunResult result = ResultParsers.parse(file, null, Set.of());
        long requests = counters.path("http.requests").asLong();
        assertEquals(requests, result.total().requests());
        assertEquals(counters.path("http.codes.404").asLong(), result.total().failures());
        assertEquals(Map.of("4xx", counters.path("http.codes.404").asLong()), result.total().failuresByKind());
        assertEquals(counters.path("plugins.metrics-by-endpoint.getMissingBook.codes.404").asLong(),
                result.operation("getMissingBook").stats().failures());
        assertEquals(0, result.operation("getBook").stats().failures());
    }

    @Test
    @CorpusSuite
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
