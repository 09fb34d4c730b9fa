package io.loadsmith.tool.locust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locust's --json statistics: requests with and without a bucketed response time, its span, its own mean. */
class LocustJsonTest {
    private static final LocustJsonParser PARSER = new LocustJsonParser(LoadTools.LOCUST);

    @TempDir
    Path dir;

    @Test
    void requestsOutsideTheHistogramAreCountedAndTheSpanIsFirstToLast() throws Exception {
        Path file = Files.writeString(dir.resolve("stats.json"), """
                [{"name": "getBook", "method": "GET", "start_time": 1000.0, "last_request_timestamp": 1010.0,
                  "num_requests": 5, "num_failures": 2, "total_response_time": 52.5, "total_content_length": 500,
                  "response_times": {"10": 2, "12.5": 1}},
                 {"name": "idle", "method": "GET", "start_time": 1000.0, "num_requests": 0, "num_failures": 0,
                  "total_response_time": 0, "total_content_length": 0, "response_times": {}}]
                """);
        assertTrue(PARSER.accepts(file, Files.readString(file)));
        RunResult result = PARSER.parse(file, Set.of());
        assertEquals(Instant.ofEpochSecond(1000), result.start());
        assertEquals(10.013, result.durationSeconds(), "from the start time to the end of the last request (12.5 ms)");
        assertEquals(5, result.total().requests(), "two requests have no response time in the histogram");
        assertEquals(2, result.total().failures());
        assertEquals(500L, result.total().bytesReceived());
        assertEquals(10.5, result.total().latencyMs().mean(), "Locust's own sum over its count");
        assertEquals(12.5, result.total().latencyMs().max(), 0.02);
        assertEquals(List.of("getBook"), result.operations().stream().map(o -> o.name()).filter(n -> !n.equals("idle")).toList());
        assertEquals(List.of("Locust's JSON keeps response times rounded and no failure reasons: percentiles are Locust's rounded "
                + "ones, and which requests failed is not known (failures are counted per name)"), result.warnings());
    }

    @Test
    void aJsonFileThatIsNoListIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("stats.json"), "{\"num_requests\": 1, \"response_times\": {}}");
        ResultParseException e = assertThrows(ResultParseException.class, () -> PARSER.parse(file, Set.of()));
        assertEquals(file + ": /: not a JSON array of request statistics", e.getMessage());
    }
}
