package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A WebSocket session in k6's JSON output: the handshake is one sample of the session's name
 * (ws_connecting, failed unless the status is 101), each expected message one of its own name
 * (the script's ws_reply_time trend), and one that never came a timeout (its failed "received" check).
 */
class K6WebSocketResultTest {
    @TempDir
    Path dir;

    private static String point(String metric, double value, String time, String tags) {
        return "{\"metric\":\"" + metric + "\",\"type\":\"Point\",\"data\":{\"time\":\"" + time + "\",\"value\":" + value
                + ",\"tags\":{" + tags + "}}}\n";
    }

    @Test
    void sessionsAndExpectedMessagesAreOperations() throws Exception {
        String t1 = "2026-12-01T10:00:00.100Z";
        String t2 = "2026-12-01T10:00:01.600Z";
        Path file = Files.writeString(dir.resolve("samples.ndjson"),
                point("ws_connecting", 3.25, t1, "\"name\":\"updates\",\"status\":\"101\",\"url\":\"ws://h/u\"")
                + point("ws_msgs_sent", 1, t1, "\"name\":\"updates\"")
                + point("ws_reply_time", 12, t1, "\"name\":\"pong\"")
                + point("checks", 1, t1, "\"check\":\"pong: received\",\"name\":\"pong\"")
                + point("ws_session_duration", 40, t1, "\"name\":\"updates\"")
                + point("ws_connecting", 2.5, t2, "\"name\":\"updates\",\"status\":\"401\",\"url\":\"ws://h/u\"")
                + point("checks", 0, t2, "\"check\":\"updates: connected\",\"name\":\"updates\"")
                + point("ws_connecting", 1.5, t2, "\"name\":\"updates\",\"status\":\"101\",\"url\":\"ws://h/u\"")
                + point("checks", 0, t2, "\"check\":\"pong: received\",\"name\":\"pong\"")
                // A check of another name that ends alike is no expected message.
                + point("checks", 0, t2, "\"check\":\"x: received\",\"name\":\"other\""));
        RunResult result = ResultParsers.parse(file, LoadTools.K6, Set.of());
        assertEquals(3, result.operation("updates").stats().requests());
        assertEquals(Map.of("4xx", 1L), result.operation("updates").stats().failuresByKind());
        assertEquals(1.5, result.operation("updates").stats().latencyMs().min(), 1e-9);
        assertEquals(3.25, result.operation("updates").stats().latencyMs().max(), 1e-9);
        assertEquals(2, result.operation("pong").stats().requests());
        assertEquals(Map.of("timeout", 1L), result.operation("pong").stats().failuresByKind());
        assertEquals(12, result.operation("pong").stats().latencyMs().max(), 1e-9);
        assertEquals(5, result.total().requests());
        assertEquals(2, result.total().failures());
        assertEquals(null, result.operation("other"));
    }
}
