package io.loadsmith.tool.artillery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket metrics of Loadsmith's processor.js in an Artillery report (counters and summaries
 * as Artillery 2.0 wrote them in a real run against the demo API): each handshake and expected
 * message an operation and a request of the run, a refused handshake and a timeout failures.
 */
class ArtilleryWebSocketResultTest {
    @TempDir
    Path dir;

    private static String summary(int value) {
        return "{\"min\": " + value + ", \"max\": " + value + ", \"count\": 1, \"mean\": " + value + ", \"p50\": " + value
                + ", \"median\": " + value + ", \"p75\": " + value + ", \"p90\": " + value + ", \"p95\": " + value
                + ", \"p99\": " + value + ", \"p999\": " + value + "}";
    }

    @Test
    void sessionsAndExpectedMessagesAreOperations() throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), "{\"aggregate\": {\"counters\": {"
                + "\"vusers.created\": 2, \"vusers.failed\": 0, \"http.requests\": 2, \"http.codes.201\": 2, \"http.responses\": 2,"
                + "\"plugins.metrics-by-endpoint.placeOrder.codes.201\": 2,"
                + "\"loadsmith.ws.orderUpdates.codes.101\": 1, \"loadsmith.ws.orderUpdates.errors.handshake failed\": 1,"
                + "\"loadsmith.ws.pong.codes.200\": 1, \"loadsmith.ws.subscribed.errors.timeout\": 1, \"vusers.completed\": 2},"
                + "\"summaries\": {\"http.response_time\": " + summary(1) + ","
                + "\"plugins.metrics-by-endpoint.response_time.placeOrder\": " + summary(1) + ","
                + "\"loadsmith.ws.response_time.orderUpdates\": " + summary(18) + ","
                + "\"loadsmith.ws.response_time.pong\": " + summary(3) + "},"
                + "\"firstMetricAt\": 1796167080307, \"lastMetricAt\": 1796167081056}}");
        RunResult result = ResultParsers.parse(report, LoadTools.ARTILLERY, Set.of());
        assertEquals(2, result.operation("orderUpdates").stats().requests());
        assertEquals(Map.of("other", 1L), result.operation("orderUpdates").stats().failuresByKind());
        assertEquals(18.0, result.operation("orderUpdates").stats().latencyMs().max(), 1e-9);
        assertEquals(3.0, result.operation("pong").stats().latencyMs().p50(), 1e-9);
        assertEquals(Map.of("timeout", 1L), result.operation("subscribed").stats().failuresByKind());
        assertEquals(6, result.total().requests(), "2 HTTP requests, 2 handshakes and 2 expected messages");
        assertEquals(2, result.total().failures());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("Artillery summarizes each WebSocket figure apart")),
                result.warnings().toString());
    }
}
