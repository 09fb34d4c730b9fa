package io.loadsmith.tool.locust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.Latency;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
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
 * Locust's CSV family read figure by figure, from files written by hand so that every figure is
 * known: the stats rows, the kinds of failures, the history's start, length and series, and what
 * is missing when a file of the family is.
 */
class LocustCsvTest {
    private static final LocustCsvParser PARSER = new LocustCsvParser(LoadTools.LOCUST);
    private static final String HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
            + "99.9%,99.99%,100%\n";
    private static final String STATS = HEADER
            + "GET,/books,100,5,20,25.5,2,300,1000,10.0,0.5,20,22,30,35,50,80,120,200,290,300,300\n"
            + "POST,/books,50,0,40,45.25,10,200,500,5.0,0,40,41,42,43,44,45,46,47,48,49,200\n"
            + "GET,/empty,0,0,0,0,N/A,N/A,0,0,0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\n"
            + "GET,/health,10,2,1,1.0004,1,1,2,1.0,0,1,1,1,1,1,1,1,1,1,1,1\n"
            + ",Aggregated,160,7,22,30.1,1,300,700,16.0,0.7,22,25,33,36,50,79,110,190,280,300,300\n";
    private static final String FAILURES = "Method,Name,Error,Occurrences\n"
            + "GET,/books,\"HTTPError('404 Client Error: Not Found for url: /books')\",3\n"
            + "GET,/books,\"CatchResponseError('listBooks: status 500, expected 200')\",1\n"
            + "GET,/books,\"ConnectionRefusedError(111, 'Connection refused')\",1\n"
            + "GET,/health,\"CatchResponseError('health: the response has GraphQL errors')\",1\n";
    private static final String HISTORY = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,Total Request Count,"
            + "Total Failure Count,Total Average Response Time\n"
            + "1000,1,,Aggregated,0,0,0,0,0\n"
            + "1001,2,GET,/books,5,0,9,0,20\n"
            + "1001,2,,Aggregated,10,0,10,0,20.5\n"
            + "N/A,2,,Aggregated,10,0,15,0,20\n"
            + "1003,2,,Aggregated,15,1,40,2,25\n";

    @TempDir
    Path dir;

    private RunResult parse(String file, Double... extra) {
        Path path = dir.resolve(file);
        assertTrue(PARSER.accepts(path, read(path)), file);
        return PARSER.parse(path, Set.of(extra));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private static Stats operation(RunResult result, String name) {
        return result.operations().stream().filter(o -> o.name().equals(name)).map(OperationResult::stats).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void theFamilyGivesFiguresKindsStartLengthAndSeries() throws Exception {
        write("run_stats.csv", STATS);
        write("run_failures.csv", FAILURES);
        write("run_stats_history.csv", HISTORY);
        RunResult result = parse("run_stats.csv", 99.9, 66.0, 42.0);

        assertEquals("locust-csv", result.format());
        assertEquals(LatencyDefinition.CONNECT_TO_LAST_BYTE, result.latencyDefinition());
        assertEquals(Instant.ofEpochSecond(1000), result.start());
        assertEquals(10.0, result.durationSeconds(), "160 requests at Locust's 16/s");
        assertEquals(1, result.intervalSeconds());
        assertEquals(List.of(new TimeSlice(0, 10, 0, null, null), new TimeSlice(1, 30, 2, null, null)), result.timeSeries(),
                "the Aggregated rows with a time, one slice from each to the next");

        Stats total = result.total();
        assertEquals(160, total.requests());
        assertEquals(7, total.failures());
        assertEquals(Map.of("4xx", 3L, "5xx", 1L, "connection", 1L, "graphql", 1L, "other", 1L), total.failuresByKind(),
                "a failure the failures file does not explain is other");
        assertEquals(new Latency(1.0, 30.1, 22.0, 33.0, 50.0, 79.0, 190.0, 300.0), total.latencyMs());
        assertEquals(Stats.PercentileSource.TOOL, total.percentiles());
        assertEquals(Map.of(99.9, 280.0, 66.0, 25.0), total.extraPercentiles());
        assertEquals(16.0, total.throughputPerSecond());
        assertEquals(112000L, total.bytesReceived(), "average size times requests");

        assertEquals(List.of("GET /books", "POST /books", "/empty", "/health"), result.operations().stream()
                .map(OperationResult::name).toList(), "a name used by two methods is told apart by them");
        Stats books = operation(result, "GET /books");
        assertEquals(100, books.requests());
        assertEquals(5, books.failures());
        assertEquals(Map.of("4xx", 3L, "5xx", 1L, "connection", 1L), books.failuresByKind());
        assertEquals(new Latency(2.0, 25.5, 20.0, 30.0, 50.0, 80.0, 200.0, 300.0), books.latencyMs());
        assertEquals(10.0, books.throughputPerSecond());
        assertEquals(100000L, books.bytesReceived());
        assertEquals(Map.of(), operation(result, "POST /books").failuresByKind());
        assertEquals(5.0, operation(result, "POST /books").throughputPerSecond());
        Stats empty = operation(result, "/empty");
        assertNull(empty.latencyMs(), "no requests, no latency");
        assertEquals(Stats.PercentileSource.NONE, empty.percentiles());
        Stats health = operation(result, "/health");
        assertEquals(Map.of("graphql", 1L, "other", 1L), health.failuresByKind());
        assertEquals(1.0, health.latencyMs().mean(), "rounded to the microsecond");
    }

    @Test
    void anyFileOfTheFamilyReadsTheSame() throws Exception {
        write("run_stats.csv", STATS);
        write("run_failures.csv", FAILURES);
        write("run_stats_history.csv", HISTORY);
        RunResult fromStats = parse("run_stats.csv");
        assertEquals(fromStats, parse("run_stats_history.csv"));
        assertEquals(fromStats, parse("run_failures.csv"));
    }

    @Test
    void withoutAHistoryTheLengthIsRequestsOverTheRate() throws Exception {
        write("run_stats.csv", STATS);
        RunResult result = parse("run_stats.csv");
        assertNull(result.start());
        assertEquals(10.0, result.durationSeconds());
        assertEquals(List.of(), result.timeSeries());
        assertEquals(0, result.intervalSeconds());
        assertEquals(Map.of("other", 7L), result.total().failuresByKind(), "no failures file: the kinds are not known");
    }

    @Test
    void withoutARateTheLengthIsTheHistorysOrNone() throws Exception {
        String noRate = STATS.replace(",Aggregated,160,7,22,30.1,1,300,700,16.0,", ",Aggregated,160,7,22,30.1,1,300,700,0,");
        write("run_stats.csv", noRate);
        write("run_stats_history.csv", HISTORY);
        assertEquals(3.0, parse("run_stats.csv").durationSeconds(), "from the first Aggregated time to the last");
        assertEquals(33.333, operation(parse("run_stats.csv"), "GET /books").throughputPerSecond(), 0.001);
        Files.delete(dir.resolve("run_stats_history.csv"));
        RunResult none = parse("run_stats.csv");
        assertEquals(0.0, none.durationSeconds());
        assertEquals(0.0, none.total().throughputPerSecond());
        write("run_stats_history.csv", "Timestamp,User Count,Type,Name,Total Request Count\n1000,1,,Aggregated,0\n");
        assertEquals(List.of(), parse("run_stats.csv").timeSeries(), "one point is no series");
        assertNull(parse("run_stats.csv").start());
    }

    @Test
    void locust0RequestsFilesAndTheirTotalRow() throws Exception {
        write("old_requests.csv", "\"Method\",\"Name\",\"# requests\",\"# failures\",\"Median response time\","
                + "\"Average response time\",\"Min response time\",\"Max response time\",\"Average Content Size\",\"Requests/s\"\n"
                + "\"GET\",\"/books\",\"40\",\"1\",\"12\",\"15.5\",\"3\",\"90\",\"100\",\"4.00\"\n"
                + "\"None\",\"Total\",\"40\",\"1\",\"12\",\"15.5\",\"3\",\"90\",\"100\",\"4.00\"\n");
        RunResult result = parse("old_requests.csv");
        assertEquals("locust-csv-0.x", result.format());
        assertEquals(40, result.total().requests());
        assertEquals(new Latency(3.0, 15.5, 12.0, null, null, null, null, 90.0), result.total().latencyMs());
        assertEquals(List.of("/books"), result.operations().stream().map(OperationResult::name).toList());
        assertEquals(10.0, result.durationSeconds());
    }

    @Test
    void aFileOfTheFamilyWithoutItsStatsSaysSo() throws Exception {
        write("run_exceptions.csv", "Count,Message,Traceback,Nodes\n");
        RunResult result = parse("run_exceptions.csv");
        assertEquals(List.of("run_exceptions.csv holds no request figures, and no run_stats.csv is beside it"), result.warnings());
        assertEquals(0, result.total().requests());
        assertEquals(List.of(), result.operations());
    }

    @Test
    void aStatsFileWithoutItsColumnsOrItsAggregatedRowIsRefused() throws Exception {
        write("a_stats.csv", "Type,Name,Count\nGET,/x,1\n");
        ResultParseException columns = assertThrows(ResultParseException.class, () -> PARSER.parse(dir.resolve("a_stats.csv"), Set.of()));
        assertEquals(dir.resolve("a_stats.csv") + ": no 'Request Count' column: not a Locust stats file", columns.getMessage());
        write("b_stats.csv", HEADER + "GET,/books,1,0,1,1,1,1,1,1,0,1,1,1,1,1,1,1,1,1,1,1\n");
        ResultParseException aggregated = assertThrows(ResultParseException.class, () -> PARSER.parse(dir.resolve("b_stats.csv"), Set.of()));
        assertEquals(dir.resolve("b_stats.csv") + ": no Aggregated row: not a Locust stats file, or one cut short", aggregated.getMessage());
    }
}
