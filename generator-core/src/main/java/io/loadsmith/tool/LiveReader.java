package io.loadsmith.tool;

/**
 * What a running tool has done so far, for the progress line. Approximate by design: the result
 * comes from the parsers once the tool is done. Called about once a second from one thread.
 */
public interface LiveReader {
    /** Counts so far; p95 of the recent requests, null when unknown. */
    record Snapshot(long requests, long failures, Double p95Ms) {}

    /** The figures so far, or null while there are none. */
    Snapshot read();
}
