package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.model.Threshold;
import io.loadsmith.tool.LoadTools;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Thresholds judged on the result's histograms agree with a brute-force computation over the
 * samples themselves: the percentile by nearest rank of the sorted latencies, the mean, the max,
 * the error rate and the throughput. A histogram keeps three significant digits, so a limit
 * closer than that to the exact figure may go either way; every other verdict must match.
 */
class ThresholdPropertyTest {
    private static final long START_MS = 1_700_000_000_000L;

    @Provide
    Arbitrary<long[]> latencies() {
        Arbitrary<Long> one = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(1, 200)),
                Tuple.of(3, Arbitraries.longs().between(1, 5_000)),
                Tuple.of(1, Arbitraries.longs().between(1, 600_000)));
        return one.list().ofMinSize(1).ofMaxSize(3000).map(list -> list.stream().mapToLong(Long::longValue).toArray());
    }

    @Provide
    Arbitrary<Double> percentiles() {
        return Arbitraries.oneOf(Arbitraries.of(50.0, 75.0, 90.0, 95.0, 99.0, 99.9),
                Arbitraries.doubles().between(0.1, 99.9).ofScale(1));
    }

    @Property(tries = 300, seed = "20261202")
    void aPercentileThresholdAgreesWithTheSortedSamples(@ForAll("latencies") long[] latencies, @ForAll("percentiles") double p,
            @ForAll @IntRange(min = 0, max = 3000) int limitMs, @ForAll boolean orEqual) {
        // A latency threshold is an upper bound: < or <=.
        Threshold.Comparison comparison = orEqual ? Threshold.Comparison.LESS_OR_EQUAL : Threshold.Comparison.LESS;
        RunResult result = judged(latencies, 0, "p" + format(p) + comparison.symbol() + limitMs + "ms");
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long exact = sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        ThresholdResult verdict = result.thresholds().get(0);
        assertTrue(Math.abs(verdict.measured() - exact) <= exact * 0.001 + 1, verdict + " vs exact " + exact);
        if (Math.abs(limitMs - exact) > exact * 0.001 + 1) {
            assertEquals(comparison.holds(exact, limitMs), verdict.passed(), verdict + " vs exact " + exact);
        }
    }

    @Property(tries = 200, seed = "20261202")
    void meanMaxErrorRateAndThroughputAgreeWithTheSamples(@ForAll("latencies") long[] latencies,
            @ForAll @IntRange(min = 0, max = 100) int failedPercent, @ForAll @IntRange(min = 0, max = 3000) int limit) {
        int failures = (int) ((long) latencies.length * failedPercent / 100);
        double mean = Arrays.stream(latencies).average().orElseThrow();
        long max = Arrays.stream(latencies).max().orElseThrow();
        double errorRate = (double) failures / latencies.length;
        String errorLimit = "error-rate<" + limit / 30.0 + "%";
        RunResult result = judged(latencies, failures, "mean<" + limit + "ms", "max<=" + limit + "ms", errorLimit,
                "throughput>" + limit / 10.0 + "/s");
        List<ThresholdResult> verdicts = result.thresholds();
        assertEquals(mean, verdicts.get(0).measured(), mean * 0.001 + 1, "mean");
        if (Math.abs(limit - mean) > mean * 0.001 + 1) {
            assertEquals(mean < limit, verdicts.get(0).passed(), "mean");
        }
        assertEquals(max, verdicts.get(1).measured(), max * 0.001 + 1, "max");
        if (Math.abs(limit - max) > max * 0.001 + 1) {
            assertEquals(max <= limit, verdicts.get(1).passed(), "max");
        }
        assertEquals(errorRate, verdicts.get(2).measured(), 1e-12, "error rate");
        assertEquals(errorRate < Threshold.parse(errorLimit).limit(), verdicts.get(2).passed(), "error rate");
        // One request every 10 ms from START_MS: the run lasts from the first start to the last end.
        long lastEnd = 0;
        for (int i = 0; i < latencies.length; i++) {
            lastEnd = Math.max(lastEnd, 10L * i + latencies[i]);
        }
        double seconds = lastEnd / 1000.0;
        double rps = latencies.length / seconds;
        // Throughput is reported to the thousandth.
        assertEquals(rps, verdicts.get(3).measured(), 0.0005 + rps * 1e-9, "throughput");
        if (Math.abs(rps - limit / 10.0) > 0.001) {
            assertEquals(rps > limit / 10.0, verdicts.get(3).passed(), "throughput");
        }
    }

    /** A result of one operation, a request started every 10 ms, the first {@code failures} failed. */
    private static RunResult judged(long[] latencies, int failures, String... thresholds) {
        ResultBuilder builder = new ResultBuilder(LoadTools.K6, "test", LatencyDefinition.SEND_TO_LAST_BYTE, 1);
        ResultBuilder.Recorder op = builder.operation("op");
        for (int i = 0; i < latencies.length; i++) {
            builder.record(op, START_MS + 10L * i, latencies[i], i < failures ? FailureKind.HTTP_5XX : null, -1, -1);
        }
        List<Threshold> parsed = Arrays.stream(thresholds).map(Threshold::parse).toList();
        return Thresholds.judge(builder.build(Thresholds.extraPercentiles(parsed)), parsed);
    }

    private static String format(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
