package io.loadsmith.result;

/** Why a request failed, as far as a tool's output tells. */
public enum FailureKind {
    HTTP_4XX("4xx"),
    HTTP_5XX("5xx"),
    /** No response in time. */
    TIMEOUT("timeout"),
    /** No connection, or it broke: refused, reset, DNS, TLS. */
    CONNECTION("connection"),
    /** A response with a good status that the script's checks rejected. */
    CHECK("check"),
    /** A GraphQL response that reports errors, which GraphQL servers send with status 200. */
    GRAPHQL("graphql"),
    OTHER("other");

    private final String id;

    FailureKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The kind of a failure with this HTTP status (0 or below when there was no response). */
    public static FailureKind ofStatus(int status) {
        if (status >= 500) {
            return HTTP_5XX;
        } else if (status >= 400) {
            return HTTP_4XX;
        } else if (status >= 100) {
            return CHECK;
        }
        return OTHER;
    }

    /** The kind of a failure from an error text: an exception name or message. */
    public static FailureKind ofError(String error) {
        String text = error == null ? "" : error.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("timeout") || text.contains("timed out") || text.contains("etimedout") || text.contains("esockettimedout")) {
            return TIMEOUT;
        }
        if (text.contains("connect") || text.contains("refused") || text.contains("reset") || text.contains("econn")
                || text.contains("unknownhost") || text.contains("enotfound") || text.contains("eai_again")
                || text.contains("nohttpresponse") || text.contains("broken pipe") || text.contains("ssl")
                || text.contains("epipe") || text.contains("closed")) {
            return CONNECTION;
        }
        return OTHER;
    }
}
