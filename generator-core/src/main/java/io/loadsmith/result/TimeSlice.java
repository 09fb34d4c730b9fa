package io.loadsmith.result;

/**
 * One interval of the run's time series.
 *
 * @param offsetSeconds seconds from the run's start to the interval's start
 * @param meanLatencyMs mean latency of the interval's requests, null when none or unknown
 * @param p50LatencyMs  percentiles of the interval's latencies (two significant digits), null when unknown
 * @param latencies     the interval's latencies (two significant digits), where every sample was read:
 *                      what merges the series of several workers exactly; not in result.json
 */
public record TimeSlice(long offsetSeconds, long requests, long failures, Double meanLatencyMs, Double maxLatencyMs,
                        Double p50LatencyMs, Double p95LatencyMs, Double p99LatencyMs, LatencyDistribution latencies) {
    /** A slice without percentiles: what tools that report a series of counts give. */
    public TimeSlice(long offsetSeconds, long requests, long failures, Double meanLatencyMs, Double maxLatencyMs) {
        this(offsetSeconds, requests, failures, meanLatencyMs, maxLatencyMs, null, null, null, null);
    }

    /** A slice with percentiles but not the latencies they came from (as result.json gives it). */
    public TimeSlice(long offsetSeconds, long requests, long failures, Double meanLatencyMs, Double maxLatencyMs,
                     Double p50LatencyMs, Double p95LatencyMs, Double p99LatencyMs) {
        this(offsetSeconds, requests, failures, meanLatencyMs, maxLatencyMs, p50LatencyMs, p95LatencyMs, p99LatencyMs, null);
    }
}
