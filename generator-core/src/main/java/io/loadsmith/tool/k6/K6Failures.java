package io.loadsmith.tool.k6;

import io.loadsmith.result.FailureKind;

/** What k6's tags say about a failed request. */
final class K6Failures {
    /** The end of the name of the check that a GraphQL response has no errors: {@code "CreateBook: no GraphQL errors"}. */
    static final String GRAPHQL_CHECK = ": no GraphQL errors";

    /** The end of the name of the check that an expected WebSocket message came: {@code "pong: received"}. */
    static final String RECEIVED_CHECK = ": received";
    /** The trend of the round trips of expected WebSocket messages, tagged with their names. */
    static final String REPLY_METRIC = "ws_reply_time";

    private K6Failures() {}

    /**
     * @param status    the status tag; 0 when there was no response
     * @param errorCode k6's error_code tag (1050 request timeout, 1100-1199 DNS, 1200-1299 TCP, 1300-1399 TLS), 0 if none
     */
    static FailureKind kind(int status, int errorCode) {
        if (status >= 400) {
            return FailureKind.ofStatus(status);
        }
        if (status >= 100) {
            return FailureKind.CHECK;
        }
        if (errorCode == 1050 || errorCode == 1211) {
            return FailureKind.TIMEOUT;
        }
        if (errorCode >= 1100 && errorCode < 1400) {
            return FailureKind.CONNECTION;
        }
        return FailureKind.OTHER;
    }

    static int parseInt(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
