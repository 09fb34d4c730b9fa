package io.loadsmith.result;

import io.loadsmith.model.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Judges thresholds on a normalized result, the same way whatever tool made it. */
public final class Thresholds {
    private Thresholds() {}

    /** The percentiles beyond p50, p75, p90, p95 and p99 that these thresholds need. */
    public static Set<Double> extraPercentiles(List<Threshold> thresholds) {
        Set<Double> extra = new LinkedHashSet<>();
        for (Threshold threshold : thresholds) {
            if (threshold.measure() instanceof Threshold.Percentile p && !Set.of(50.0, 75.0, 90.0, 95.0, 99.0).contains(p.percentile())) {
                extra.add(p.percentile());
            }
        }
        return extra;
    }

    public static RunResult judge(RunResult result, List<Threshold> thresholds) {
        List<ThresholdResult> judged = new ArrayList<>();
        for (Threshold threshold : thresholds) {
            judged.add(judge(result, threshold));
        }
        return result.withThresholds(judged);
    }

    private static ThresholdResult judge(RunResult result, Threshold threshold) {
        String scope = threshold.operation() == null ? "total" : threshold.operation();
        Stats stats;
        if (threshold.operation() == null) {
            stats = result.total();
        } else {
            OperationResult operation = result.operation(threshold.operation());
            if (operation == null) {
                return new ThresholdResult(threshold.expression(), scope, null, false,
                        "the results have no operation named '" + threshold.operation() + "'");
            }
            stats = operation.stats();
        }
        Double measured;
        String missing = null;
        Threshold.Measure measure = threshold.measure();
        if (measure instanceof Threshold.ErrorRate) {
            measured = stats.requests() == 0 ? null : stats.errorRate();
            missing = "no requests were made";
        } else if (measure instanceof Threshold.Throughput) {
            measured = result.durationSeconds() > 0 ? stats.throughputPerSecond() : null;
            missing = "the run's duration is unknown";
        } else {
            Latency latency = stats.latencyMs();
            missing = "the results hold no such latency figure";
            if (latency == null) {
                measured = null;
            } else if (measure instanceof Threshold.MeanLatency) {
                measured = latency.mean();
            } else if (measure instanceof Threshold.MaxLatency) {
                measured = latency.max();
            } else {
                double p = ((Threshold.Percentile) measure).percentile();
                measured = latency.percentile(p) != null ? latency.percentile(p) : stats.extraPercentiles().get(p);
            }
        }
        if (measured == null) {
            return new ThresholdResult(threshold.expression(), scope, null, false, missing);
        }
        return new ThresholdResult(threshold.expression(), scope, measured,
                threshold.comparison().holds(measured, threshold.limit()), null);
    }
}
