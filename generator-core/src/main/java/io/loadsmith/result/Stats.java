package io.loadsmith.result;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and figures for the whole run or one operation.
 *
 * @param requests           requests made (for JMeter files: top-level samples)
 * @param failures           requests that got no response or a status of 400 or more, or that the tool marked failed
 * @param failuresByKind     failures by kind: {@code 4xx}, {@code 5xx}, {@code timeout}, {@code connection},
 *                           {@code check} (a response the script rejected), {@code other}
 * @param latencyMs          latency figures, or null when the output holds none
 * @param percentiles        {@link PercentileSource} of the percentiles in {@code latencyMs}
 * @param extraPercentiles   percentiles a threshold asked for beyond those of {@code latencyMs} (key: 99.9), in ms
 * @param bytesReceived      null when the output does not say
 * @param bytesSent          null when the output does not say
 * @param distribution       every latency, when the figures came from raw samples; null otherwise
 */
public record Stats(long requests, long failures, Map<String, Long> failuresByKind, Latency latencyMs,
                    PercentileSource percentiles, Map<Double, Double> extraPercentiles, double throughputPerSecond,
                    Long bytesReceived, Long bytesSent, LatencyDistribution distribution) {

    /** Figures without a distribution: those a tool reported itself. */
    public Stats(long requests, long failures, Map<String, Long> failuresByKind, Latency latencyMs,
                 PercentileSource percentiles, Map<Double, Double> extraPercentiles, double throughputPerSecond,
                 Long bytesReceived, Long bytesSent) {
        this(requests, failures, failuresByKind, latencyMs, percentiles, extraPercentiles, throughputPerSecond, bytesReceived,
                bytesSent, null);
    }

    public Stats {
        if (requests < 0 || failures < 0 || failures > requests) {
            throw new IllegalArgumentException("failures (" + failures + ") must be within [0, requests (" + requests + ")]");
        }
        failuresByKind = Collections.unmodifiableMap(new TreeMap<>(failuresByKind));
        extraPercentiles = Collections.unmodifiableMap(new TreeMap<>(extraPercentiles));
    }

    /** The same figures with these byte counts (null: unknown). */
    public Stats withBytes(Long received, Long sent) {
        return new Stats(requests, failures, failuresByKind, latencyMs, percentiles, extraPercentiles, throughputPerSecond,
                received, sent, distribution);
    }

    /** The fraction of requests that failed; 0 when there were none. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failures / requests;
    }

    /** Where percentiles come from. */
    public enum PercentileSource {
        /** Computed by Loadsmith from every sample (HdrHistogram, 3 significant digits). */
        EXACT,
        /** Taken as the tool reported them (summaries, rounded by the tool). */
        TOOL,
        /** The output holds no latency. */
        NONE
    }
}
