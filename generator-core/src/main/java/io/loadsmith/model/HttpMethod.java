package io.loadsmith.model;

/** The HTTP methods a plan can send. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE;

    /** Whether requests of this method conventionally carry a body. */
    public boolean allowsBody() {
        return this == POST || this == PUT || this == PATCH || this == DELETE;
    }
}
