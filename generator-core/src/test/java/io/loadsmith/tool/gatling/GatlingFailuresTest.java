package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.result.FailureKind;
import org.junit.jupiter.api.Test;

/** The kind of a failure from the message Gatling 3.13 logged with it in real runs against the demo API. */
class GatlingFailuresTest {
    @Test
    void messagesOfRealRunsHaveTheirKinds() {
        assertEquals(FailureKind.HTTP_4XX, GatlingFailures.kind("status.find.in([200, 209], 304), found 404"));
        assertEquals(FailureKind.HTTP_5XX, GatlingFailures.kind("status.find.is(201), found 503"));
        assertEquals(FailureKind.CHECK, GatlingFailures.kind("jsonPath($.id).find.exists, found nothing"));
        // A WebSocket handshake the server refused.
        assertEquals(FailureKind.HTTP_4XX, GatlingFailures.kind("i.n.h.c.h.w.WebSocketClientHandshakeException: "
                + "Invalid handshake response getStatus: 401 Unauthorized"));
        assertEquals(FailureKind.OTHER, GatlingFailures.kind("WebSocketClientHandshakeException: no status here"));
    }
}
