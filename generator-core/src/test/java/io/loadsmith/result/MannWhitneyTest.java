package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** The noise test of compare, on distributions whose answer is known. */
class MannWhitneyTest {
    /** Log-normal latencies (as real ones are): median {@code medianMs}, spread sigma, rounded to the microsecond. */
    private static double[] latencies(long seed, int n, double medianMs, double sigma) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.round(medianMs * Math.exp(sigma * random.nextGaussian()) * 1000) / 1000.0;
        }
        return values;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * factor * 1000) / 1000.0;
        }
        return out;
    }

    @Test
    void itsStatisticIsTheTextbooksOnDistinctValues() {
        double[] a = latencies(1, 300, 100, 0.5);
        double[] b = latencies(2, 250, 110, 0.5);
        MannWhitney.Outcome outcome = MannWhitney.test(LatencyDistribution.ofMillis(1000, a), LatencyDistribution.ofMillis(1000, b));
        // Apache Commons Math on the raw values, an independent implementation: its U is the larger of the two.
        MannWhitneyUTest reference = new MannWhitneyUTest();
        double u = reference.mannWhitneyU(a, b);
        // Within HdrHistogram's 0.1% buckets, a few near-equal values tie; U moves by a few pairs at most.
        assertEquals(u, Math.max(outcome.u(), 300.0 * 250 - outcome.u()), 300.0 * 250 * 0.001);
        assertEquals(reference.mannWhitneyUTest(a, b) / 2, outcome.pHigher(), 0.002);
    }

    @Test
    void twoSamplesOfTheSameDistributionAreNotTold() {
        int told = 0;
        for (long seed = 0; seed < 50; seed++) {
            double[] a = latencies(seed, 200, 100, 0.4);
            double[] b = latencies(seed + 1000, 200, 100, 0.4);
            if (MannWhitney.test(LatencyDistribution.ofMillis(1000, a), LatencyDistribution.ofMillis(1000, b)).pHigher() < Comparison.ALPHA) {
                told++;
            }
        }
        // At p < 0.01, one false alarm in 50 is already unlikely (about 1 in 2.5); two or more would be a broken test.
        assertTrue(told <= 1, told + " of 50 identical pairs called different");
    }

    @Test
    void aThreePercentChangeOn200RequestsIsNoiseAndThirtyPercentOn2000IsNot() {
        double[] baseline = latencies(7, 200, 100, 0.5);
        double[] current = scaled(latencies(8, 200, 100, 0.5), 1.03);
        MannWhitney.Outcome small = MannWhitney.test(LatencyDistribution.ofMillis(1000, baseline), LatencyDistribution.ofMillis(1000, current));
        assertTrue(small.pHigher() > Comparison.ALPHA, "p = " + small.pHigher());

        double[] before = latencies(9, 2000, 100, 0.5);
        double[] slower = scaled(latencies(10, 2000, 100, 0.5), 1.3);
        MannWhitney.Outcome large = MannWhitney.test(LatencyDistribution.ofMillis(1000, before), LatencyDistribution.ofMillis(1000, slower));
        assertTrue(large.pHigher() < 1e-6, "p = " + large.pHigher());
        assertTrue(large.superiority(2000, 2000) > 0.6, "a slower run's latency exceeds the baseline's more often than not");
        MannWhitney.Outcome faster = MannWhitney.test(LatencyDistribution.ofMillis(1000, slower), LatencyDistribution.ofMillis(1000, before));
        assertTrue(faster.pHigher() > 0.99, "faster is not slower: p = " + faster.pHigher());
    }

    @Test
    void identicalValuesOrNoValuesTellNothing() {
        MannWhitney.Outcome same = MannWhitney.test(LatencyDistribution.ofMillis(1, 5, 5, 5), LatencyDistribution.ofMillis(1, 5, 5));
        assertEquals(1.0, same.pHigher());
        assertEquals(3.0, same.u(), "every pair a tie, each counting a half");
        assertNull(MannWhitney.test(LatencyDistribution.ofMillis(1), LatencyDistribution.ofMillis(1, 5)));
    }

    /**
     * Worked by hand: baseline 1, 2, 3 and current 2, 3, 4, 5 ms. Ranks 1, 2.5 (twice), 4.5
     * (twice), 6, 7; the current's sum 20, so U = 20 - 4 * 5 / 2 = 10 of 12 pairs; mean 6; two ties
     * of two, variance 3 * 4 / 12 * (8 - 12 / 42); z = (10 - 6 - 0.5) / sqrt(variance).
     */
    @Test
    void aSmallCaseWithTiesAsWorkedByHand() {
        MannWhitney.Outcome outcome = MannWhitney.test(LatencyDistribution.ofMillis(1, 1, 2, 3),
                LatencyDistribution.ofMillis(1, 2, 3, 4, 5));
        double variance = 3.0 * 4 / 12 * (8 - 12.0 / 42);
        assertEquals(10.0, outcome.u(), 1e-12);
        assertEquals(3.5 / Math.sqrt(variance), outcome.z(), 1e-12);
        assertEquals(0.10380870557742289, outcome.pHigher(), 1e-9);
        assertEquals(10.0 / 12, outcome.superiority(3, 4), 1e-12);
        MannWhitney.Outcome reversed = MannWhitney.test(LatencyDistribution.ofMillis(1, 2, 3, 4, 5),
                LatencyDistribution.ofMillis(1, 1, 2, 3));
        assertEquals(2.0, reversed.u(), 1e-12, "the other side's U: 12 - 10");
        assertEquals(-4.5 / Math.sqrt(variance), reversed.z(), 1e-12, "the continuity correction is always toward less evidence of higher");
    }
}
