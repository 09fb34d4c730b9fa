package io.loadsmith.tool.gatling;

import io.loadsmith.result.FailureKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kind of a failed request, from the message Gatling logs with it. */
final class GatlingFailures {
    /** A status check that failed: {@code status.find.in([200, 209], 304), found 500} (2.x: "but actually found"). */
    private static final Pattern STATUS = Pattern.compile("^status\\.find\\b.*\\bfound (\\d{3})\\s*$");
    /** Any other check: {@code jsonPath($.id).find.exists, found nothing}, {@code regex(...).find.exists, but actually ...}. */
    private static final Pattern CHECK = Pattern.compile("\\.(find|findAll|findRandom|count)\\b.*(, found |but actually )");

    /** A refused WebSocket handshake: {@code ...WebSocketClientHandshakeException: Invalid handshake response getStatus: 401 Unauthorized}. */
    private static final Pattern HANDSHAKE = Pattern.compile("WebSocketClientHandshakeException: .*\\bgetStatus: (\\d{3})\\b");

    private GatlingFailures() {}

    static FailureKind kind(String message) {
        Matcher status = STATUS.matcher(message);
        if (status.find()) {
            return FailureKind.ofStatus(Integer.parseInt(status.group(1)));
        }
        Matcher handshake = HANDSHAKE.matcher(message);
        if (handshake.find()) {
            return FailureKind.ofStatus(Integer.parseInt(handshake.group(1)));
        }
        if (message.startsWith(GatlingViewBuilder.GRAPHQL_ERRORS_CHECK)) {
            return FailureKind.GRAPHQL;
        }
        if (CHECK.matcher(message).find()) {
            return FailureKind.CHECK;
        }
        return FailureKind.ofError(message);
    }
}
