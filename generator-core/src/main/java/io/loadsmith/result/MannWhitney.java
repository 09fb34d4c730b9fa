package io.loadsmith.result;

import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum) on two latency histograms: whether the latencies of
 * one run tend to be higher than those of another by more than chance would make them. It uses
 * every latency (by its histogram bucket, so values within 0.1% of each other are ties), the normal
 * approximation with the correction for ties and for continuity, which holds from about 20
 * latencies a side.
 */
public final class MannWhitney {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitney() {}

    /**
     * @param u       the U statistic of {@code current}: how many (baseline, current) pairs have the
     *                current latency higher, ties counting a half
     * @param z       U's distance from what equal distributions give, in standard deviations
     * @param pHigher the one-sided p-value of "current is higher": the chance of a U this large or
     *                larger if both runs had the same distribution
     */
    public record Outcome(double u, double z, double pHigher) {
        /** The probability that a current latency exceeds a baseline one (ties a half): 0.5 when alike. */
        public double superiority(long baselineCount, long currentCount) {
            return u / ((double) baselineCount * currentCount);
        }
    }

    /** Compares two distributions; null when either holds no latency. */
    public static Outcome test(LatencyDistribution baseline, LatencyDistribution current) {
        long n1 = baseline.count();
        long n2 = current.count();
        if (n1 == 0 || n2 == 0) {
            return null;
        }
        // Both sides on one scale of values: the finer unit of the two, so that equal latencies tie.
        double units = Math.max(baseline.unitsPerMs(), current.unitsPerMs());
        TreeMap<Long, long[]> counts = new TreeMap<>();
        add(counts, baseline.buckets(), units, 0);
        add(counts, current.buckets(), units, 1);
        double n = (double) n1 + n2;
        double rank = 0;
        double currentRanks = 0;
        double ties = 0;
        for (long[] at : counts.values()) {
            double t = (double) at[0] + at[1];
            double average = rank + (t + 1) / 2;
            currentRanks += at[1] * average;
            ties += t * t * t - t;
            rank += t;
        }
        double u = currentRanks - (double) n2 * (n2 + 1) / 2;
        double mean = (double) n1 * n2 / 2;
        double variance = (double) n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
        if (!(variance > 0)) {
            // Every latency the same value: nothing tells the runs apart.
            return new Outcome(u, 0, 1);
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return new Outcome(u, z, NORMAL.cumulativeProbability(-z));
    }

    private static void add(TreeMap<Long, long[]> counts, List<LatencyDistribution.Bucket> buckets, double units, int side) {
        for (LatencyDistribution.Bucket bucket : buckets) {
            counts.computeIfAbsent(Math.round(bucket.ms() * units), k -> new long[2])[side] += bucket.count();
        }
    }
}
