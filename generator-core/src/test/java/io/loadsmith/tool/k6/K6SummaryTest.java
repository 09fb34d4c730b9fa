package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.FailureKind;
import io.loadsmith.result.Latency;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6's end-of-test summary (handleSummary's data and the older --summary-export) read figure by
 * figure, and the kinds of failure k6's tags tell.
 */
class K6SummaryTest {
    private static final ResultParser PARSER = new K6SummaryParser(LoadTools.K6);

    @TempDir
    Path dir;

    private RunResult parse(String json, Double... extra) throws Exception {
        Path file = Files.writeString(dir.resolve("summary.json"), json);
        assertTrue(PARSER.accepts(file, json));
        return PARSER.parse(file, Set.of(extra));
    }

    @Test
    void handleSummaryDataGivesTheRunAndTheNamedOperations() throws Exception {
        RunResult result = parse("""
                {"state": {"testRunDurationMs": 20000}, "metrics": {
                  "http_reqs": {"type": "counter", "values": {"count": 200, "rate": 10}},
                  "http_req_failed": {"values": {"passes": 6, "fails": 194, "rate": 0.03}},
                  "http_req_duration": {"values": {"avg": 20.5, "min": 1.2345, "med": 15, "max": 300, "p(90)": 40, "p(95)": 60,
                                                   "p(99)": 120, "p(99.9)": 250},
                                        "thresholds": {"p(95)<500": {"ok": true}}},
                  "http_req_duration{name:getBook}": {"values": {"avg": 10, "min": 1, "p(50)": 9, "max": 50, "p(95)": 30}},
                  "http_reqs{name:getBook}": {"values": {"count": 120, "rate": 6}},
                  "http_req_failed{name:getBook}": {"values": {"passes": 2, "fails": 118}, "thresholds": {"rate<0.01": {"ok": false}}},
                  "http_req_failed{name:listBooks}": {"values": {"passes": 1, "fails": 79}},
                  "data_received": {"values": {"count": 5000}}, "data_sent": {"values": {"count": 700}}}}
                """, 99.9, 75.0);
        assertEquals("k6-summary", result.format());
        assertEquals(20.0, result.durationSeconds(), "the test's own length");
        Stats total = result.total();
        assertEquals(200, total.requests());
        assertEquals(6, total.failures(), "a Rate metric counts the failed requests as its passes");
        assertEquals(new Latency(1.235, 20.5, 15.0, null, 40.0, 60.0, 120.0, 300.0), total.latencyMs());
        assertEquals(Map.of(99.9, 250.0), total.extraPercentiles(), "p(75) is not in the summary");
        assertEquals(10.0, total.throughputPerSecond());
        assertEquals(5000L, total.bytesReceived());
        assertEquals(700L, total.bytesSent());
        assertEquals(Boolean.FALSE, result.toolVerdict(), "one threshold of the script failed");

        List<OperationResult> operations = result.operations();
        assertEquals(List.of("getBook", "listBooks"), operations.stream().map(OperationResult::name).toList());
        Stats getBook = operations.get(0).stats();
        assertEquals(120, getBook.requests());
        assertEquals(2, getBook.failures());
        assertEquals(new Latency(1.0, 10.0, 9.0, null, null, 30.0, null, 50.0), getBook.latencyMs(), "p(50) where there is no med");
        assertEquals(6.0, getBook.throughputPerSecond());
        Stats listBooks = operations.get(1).stats();
        assertEquals(80, listBooks.requests(), "counted from its failed rate's passes and fails");
        assertEquals(1, listBooks.failures());
        assertNull(listBooks.latencyMs());
        assertEquals(Stats.PercentileSource.NONE, listBooks.percentiles());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aSummaryExportHasTheRunOnlyAndItsThresholdsAsCrossedOrNot() throws Exception {
        RunResult result = parse("""
                {"root_group": {}, "metrics": {
                  "http_reqs": {"count": 10, "rate": 2},
                  "http_req_duration": {"avg": 5, "min": 1, "med": 4, "max": 9, "p(90)": 8, "p(95)": 9},
                  "http_req_failed": {"passes": 1, "fails": 9, "value": 0.1, "thresholds": {"rate<0.5": false}}}}
                """);
        assertEquals("k6-summary-export", result.format());
        assertEquals(5.0, result.durationSeconds(), "10 requests at 2 a second");
        assertEquals(10, result.total().requests());
        assertEquals(1, result.total().failures());
        assertEquals(Boolean.TRUE, result.toolVerdict(), "false: the threshold was not crossed");
        assertEquals(List.of("the summary has no per-operation figures (k6 keeps them only for the name submetrics that "
                + "thresholds use)"), result.warnings());
        assertNull(result.total().bytesReceived());

        RunResult crossed = parse("{\"metrics\": {\"http_reqs\": {\"count\": 1, \"rate\": 1},"
                + " \"checks\": {\"thresholds\": {\"rate>0.9\": true}}}}");
        assertEquals(Boolean.FALSE, crossed.toolVerdict());
        assertNull(parse("{\"metrics\": {\"http_reqs\": {\"count\": 1, \"rate\": 1}}}").toolVerdict(), "no thresholds, no verdict");
    }

    @Test
    void aSummaryWithoutRequestsSaysSo() throws Exception {
        RunResult result = parse("{\"metrics\": {\"iterations\": {\"count\": 3},"
                + " \"http_req_failed\": {\"passes\": 0, \"fails\": 4}}}");
        assertTrue(result.warnings().contains("the summary has no http_reqs metric: the test made no HTTP requests"),
                result.warnings().toString());
        assertEquals(4, result.total().requests(), "what the failed rate counted");
        assertEquals(0.0, result.durationSeconds());
        assertEquals(0.0, result.total().throughputPerSecond());
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"metrics\": [], \"vus\": 1}");
        ResultParseException e = assertThrows(ResultParseException.class, () -> PARSER.parse(file, Set.of()));
        assertEquals(file + ": /metrics: no metrics object: not a k6 summary", e.getMessage());
        assertFalse(PARSER.accepts(file, "{\"data\": {\"metrics\": 1}}"));
    }

    @Test
    void k6sTagsTellTheKindOfFailure() {
        assertEquals(FailureKind.HTTP_4XX, K6Failures.kind(400, 0));
        assertEquals(FailureKind.HTTP_5XX, K6Failures.kind(503, 1050));
        assertEquals(FailureKind.CHECK, K6Failures.kind(399, 0), "a response k6 was told not to expect");
        assertEquals(FailureKind.CHECK, K6Failures.kind(100, 0));
        assertEquals(FailureKind.OTHER, K6Failures.kind(99, 0));
        assertEquals(FailureKind.TIMEOUT, K6Failures.kind(0, 1050));
        assertEquals(FailureKind.TIMEOUT, K6Failures.kind(0, 1211));
        assertEquals(FailureKind.CONNECTION, K6Failures.kind(0, 1100));
        assertEquals(FailureKind.CONNECTION, K6Failures.kind(0, 1212));
        assertEquals(FailureKind.CONNECTION, K6Failures.kind(0, 1399));
        assertEquals(FailureKind.OTHER, K6Failures.kind(0, 1099));
        assertEquals(FailureKind.OTHER, K6Failures.kind(0, 1400));
        assertEquals(404, K6Failures.parseInt("404"));
        assertEquals(0, K6Failures.parseInt(""));
        assertEquals(0, K6Failures.parseInt(null));
        assertEquals(0, K6Failures.parseInt("n/a"));
    }
}
