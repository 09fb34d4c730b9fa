package io.loadsmith.result;

import io.loadsmith.tool.LoadTool;

import java.time.Instant;
import java.util.List;

/**
 * The normalized result of one run: what {@code result.json} holds.
 *
 * @param tool              the tool that wrote the output
 * @param toolVersion       null when the output does not say
 * @param format            the native format it was read from, e.g. {@code jmeter-jtl-csv}
 * @param start             the first request's start, null when unknown
 * @param durationSeconds   from the first request's start to the last one's end (or as the tool reports it)
 * @param intervalSeconds   the length of each time-series slice
 * @param toolVerdict       the tool's own pass/fail verdict on its thresholds, null when it gave none
 * @param workers           the processes of a run on several of them ({@code --workers}); empty for one
 * @param generator         how hard the load generator worked, for a run Loadsmith started; else null
 */
public record RunResult(LoadTool tool, String toolVersion, String format, LatencyDefinition latencyDefinition,
                        Instant start, double durationSeconds, Stats total, List<OperationResult> operations,
                        List<ThresholdResult> thresholds, Boolean toolVerdict, long intervalSeconds,
                        List<TimeSlice> timeSeries, List<String> warnings, List<Worker> workers, GeneratorHealth generator) {
    public RunResult {
        operations = List.copyOf(operations);
        thresholds = List.copyOf(thresholds);
        timeSeries = List.copyOf(timeSeries);
        warnings = List.copyOf(warnings);
        workers = List.copyOf(workers);
    }

    /** A result of one process. */
    public RunResult(LoadTool tool, String toolVersion, String format, LatencyDefinition latencyDefinition,
                     Instant start, double durationSeconds, Stats total, List<OperationResult> operations,
                     List<ThresholdResult> thresholds, Boolean toolVerdict, long intervalSeconds,
                     List<TimeSlice> timeSeries, List<String> warnings) {
        this(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, thresholds, toolVerdict,
                intervalSeconds, timeSeries, warnings, List.of(), null);
    }

    /** A result of several processes. */
    public RunResult(LoadTool tool, String toolVersion, String format, LatencyDefinition latencyDefinition,
                     Instant start, double durationSeconds, Stats total, List<OperationResult> operations,
                     List<ThresholdResult> thresholds, Boolean toolVerdict, long intervalSeconds,
                     List<TimeSlice> timeSeries, List<String> warnings, List<Worker> workers) {
        this(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, thresholds, toolVerdict,
                intervalSeconds, timeSeries, warnings, workers, null);
    }

    /** The same result with how hard its generator worked, and the warning when it was the bottleneck. */
    public RunResult withGenerator(GeneratorHealth health) {
        List<String> more = new java.util.ArrayList<>(warnings);
        if (health != null && health.warning() != null) {
            more.add(health.warning());
        }
        return new RunResult(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, thresholds,
                toolVerdict, intervalSeconds, timeSeries, more, workers, health);
    }

    /**
     * One process of a distributed run.
     *
     * @param requests   what its own output counted, null when only the whole run's output has counts
     * @param failures   likewise
     * @param cpuSeconds the CPU time its process tree used, null when unknown
     */
    public record Worker(String name, Long requests, Long failures, Double cpuSeconds) {}

    /** The same result with these workers. */
    public RunResult withWorkers(List<Worker> list) {
        return new RunResult(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, thresholds,
                toolVerdict, intervalSeconds, timeSeries, warnings, list, generator);
    }

    /** The same result, judged on these thresholds. */
    public RunResult withThresholds(List<ThresholdResult> judged) {
        return new RunResult(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, judged,
                toolVerdict, intervalSeconds, timeSeries, warnings, workers, generator);
    }

    /** The same result with these totals. */
    public RunResult withTotal(Stats newTotal) {
        return new RunResult(tool, toolVersion, format, latencyDefinition, start, durationSeconds, newTotal, operations, thresholds,
                toolVerdict, intervalSeconds, timeSeries, warnings, workers, generator);
    }

    /** The same result with the version of the tool that made it (when the output does not say). */
    public RunResult withToolVersion(String version) {
        return new RunResult(tool, version, format, latencyDefinition, start, durationSeconds, total, operations, thresholds,
                toolVerdict, intervalSeconds, timeSeries, warnings, workers, generator);
    }

    /** The same result with the tool's own verdict on its thresholds. */
    public RunResult withToolVerdict(Boolean verdict) {
        return new RunResult(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, thresholds,
                verdict, intervalSeconds, timeSeries, warnings, workers, generator);
    }

    /** The same result with one more warning. */
    public RunResult withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new RunResult(tool, toolVersion, format, latencyDefinition, start, durationSeconds, total, operations, thresholds,
                toolVerdict, intervalSeconds, timeSeries, more, workers, generator);
    }

    /** Whether every threshold passed (true when there are none). */
    public boolean passed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    public OperationResult operation(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }
}
