package io.loadsmith.tool.artillery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.Latency;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import io.loadsmith.result.TimeSlice;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artillery's JSON report read figure by figure, on reports written by hand so that every figure
 * is known: the counters of Artillery 2 (codes, errors of requests without a response, endpoints,
 * expectations, downloaded bytes), its summaries and periods, and Artillery 1's report.
 */
class ArtilleryReportTest {
    private static final ResultParser PARSER = LoadTools.ARTILLERY.resultParsers().get(0);

    private static final String REPORT = """
            {
              "aggregate": {
                "counters": {
                  "http.requests": 100,
                  "http.responses": 95,
                  "errors.ETIMEDOUT": 3,
                  "http.codes.200": 80,
                  "http.codes.404": 10,
                  "http.codes.503": 5,
                  "http.codes.xyz": 1,
                  "errors.ECONNREFUSED": 4,
                  "http.downloaded_bytes": 12345,
                  "plugins.metrics-by-endpoint./books.codes.200": 50,
                  "plugins.metrics-by-endpoint./books.codes.404": 10,
                  "plugins.metrics-by-endpoint./books/{id}.codes.200": 30,
                  "plugins.metrics-by-endpoint./books/{id}.codes.503": 5,
                  "plugins.metrics-by-endpoint./books/{id}.errors.ETIMEDOUT": 3,
                  "plugins.expect.failed.statusCode": 2,
                  "plugins.expect.failed.notHasProperty": 1,
                  "plugins.expect.failed.contentType": 0
                },
                "summaries": {
                  "http.response_time": {"min": 1, "max": 900, "count": 95, "mean": 50.5, "p50": 40, "median": 41, "p75": 60,
                                         "p90": 80, "p95": 120, "p99": 400, "p999": 800},
                  "plugins.metrics-by-endpoint.response_time./books": {"min": 2, "max": 300, "count": 60, "mean": 30, "median": 25,
                                                                      "p75": 35, "p90": 50, "p95": 70, "p99": 200}
                },
                "firstMetricAt": 1700000000000,
                "lastMetricAt": 1700000020000
              },
              "intermediate": [
                {"period": 1700000000000,
                 "counters": {"http.requests": 40, "http.responses": 38, "http.codes.200": 35, "http.codes.500": 3},
                 "summaries": {"http.response_time": {"mean": 10.5, "max": 100}}},
                {"period": 1700000010000, "counters": {"http.requests": 60, "http.responses": 60, "http.codes.404": 1},
                 "summaries": {}}
              ]
            }
            """;

    @TempDir
    Path dir;

    private RunResult parse(String report, Double... extra) throws Exception {
        Path file = Files.writeString(dir.resolve("report.json"), report);
        assertTrue(PARSER.accepts(file, report.substring(0, Math.min(report.length(), 4096))));
        return PARSER.parse(file, Set.of(extra));
    }

    @Test
    void theRunsFiguresComeFromTheCountersAndSummaries() throws Exception {
        RunResult result = parse(REPORT, 75.0, 99.9, 42.0);
        assertEquals("artillery-json", result.format());
        assertNull(result.toolVersion());
        assertEquals(LatencyDefinition.TIME_TO_FIRST_BYTE, result.latencyDefinition());
        assertEquals(Instant.ofEpochMilli(1700000000000L), result.start());
        assertEquals(20.0, result.durationSeconds());

        Stats total = result.total();
        assertEquals(100, total.requests());
        assertEquals(20, total.failures(), "10 + 5 error statuses and the 5 requests without a response");
        assertEquals(Map.of("4xx", 10L, "5xx", 5L, "timeout", 3L, "connection", 2L), total.failuresByKind(),
                "errors count up to the requests that had no response");
        assertEquals(new Latency(1.0, 50.5, 40.0, 60.0, 80.0, 120.0, 400.0, 900.0), total.latencyMs(), "p50 before median");
        assertEquals(Stats.PercentileSource.TOOL, total.percentiles());
        assertEquals(Map.of(75.0, 60.0, 99.9, 800.0), total.extraPercentiles(), "p42 is not in the report");
        assertEquals(5.0, total.throughputPerSecond());
        assertEquals(12345L, total.bytesReceived());
    }

    @Test
    void eachEndpointIsAnOperation() throws Exception {
        List<OperationResult> operations = parse(REPORT).operations();
        assertEquals(List.of("/books", "/books/{id}"), operations.stream().map(OperationResult::name).toList());
        Stats books = operations.get(0).stats();
        assertEquals(60, books.requests());
        assertEquals(10, books.failures());
        assertEquals(Map.of("4xx", 10L), books.failuresByKind());
        assertEquals(new Latency(2.0, 30.0, 25.0, 35.0, 50.0, 70.0, 200.0, 300.0), books.latencyMs(), "median where there is no p50");
        assertEquals(3.0, books.throughputPerSecond());
        assertNull(books.bytesReceived());
        Stats book = operations.get(1).stats();
        assertEquals(38, book.requests());
        assertEquals(8, book.failures());
        assertEquals(Map.of("5xx", 5L, "timeout", 3L), book.failuresByKind());
        assertNull(book.latencyMs(), "no summary for it");
        assertEquals(Stats.PercentileSource.NONE, book.percentiles());
        assertEquals(1.9, book.throughputPerSecond());
    }

    @Test
    void eachPeriodIsASliceOfTheTimeSeries() throws Exception {
        RunResult result = parse(REPORT);
        assertEquals(10, result.intervalSeconds());
        assertEquals(List.of(new TimeSlice(0, 40, 5, 10.5, 100.0), new TimeSlice(10, 60, 1, null, null)), result.timeSeries(),
                "failures: error statuses and requests without a response");
    }

    @Test
    void failedExpectationsAreReportedButNotCounted() throws Exception {
        assertEquals(List.of("expectations failed: 2 statusCode, 1 notHasProperty (a GraphQL response with errors, where the "
                + "script checks for them); Artillery does not tell which requests they belong to, so they are not counted as "
                + "failures"), parse(REPORT).warnings());
    }

    @Test
    void aReportWithoutEndpointsOrPeriodsSaysWhatItLacks() throws Exception {
        RunResult result = parse("""
                {"aggregate": {"counters": {"http.requests": 10, "http.responses": 7, "http.codes.200": 7},
                               "summaries": {"http.response_time": {"count": 0}}},
                 "intermediate": [{"period": 5, "counters": {"http.requests": 10, "http.responses": 7}}]}
                """);
        assertEquals(List.of("no per-request figures: turn on the metrics-by-endpoint plugin"), result.warnings());
        assertEquals(Map.of("other", 3L), result.total().failuresByKind(), "no response and no error named: other");
        assertEquals(3, result.total().failures());
        assertNull(result.total().latencyMs(), "a summary of no requests");
        assertNull(result.start());
        assertEquals(0.0, result.durationSeconds());
        assertEquals(0.0, result.total().throughputPerSecond());
        assertEquals(10, result.intervalSeconds(), "one period: Artillery's 10 s");
        assertEquals(List.of(new TimeSlice(0, 10, 3, null, null)), result.timeSeries());
    }

    @Test
    void errorsOfRequestsThatHadAResponseAreNotCountedTwice() throws Exception {
        RunResult result = parse("""
                {"aggregate": {"counters": {"http.requests": 10, "http.responses": 10, "http.codes.200": 10, "errors.ETIMEDOUT": 2},
                               "firstMetricAt": 2000, "lastMetricAt": 1000}}
                """);
        assertEquals(0, result.total().failures());
        assertEquals(Map.of(), result.total().failuresByKind());
        assertEquals(0.0, result.durationSeconds(), "a last metric before the first is no duration");
        assertEquals(List.of(), result.timeSeries());
        assertEquals(0, result.intervalSeconds());
        assertFalse(result.warnings().isEmpty());
    }

    @Test
    void anArtillery1ReportHasItsTotalsOnly() throws Exception {
        RunResult result = parse("""
                {"aggregate": {"timestamp": "2020-01-01T00:00:00.000Z", "requestsCompleted": 90, "errors": {"ETIMEDOUT": 10},
                               "codes": {"200": 85, "500": 5, "abc": 1}, "rps": {"mean": 10},
                               "latency": {"min": 1, "median": 5, "p95": 20, "p99": 30, "max": 50}}}
                """);
        assertEquals("artillery-json-v1", result.format());
        assertEquals("1.x", result.toolVersion());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), result.start());
        assertEquals(10.0, result.durationSeconds(), "100 requests at 10 a second");
        Stats total = result.total();
        assertEquals(100, total.requests());
        assertEquals(15, total.failures());
        assertEquals(Map.of("timeout", 10L, "5xx", 5L), total.failuresByKind());
        assertEquals(new Latency(1.0, null, 5.0, null, null, 20.0, 30.0, 50.0), total.latencyMs());
        assertEquals(Stats.PercentileSource.TOOL, total.percentiles());
        assertEquals(10.0, total.throughputPerSecond());
        assertEquals(List.of("an Artillery 1 report: no per-request figures and no mean latency"), result.warnings());

        RunResult bare = parse("{\"aggregate\": {\"timestamp\": \"yesterday\", \"requestsCompleted\": 5}}");
        assertNull(bare.start());
        assertNull(bare.total().latencyMs());
        assertEquals(Stats.PercentileSource.NONE, bare.total().percentiles());
        assertEquals(0.0, bare.durationSeconds());
    }

    @Test
    void aFileWithoutAnAggregateIsNoReport() throws Exception {
        assertFalse(PARSER.accepts(dir.resolve("x.json"), "[\"aggregate\"]"));
        assertFalse(PARSER.accepts(dir.resolve("x.json"), "{\"summary\": {}}"));
        Path file = Files.writeString(dir.resolve("other.json"), "{\"aggregate\": []}");
        ResultParseException e = assertThrows(ResultParseException.class, () -> PARSER.parse(file, Set.of()));
        assertEquals(file + ": /aggregate: no aggregate object: not an Artillery report", e.getMessage());
        Path negative = Files.writeString(dir.resolve("negative.json"),
                "{\"aggregate\": {\"counters\": {\"http.requests\": 1, \"http.responses\": 1},"
                        + " \"summaries\": {\"http.response_time\": {\"count\": 1, \"min\": -5, \"max\": 1}}}}");
        ResultParseException damaged = assertThrows(ResultParseException.class, () -> PARSER.parse(negative, Set.of()));
        assertTrue(damaged.getMessage().startsWith(negative + ": /aggregate: "), damaged.getMessage());
    }
}
