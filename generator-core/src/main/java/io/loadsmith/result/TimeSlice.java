package io.loadsmith.result;

/**
 * One interval of the run's time series.
 *
 * @param offsetSeconds seconds from the run's start to the interval's start
 * @param meanLatencyMs mean latency of the interval's requests, null when none or unknown
 */
public record TimeSlice(long offsetSeconds, long requests, long failures, Double meanLatencyMs, Double maxLatencyMs) {}
