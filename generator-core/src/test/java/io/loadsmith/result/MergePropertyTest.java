package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Results read in parts are the result read whole: a file read in two halves on two threads
 * ({@link ResultBuilder#merge}), and the runs of distributed workers ({@link RunResults#merge}),
 * give the figures one pass over all the samples gives: counts, failures by kind, duration,
 * throughput, percentiles and the time series.
 */
class MergePropertyTest {
    private static final long START_MS = 1_764_633_600_000L;
    private static final FailureKind[] KINDS = {null, null, null, FailureKind.HTTP_5XX, FailureKind.TIMEOUT};

    /** One request: operation, start offset, latency, failure (null when it succeeded). */
    record Sample(int operation, long offsetMs, long latencyMs, FailureKind failure) {}

    @Provide
    Arbitrary<List<Sample>> samples() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(0, 90_000),
                Arbitraries.longs().between(1, 4_000), Arbitraries.of(KINDS)).as(Sample::new).list().ofMinSize(1).ofMaxSize(400);
    }

    private static ResultBuilder builder(List<Sample> samples) {
        ResultBuilder builder = new ResultBuilder(LoadTools.JMETER, "test", LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
        for (Sample sample : samples) {
            builder.record(builder.operation("op" + sample.operation()), START_MS + sample.offsetMs(), sample.latencyMs(),
                    sample.failure(), 100, 50);
        }
        return builder;
    }

    @Property(tries = 200, seed = "20261202")
    void aFileReadInTwoHalvesIsTheFileReadWhole(@ForAll("samples") List<Sample> samples,
            @ForAll @IntRange(min = 0, max = 400) int cut) {
        int at = Math.min(cut, samples.size());
        ResultBuilder first = builder(samples.subList(0, at));
        first.merge(builder(samples.subList(at, samples.size())));
        assertEquals(ResultJson.write(builder(samples).build(Set.of(99.9))), ResultJson.write(first.build(Set.of(99.9))));
    }

    @Property(tries = 200, seed = "20261202")
    void theRunsOfWorkersMergedAreOneRunOfAllTheirRequests(@ForAll("samples") List<Sample> samples,
            @ForAll @IntRange(min = 1, max = 3) int workers, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<List<Sample>> parts = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < samples.size(); i++) {
            // every worker gets one sample before the rest are dealt at random
            parts.get(i < workers ? i : random.nextInt(workers)).add(samples.get(i));
        }
        parts.removeIf(List::isEmpty);
        List<RunResult> results = parts.stream().map(p -> builder(p).build(Set.of(99.9))).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            names.add("worker-" + i);
        }
        RunResult merged = RunResults.merge(results, names, Set.of(99.9));
        assertEquals(RunResultsTest.comparable(builder(samples).build(Set.of(99.9))), RunResultsTest.comparable(merged));
    }
}
