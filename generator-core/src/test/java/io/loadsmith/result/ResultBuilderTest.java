package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loadsmith.tool.LoadTools;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder's time series: counts, and percentiles per slice that stay right however long the run. */
class ResultBuilderTest {
    private static ResultBuilder builder() {
        return new ResultBuilder(LoadTools.K6, "test", LatencyDefinition.SEND_TO_LAST_BYTE, 1);
    }

    @Test
    void eachSecondHasItsOwnPercentiles() {
        ResultBuilder builder = builder();
        ResultBuilder.Recorder op = builder.operation("op");
        long start = 1_700_000_000_000L;
        for (int i = 1; i <= 100; i++) {
            builder.record(op, start + i, i, null, -1, -1);              // second 0: 1..100 ms
            builder.record(op, start + 1000 + i, 10 * i, i % 10 == 0 ? FailureKind.HTTP_5XX : null, -1, -1); // second 1: 10..1000 ms
        }
        List<TimeSlice> slices = builder.build(Set.of()).timeSeries();
        assertEquals(1, builder.build(Set.of()).intervalSeconds());
        TimeSlice first = slices.get(0);
        assertEquals(100, first.requests());
        assertEquals(0, first.failures());
        assertEquals(50, first.p50LatencyMs());
        assertEquals(95, first.p95LatencyMs());
        assertEquals(99, first.p99LatencyMs());
        TimeSlice second = slices.get(1);
        assertEquals(10, second.failures());
        assertEquals(500, second.p50LatencyMs(), 5);
        assertEquals(950, second.p95LatencyMs(), 9.5);
        assertEquals(1000, second.maxLatencyMs());
    }

    @Test
    void aLongRunKeepsPercentilesWithBoundedSlots() {
        ResultBuilder builder = builder();
        ResultBuilder.Recorder op = builder.operation("op");
        long start = 1_700_000_000_000L;
        // Five hours, one request a second, 10 ms in the first hour and 20 ms after.
        for (long second = 0; second < 5 * 3600; second++) {
            builder.record(op, start + second * 1000, second < 3600 ? 10 : 20, null, -1, -1);
        }
        RunResult result = builder.build(Set.of());
        assertEquals(30, result.intervalSeconds());
        assertEquals(600, result.timeSeries().size());
        assertEquals(10, result.timeSeries().get(0).p95LatencyMs());
        assertEquals(20, result.timeSeries().get(599).p95LatencyMs());
        long withPercentiles = result.timeSeries().stream().filter(s -> s.p50LatencyMs() != null).count();
        assertEquals(600, withPercentiles, "every slice has the latencies of its slots");
    }

    @Test
    void twoBuildersOfOneFileMergeTheirSeries() {
        ResultBuilder a = builder();
        ResultBuilder b = builder();
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 10; i++) {
            a.record(a.operation("op"), start + i, 10, null, -1, -1);
            b.record(b.operation("op"), start + 500 + i, 30, null, -1, -1);
        }
        a.merge(b);
        TimeSlice slice = a.build(Set.of()).timeSeries().get(0);
        assertEquals(20, slice.requests());
        assertEquals(10, slice.p50LatencyMs());
        assertEquals(30, slice.p95LatencyMs());
    }

    @Test
    void withoutLatenciesThereAreNoPercentiles() {
        ResultBuilder builder = builder();
        builder.record(builder.operation("op"), 1_700_000_000_000L, -1, null, -1, -1);
        assertNull(builder.build(Set.of()).timeSeries().get(0).p95LatencyMs());
    }

    @Test
    void aRequestWithADamagedTimeCountsButDoesNotStretchTheRun() {
        ResultBuilder builder = builder();
        ResultBuilder.Recorder op = builder.operation("op");
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 10; i++) {
            builder.record(op, start + 1000L * i, 10, null, -1, -1);
        }
        builder.record(op, start + 4_294_967_296_000L, 20, FailureKind.HTTP_5XX, -1, -1); // a flipped bit: 136 years on
        builder.record(op, 42, 30, null, -1, -1);
        RunResult result = builder.build(Set.of());
        assertEquals(12, result.total().requests());
        assertEquals(1, result.total().failures());
        assertEquals(9.01, result.durationSeconds(), 1e-9);
        assertEquals(java.time.Instant.ofEpochMilli(start), result.start());
        assertEquals(10, result.timeSeries().stream().mapToLong(TimeSlice::requests).sum());
        assertEquals(List.of("2 requests have a start time more than 8 days from the first request's (a damaged file?): "
                + "they are counted, but not in the run's start, duration and time series"), result.warnings());
    }

    @Test
    void theRunLastsFromTheFirstStartToTheLastEnd() {
        ResultBuilder builder = builder();
        ResultBuilder.Recorder op = builder.operation("op");
        long start = 1_700_000_000_000L;
        builder.record(op, start + 500, 100, null, -1, -1);
        builder.record(op, start, 50, null, -1, -1);
        builder.record(op, start + 1500, 2500, null, -1, -1); // ends last, at +4000
        builder.record(op, start + 3000, 10, FailureKind.HTTP_4XX, -1, -1);
        RunResult result = builder.build(Set.of());
        assertEquals(4.0, result.durationSeconds(), 1e-9);
        assertEquals(1.0, result.total().throughputPerSecond(), 1e-9);
        assertEquals(0.25, result.total().errorRate(), 1e-12);
        assertEquals(List.of(2L, 1L, 0L, 1L), result.timeSeries().stream().map(TimeSlice::requests).toList().subList(0, 4));
    }

    @Test
    void aLatencyOfYearsDoesNotStretchTheRun() {
        ResultBuilder builder = builder();
        ResultBuilder.Recorder op = builder.operation("op");
        long start = 1_700_000_000_000L;
        builder.record(op, start, 10, null, -1, -1);
        builder.record(op, start + 1000, 99_999_999_999_999L, null, -1, -1); // a damaged latency: 3000 years
        RunResult result = builder.build(Set.of());
        assertEquals(2, result.total().requests());
        assertEquals(1.0, result.durationSeconds(), 1e-9, "from the first start to the damaged request's start");
        assertEquals(2, result.timeSeries().size());
        assertEquals(List.of("1 requests last longer than 8 days (a damaged latency?): the run's duration ends before their end"),
                result.warnings());
    }
}
