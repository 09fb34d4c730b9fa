package io.loadsmith.tool.locust;

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
 * The failures of a locustfile's WebSocket sessions, as Locust 2.12 wrote them in a real run
 * against the demo API: a refused handshake is a failure of its status's kind, an expected message
 * that did not come a timeout.
 */
class LocustWebSocketResultTest {
    private static final String HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
            + "99.9%,99.99%,100%\n";

    @TempDir
    Path dir;

    @Test
    void aRefusedHandshakeAndAMissingMessageAreFailuresOfTheirKinds() throws Exception {
        Files.writeString(dir.resolve("stats_stats.csv"), HEADER
                + "WS,orderUpdates,4,4,3,3.04,2.16,3.99,0.0,2.6,2.6,3,3,4,4,4,4,4,4,4,4,4\n"
                + "WS,pong,3,1,2,341.3,1,1000,24.0,2.0,0.6,2,2,1000,1000,1000,1000,1000,1000,1000,1000,1000\n"
                + ",Aggregated,7,5,3,148.0,1,1000,10.3,4.6,3.3,3,3,4,4,1000,1000,1000,1000,1000,1000,1000\n");
        Path failures = Files.writeString(dir.resolve("stats_failures.csv"), """
                Method,Name,Error,Occurrences
                WS,orderUpdates,WebSocketBadStatusException('Handshake status 401 Unauthorized'),4
                WS,pong,TimeoutError('pong: no matching message within the timeout'),1
                """);
        RunResult result = ResultParsers.parse(failures, LoadTools.LOCUST, Set.of());
        assertEquals(Map.of("4xx", 4L), result.operation("orderUpdates").stats().failuresByKind());
        assertEquals(Map.of("timeout", 1L), result.operation("pong").stats().failuresByKind());
        assertEquals(Map.of("4xx", 4L, "timeout", 1L), result.total().failuresByKind());
    }
}
