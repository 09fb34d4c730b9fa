package io.loadsmith.result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A current run against a baseline: both runs' figures per operation, the operations only one of
 * them has, and each regression limit judged. A latency limit counts as crossed only when the
 * difference is also larger than the noise, where both runs carry exact histograms: the
 * {@link MannWhitney} test must find the current latencies higher at {@link #ALPHA}.
 *
 * @param total      the whole runs, as a row named {@code total}
 * @param operations the operations both runs have, in the current run's order
 * @param limits     each limit on each scope it covers
 */
public record Comparison(RunResult baseline, RunResult current, Row total, List<Row> operations, List<String> onlyInBaseline,
                         List<String> onlyInCurrent, List<Judged> limits, List<String> warnings) {
    /** The significance level of the noise test: a difference is real when p is below it. */
    public static final double ALPHA = 0.01;

    /** The limits compare uses when none are given: p95 of every operation and of the whole run +10%, error rate +1pp. */
    public static final List<String> DEFAULT_LIMITS = List.of("p95:+10%", "*: p95:+10%", "error-rate:+1pp");

    public Comparison {
        operations = List.copyOf(operations);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
        limits = List.copyOf(limits);
        warnings = List.copyOf(warnings);
    }

    /**
     * One operation (or the total) in both runs.
     *
     * @param test the noise test of its latencies, null unless both runs have histograms
     */
    public record Row(String name, Stats baseline, Stats current, MannWhitney.Outcome test) {
        /** Whether the current latencies are higher beyond the noise; null when it cannot be told. */
        public Boolean significantlySlower() {
            return test == null ? null : test.pHigher() < ALPHA;
        }
    }

    /**
     * A limit judged on one scope.
     *
     * @param worsening how much worse, in the limit's unit (negative: better); null when unknown
     * @param note      why it is not crossed though over the amount (noise), or why it could not be judged
     */
    public record Judged(RegressionLimit limit, String scope, Double baseline, Double current, Double worsening, boolean crossed,
                         String note) {}

    /** Whether no limit was crossed. */
    public boolean passed() {
        return limits.stream().noneMatch(Judged::crossed);
    }

    /** The rows whose limits were crossed, by name. */
    public Set<String> regressed() {
        Set<String> names = new LinkedHashSet<>();
        limits.stream().filter(Judged::crossed).forEach(j -> names.add(j.scope()));
        return names;
    }

    /** Compares {@code current} with {@code baseline} on these limits. */
    public static Comparison of(RunResult baseline, RunResult current, List<RegressionLimit> limits) {
        List<String> warnings = new ArrayList<>();
        if (!baseline.tool().equals(current.tool())) {
            warnings.add("the runs come from different tools (" + baseline.tool().id() + ", " + current.tool().id() + ")");
        }
        if (baseline.latencyDefinition() != current.latencyDefinition()) {
            warnings.add("the tools measure latency differently: " + baseline.latencyDefinition().id() + " against "
                    + current.latencyDefinition().id() + ", so latencies compare only roughly");
        }
        Row total = row("total", baseline.total(), current.total());
        List<Row> rows = new ArrayList<>();
        List<String> onlyInCurrent = new ArrayList<>();
        for (OperationResult operation : current.operations()) {
            OperationResult before = baseline.operation(operation.name());
            if (before == null) {
                onlyInCurrent.add(operation.name());
            } else {
                rows.add(row(operation.name(), before.stats(), operation.stats()));
            }
        }
        List<String> onlyInBaseline = baseline.operations().stream().map(OperationResult::name)
                .filter(name -> current.operation(name) == null).toList();
        List<Judged> judged = new ArrayList<>();
        for (RegressionLimit limit : limits) {
            if (limit.scope() == null) {
                judged.add(judge(limit, total));
            } else if (limit.scope().equals(RegressionLimit.EVERY_OPERATION)) {
                rows.forEach(row -> judged.add(judge(limit, row)));
            } else {
                Row row = rows.stream().filter(r -> r.name().equals(limit.scope())).findFirst().orElse(null);
                judged.add(row != null ? judge(limit, row) : new Judged(limit, limit.scope(), null, null, null, true,
                        "not in both runs: " + (baseline.operation(limit.scope()) == null ? "the baseline" : "the current run")
                                + " has no operation of that name"));
            }
        }
        return new Comparison(baseline, current, total, rows, onlyInBaseline, onlyInCurrent, judged, warnings);
    }

    private static Row row(String name, Stats baseline, Stats current) {
        MannWhitney.Outcome test = baseline.distribution() == null || current.distribution() == null ? null
                : MannWhitney.test(baseline.distribution(), current.distribution());
        return new Row(name, baseline, current, test);
    }

    private static Judged judge(RegressionLimit limit, Row row) {
        Double before = limit.figure().of(row.baseline());
        Double now = limit.figure().of(row.current());
        if (before == null || now == null) {
            return new Judged(limit, row.name(), before, now, null, true, "not measured in "
                    + (before == null ? "the baseline" : "the current run"));
        }
        Double worsening = limit.worsening(before, now);
        if (worsening == null) {
            // A relative change of a zero baseline: any increase is infinitely many percent.
            boolean worse = limit.figure() == RegressionLimit.Figure.THROUGHPUT ? now < before : now > before;
            return new Judged(limit, row.name(), before, now, null, worse, worse ? "the baseline's figure is 0" : null);
        }
        boolean over = worsening > limit.amount();
        if (over && limit.figure().isLatency() && Boolean.FALSE.equals(row.significantlySlower())) {
            return new Judged(limit, row.name(), before, now, worsening, false, String.format(Locale.ROOT,
                    "within the noise: Mann-Whitney p = %.3f (%d and %d latencies)", row.test().pHigher(),
                    row.baseline().distribution().count(), row.current().distribution().count()));
        }
        return new Judged(limit, row.name(), before, now, worsening, over, null);
    }
}
