package io.loadsmith.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Several workers' results of one test, as one result. Where each part carries its latency
 * distributions (every sample was read), the merge is exact: counts add up, the distributions add
 * up, and the percentiles come from the sum as they would from one file of all the samples; the
 * time series are aligned on wall-clock seconds. Where a part holds only a tool's summary, its
 * percentiles can only be combined approximately (weighted by requests), and the result says so.
 */
public final class RunResults {
    private RunResults() {}

    /**
     * @param parts   one result per worker, of one tool
     * @param names   the workers' names, in the order of {@code parts}
     * @param extraPercentiles percentiles to give beyond p50..p99, from the summed distributions
     */
    public static RunResult merge(List<RunResult> parts, List<String> names, Set<Double> extraPercentiles) {
        if (parts.isEmpty() || parts.size() != names.size()) {
            throw new IllegalArgumentException("one name per part, and at least one part (" + parts.size() + " parts, "
                    + names.size() + " names)");
        }
        RunResult first = parts.get(0);
        for (RunResult part : parts) {
            if (!part.tool().equals(first.tool()) || part.latencyDefinition() != first.latencyDefinition()) {
                throw new IllegalArgumentException("the parts come from different tools: " + first.tool().id() + ", "
                        + part.tool().id());
            }
        }
        Instant start = parts.stream().map(RunResult::start).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        Instant end = parts.stream().filter(p -> p.start() != null)
                .map(p -> p.start().plusNanos(Math.round(p.durationSeconds() * 1e9))).max(Instant::compareTo).orElse(null);
        double duration = start == null ? parts.stream().mapToDouble(RunResult::durationSeconds).max().orElse(0)
                : Math.max(0.001, (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        Set<String> warnings = new LinkedHashSet<>();
        parts.forEach(p -> warnings.addAll(p.warnings()));

        Map<String, List<Stats>> byOperation = new LinkedHashMap<>();
        for (RunResult part : parts) {
            for (OperationResult operation : part.operations()) {
                byOperation.computeIfAbsent(operation.name(), k -> new ArrayList<>()).add(operation.stats());
            }
        }
        List<OperationResult> operations = new ArrayList<>();
        boolean approximated = false;
        for (Map.Entry<String, List<Stats>> entry : byOperation.entrySet()) {
            Stats stats = stats(entry.getValue(), duration, extraPercentiles);
            approximated |= stats.percentiles() == Stats.PercentileSource.TOOL && entry.getValue().size() > 1;
            operations.add(new OperationResult(entry.getKey(), stats));
        }
        Stats total = stats(parts.stream().map(RunResult::total).toList(), duration, extraPercentiles);
        if (approximated || total.percentiles() == Stats.PercentileSource.TOOL && parts.size() > 1) {
            warnings.add("the workers' outputs hold no samples, only the tool's percentiles: those of the whole run are "
                    + "their mean weighted by requests, an approximation (counts, minimum and maximum are exact)");
        }
        long interval = ResultBuilder.interval(duration);
        List<TimeSlice> series = series(parts, start, duration, interval);
        Boolean verdict = parts.stream().map(RunResult::toolVerdict).filter(Objects::nonNull).reduce(Boolean::logicalAnd).orElse(null);
        String version = parts.stream().map(RunResult::toolVersion).filter(Objects::nonNull).findFirst().orElse(null);
        List<RunResult.Worker> workers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            workers.add(new RunResult.Worker(names.get(i), parts.get(i).total().requests(), parts.get(i).total().failures(), null));
        }
        return new RunResult(first.tool(), version, first.format(), first.latencyDefinition(), start, duration, total, operations,
                List.of(), verdict, interval, series, new ArrayList<>(warnings), workers);
    }

    private static Stats stats(List<Stats> parts, double duration, Set<Double> extraPercentiles) {
        long requests = 0;
        long failures = 0;
        Map<String, Long> kinds = new TreeMap<>();
        Long received = null;
        Long sent = null;
        for (Stats part : parts) {
            requests += part.requests();
            failures += part.failures();
            part.failuresByKind().forEach((kind, n) -> kinds.merge(kind, n, Long::sum));
            if (part.bytesReceived() != null) {
                received = (received == null ? 0 : received) + part.bytesReceived();
            }
            if (part.bytesSent() != null) {
                sent = (sent == null ? 0 : sent) + part.bytesSent();
            }
        }
        List<Stats> timed = parts.stream().filter(p -> p.latencyMs() != null).toList();
        double throughput = duration > 0 ? ResultBuilder.round(requests / duration) : 0;
        if (timed.isEmpty()) {
            return new Stats(requests, failures, kinds, null, Stats.PercentileSource.NONE, Map.of(), throughput, received, sent);
        }
        double min = timed.stream().mapToDouble(p -> p.latencyMs().min()).min().orElseThrow();
        double max = timed.stream().mapToDouble(p -> p.latencyMs().max()).max().orElseThrow();
        boolean exact = timed.stream().allMatch(p -> p.distribution() != null);
        if (exact) {
            LatencyDistribution sum = timed.stream().map(Stats::distribution).reduce(LatencyDistribution::plus).orElseThrow();
            double mean = ResultBuilder.round(timed.stream().mapToDouble(p -> p.latencyMs().mean() * p.distribution().count()).sum()
                    / sum.count());
            Latency latency = new Latency(min, mean, clamp(sum, 50, min, max), clamp(sum, 75, min, max), clamp(sum, 90, min, max),
                    clamp(sum, 95, min, max), clamp(sum, 99, min, max), max);
            Map<Double, Double> extra = new LinkedHashMap<>();
            for (double p : extraPercentiles) {
                extra.put(p, clamp(sum, p, min, max));
            }
            return new Stats(requests, failures, kinds, latency, Stats.PercentileSource.EXACT, extra, throughput, received, sent, sum);
        }
        Latency latency = new Latency(min, weighted(timed, Latency::mean), weighted(timed, Latency::p50), weighted(timed, Latency::p75),
                weighted(timed, Latency::p90), weighted(timed, Latency::p95), weighted(timed, Latency::p99), max);
        return new Stats(requests, failures, kinds, latency, Stats.PercentileSource.TOOL, Map.of(), throughput, received, sent);
    }

    private static double clamp(LatencyDistribution distribution, double percentile, double min, double max) {
        return Math.min(max, Math.max(min, distribution.percentileMs(percentile)));
    }

    /** The parts' figure weighted by their requests; null when any part lacks it. */
    private static Double weighted(List<Stats> parts, java.util.function.Function<Latency, Double> figure) {
        double sum = 0;
        long weight = 0;
        for (Stats part : parts) {
            Double value = figure.apply(part.latencyMs());
            if (value == null) {
                return null;
            }
            sum += value * part.requests();
            weight += part.requests();
        }
        return weight == 0 ? null : ResultBuilder.round(sum / weight);
    }

    /** The slices of every part, by the wall-clock second each starts at, in slices of {@code interval} seconds from the first. */
    private static List<TimeSlice> series(List<RunResult> parts, Instant start, double duration, long interval) {
        if (start == null || parts.stream().allMatch(p -> p.timeSeries().isEmpty())) {
            return List.of();
        }
        long firstSecond = Math.floorDiv(start.toEpochMilli(), 1000);
        int count = (int) (Math.floorDiv((long) Math.ceil(duration) + 1, interval) + 1);
        List<List<TimeSlice>> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buckets.add(new ArrayList<>());
        }
        for (RunResult part : parts) {
            if (part.start() == null) {
                continue;
            }
            long partSecond = Math.floorDiv(part.start().toEpochMilli(), 1000);
            for (TimeSlice slice : part.timeSeries()) {
                int index = (int) ((partSecond + slice.offsetSeconds() - firstSecond) / interval);
                while (index >= buckets.size()) {
                    buckets.add(new ArrayList<>());
                }
                buckets.get(index).add(slice);
            }
        }
        while (buckets.size() > 1 && buckets.get(buckets.size() - 1).isEmpty()) {
            buckets.remove(buckets.size() - 1);
        }
        List<TimeSlice> merged = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            merged.add(slice(i * interval, buckets.get(i)));
        }
        return merged;
    }

    private static TimeSlice slice(long offset, List<TimeSlice> parts) {
        long requests = parts.stream().mapToLong(TimeSlice::requests).sum();
        long failures = parts.stream().mapToLong(TimeSlice::failures).sum();
        List<TimeSlice> timed = parts.stream().filter(s -> s.meanLatencyMs() != null && s.requests() > 0).toList();
        if (timed.isEmpty()) {
            return new TimeSlice(offset, requests, failures, null, null);
        }
        long weight = timed.stream().mapToLong(TimeSlice::requests).sum();
        double mean = ResultBuilder.round(timed.stream().mapToDouble(s -> s.meanLatencyMs() * s.requests()).sum() / weight);
        Double max = timed.stream().map(TimeSlice::maxLatencyMs).filter(Objects::nonNull).max(Double::compare).orElse(null);
        if (timed.stream().allMatch(s -> s.latencies() != null)) {
            LatencyDistribution sum = timed.stream().map(TimeSlice::latencies).reduce(LatencyDistribution::plus).orElseThrow();
            double top = max == null ? Double.MAX_VALUE : max;
            return new TimeSlice(offset, requests, failures, mean, max, Math.min(top, sum.percentileMs(50)),
                    Math.min(top, sum.percentileMs(95)), Math.min(top, sum.percentileMs(99)), sum);
        }
        return new TimeSlice(offset, requests, failures, mean, max);
    }
}
