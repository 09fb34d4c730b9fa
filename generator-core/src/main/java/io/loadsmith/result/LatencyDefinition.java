package io.loadsmith.result;

/**
 * What a tool's latency figure covers. Tools differ, so figures from two tools are comparable only
 * when this says they measure the same span.
 */
public enum LatencyDefinition {
    /** k6's {@code http_req_duration}: sending, waiting and receiving; connecting, TLS and DNS left out. */
    SEND_TO_LAST_BYTE("send-to-last-byte",
            "from sending the request to the last byte of the response; connecting, TLS and DNS are left out"),
    /** JMeter's elapsed time and Locust's response time: connecting included. */
    CONNECT_TO_LAST_BYTE("connect-to-last-byte",
            "from just before connecting (when a connection is opened) to the last byte of the response"),
    /** Artillery's {@code http.response_time}. */
    TIME_TO_FIRST_BYTE("time-to-first-byte", "from sending the request to the first byte of the response");

    private final String id;
    private final String description;

    LatencyDefinition(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The stable name used in result.json. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static LatencyDefinition fromId(String id) {
        for (LatencyDefinition definition : values()) {
            if (definition.id.equals(id)) {
                return definition;
            }
        }
        throw new IllegalArgumentException("unknown latency definition " + id);
    }
}
