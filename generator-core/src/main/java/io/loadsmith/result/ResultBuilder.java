package io.loadsmith.result;

import io.loadsmith.tool.LoadTool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Builds a {@link RunResult} from a stream of samples, in memory that does not grow with their
 * number: per operation a count, an HdrHistogram of latencies (3 significant digits), exact min,
 * max and sum; per second of the run a few counters.
 *
 * <p>Latencies are recorded as whole numbers of a unit chosen by the parser: milliseconds for
 * tools that write whole milliseconds (then values below 2048 ms are kept exactly), microseconds
 * for tools that write fractions.
 */
public final class ResultBuilder {
    private static final int MAX_SLICES = 600;
    /**
     * How far from the first timed request the run's clock is followed: eight days, a week-long
     * soak test and more. A time beyond is a damaged one (a flipped digit in a JTL's timestamp):
     * the request counts, but not in the run's start, duration and time series, which it would
     * stretch to years.
     */
    static final long MAX_SPAN_SECONDS = 8L * 24 * 3600;

    private final LoadTool tool;
    private final String format;
    private final LatencyDefinition latencyDefinition;
    private final double unitsPerMs;
    private final Map<String, Recorder> operations = new LinkedHashMap<>();
    /** Requests recorded so far; the totals themselves are summed from the operations at the end. */
    private long requests;
    private final List<String> warnings = new ArrayList<>();
    private String toolVersion;
    private Boolean toolVerdict;
    private long firstStartMs = Long.MAX_VALUE;
    private long lastEndMs = Long.MIN_VALUE;
    // Per second of the run, from baseSecond: requests, failures, latency sum and max (in units).
    private long baseSecond = Long.MIN_VALUE;
    private long[] sliceRequests = new long[0];
    private long[] sliceFailures = new long[0];
    private long[] sliceLatencySum = new long[0];
    private long[] sliceLatencyMax = new long[0];
    private boolean anyLatency;
    private long anchorSecond = Long.MIN_VALUE;
    private long outOfSpan;
    private long overlong;
    private final SlotHistograms slotHistograms = new SlotHistograms();

    public ResultBuilder(LoadTool tool, String format, LatencyDefinition latencyDefinition, double unitsPerMs) {
        this.tool = tool;
        this.format = format;
        this.latencyDefinition = latencyDefinition;
        this.unitsPerMs = unitsPerMs;
    }

    /** The recorder of an operation, made on first use; keep it to avoid a lookup per sample. */
    public Recorder operation(String name) {
        return operations.computeIfAbsent(name, Recorder::new);
    }

    public void toolVersion(String version) {
        this.toolVersion = version;
    }

    public void toolVerdict(Boolean passed) {
        this.toolVerdict = passed;
    }

    public void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    public long requests() {
        return requests;
    }

    /**
     * One request.
     *
     * @param startMs       epoch milliseconds when it started
     * @param latency       in this builder's units; negative when unknown
     * @param failure       null when it succeeded
     * @param bytesReceived negative when unknown
     * @param bytesSent     negative when unknown
     */
    public void record(Recorder operation, long startMs, long latency, FailureKind failure, long bytesReceived, long bytesSent) {
        operation.add(latency, failure, bytesReceived, bytesSent);
        requests++;
        if (latency >= 0) {
            anyLatency = true;
        }
        if (startMs != Long.MIN_VALUE) {
            if (!inSpan(Math.floorDiv(startMs, 1000))) {
                outOfSpan++;
                return;
            }
            long endMs = startMs + (latency > 0 ? (long) Math.ceil(latency / unitsPerMs) : 0);
            firstStartMs = Math.min(firstStartMs, startMs);
            if (endMs - startMs <= MAX_SPAN_SECONDS * 1000) {
                lastEndMs = Math.max(lastEndMs, endMs);
            } else {
                overlong++;
                lastEndMs = Math.max(lastEndMs, startMs);
            }
            slice(startMs, latency, failure != null);
        }
    }

    /**
     * A request already recorded as a success that a later verdict failed (k6 judges its checks
     * after the request's own point): one more failure of {@code kind}, in the second of {@code timeMs}.
     */
    public void failed(Recorder operation, long timeMs, FailureKind kind) {
        operation.failures++;
        operation.failureKinds[kind.ordinal()]++;
        if (timeMs != Long.MIN_VALUE && inSpan(Math.floorDiv(timeMs, 1000))) {
            sliceFailures[sliceIndex(Math.floorDiv(timeMs, 1000))]++;
        }
    }

    /** Whether the run's clock follows this second: within {@link #MAX_SPAN_SECONDS} of the first timed request's. */
    private boolean inSpan(long second) {
        if (anchorSecond == Long.MIN_VALUE) {
            anchorSecond = second;
        }
        return Math.abs(second - anchorSecond) <= MAX_SPAN_SECONDS;
    }

    private void slice(long startMs, long latency, boolean failed) {
        int index = sliceIndex(Math.floorDiv(startMs, 1000));
        sliceRequests[index]++;
        if (failed) {
            sliceFailures[index]++;
        }
        if (latency >= 0) {
            sliceLatencySum[index] += latency;
            sliceLatencyMax[index] = Math.max(sliceLatencyMax[index], latency);
            slotHistograms.record(Math.floorDiv(startMs, 1000), latency);
        }
    }

    /** The slot of a second in the per-second arrays, which grow (either way) to hold it. */
    private int sliceIndex(long second) {
        if (baseSecond == Long.MIN_VALUE) {
            baseSecond = second - 60;
        }
        if (second < baseSecond) {
            int shift = (int) (baseSecond - second) + 60;
            sliceRequests = shifted(sliceRequests, shift);
            sliceFailures = shifted(sliceFailures, shift);
            sliceLatencySum = shifted(sliceLatencySum, shift);
            sliceLatencyMax = shifted(sliceLatencyMax, shift);
            baseSecond -= shift;
        }
        int index = (int) (second - baseSecond);
        if (index >= sliceRequests.length) {
            int size = Math.max(index + 1, sliceRequests.length * 2);
            sliceRequests = Arrays.copyOf(sliceRequests, size);
            sliceFailures = Arrays.copyOf(sliceFailures, size);
            sliceLatencySum = Arrays.copyOf(sliceLatencySum, size);
            sliceLatencyMax = Arrays.copyOf(sliceLatencyMax, size);
        }
        return index;
    }

    /**
     * Adds what another builder of the same format recorded (a later part of the same file, read in
     * parallel): operations new to this one come after this one's, as they would in one pass.
     */
    public void merge(ResultBuilder other) {
        for (Recorder recorder : other.operations.values()) {
            operation(recorder.name).addAll(recorder);
        }
        requests += other.requests;
        anyLatency |= other.anyLatency;
        outOfSpan += other.outOfSpan;
        overlong += other.overlong;
        if (other.firstStartMs != Long.MAX_VALUE && inSpan(Math.floorDiv(other.firstStartMs, 1000))
                && inSpan(Math.floorDiv(other.lastEndMs, 1000))) {
            firstStartMs = Math.min(firstStartMs, other.firstStartMs);
            lastEndMs = Math.max(lastEndMs, other.lastEndMs);
        }
        for (int i = 0; i < other.sliceRequests.length; i++) {
            if (other.sliceRequests[i] > 0 && !inSpan(other.baseSecond + i)) {
                outOfSpan += other.sliceRequests[i];
            } else if (other.sliceRequests[i] > 0) {
                int index = sliceIndex(other.baseSecond + i);
                sliceRequests[index] += other.sliceRequests[i];
                sliceFailures[index] += other.sliceFailures[i];
                sliceLatencySum[index] += other.sliceLatencySum[i];
                sliceLatencyMax[index] = Math.max(sliceLatencyMax[index], other.sliceLatencyMax[i]);
            }
        }
        slotHistograms.merge(other.slotHistograms);
        other.warnings.forEach(this::warn);
        if (toolVersion == null) {
            toolVersion = other.toolVersion;
        }
    }

    private static long[] shifted(long[] values, int shift) {
        long[] out = new long[values.length + shift];
        System.arraycopy(values, 0, out, shift, values.length);
        return out;
    }

    /**
     * The result.
     *
     * @param extraPercentiles percentiles to keep beyond p50..p99 (for thresholds such as p99.9)
     */
    public RunResult build(Set<Double> extraPercentiles) {
        double duration = firstStartMs == Long.MAX_VALUE ? 0 : Math.max(0.001, (lastEndMs - firstStartMs) / 1000.0);
        List<OperationResult> results = new ArrayList<>();
        for (Recorder recorder : operations.values()) {
            results.add(new OperationResult(recorder.name, recorder.stats(duration, extraPercentiles)));
        }
        Recorder total = new Recorder("total");
        operations.values().forEach(total::addAll);
        if (total.count > 0 && !anyLatency) {
            warn("the file holds no latencies: percentiles are unknown");
        }
        if (outOfSpan > 0) {
            warn(outOfSpan + " requests have a start time more than " + MAX_SPAN_SECONDS / 86400 + " days from the first"
                    + " request's (a damaged file?): they are counted, but not in the run's start, duration and time series");
        }
        if (overlong > 0) {
            warn(overlong + " requests last longer than " + MAX_SPAN_SECONDS / 86400 + " days (a damaged latency?): the run's"
                    + " duration ends before their end");
        }
        return new RunResult(tool, toolVersion, format, latencyDefinition,
                firstStartMs == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstStartMs), duration,
                total.stats(duration, extraPercentiles), results, List.of(), toolVerdict, interval(duration),
                timeSeries(duration), warnings);
    }

    static long interval(double duration) {
        long seconds = (long) Math.ceil(duration / MAX_SLICES);
        for (long nice : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600}) {
            if (seconds <= nice) {
                return nice;
            }
        }
        return 3600 * (long) Math.ceil(seconds / 3600.0);
    }

    private List<TimeSlice> timeSeries(double duration) {
        if (firstStartMs == Long.MAX_VALUE) {
            return List.of();
        }
        long interval = interval(duration);
        long firstSecond = Math.floorDiv(firstStartMs, 1000);
        long lastSecond = Math.floorDiv(lastEndMs, 1000);
        List<TimeSlice> slices = new ArrayList<>();
        for (long from = firstSecond; from <= lastSecond; from += interval) {
            long requests = 0;
            long failures = 0;
            long sum = 0;
            long max = -1;
            // only the seconds the per-second arrays hold: a slice of an hour is not 3600 lookups of nothing
            long fromIndex = Math.max(0, from - baseSecond);
            long toIndex = Math.min(sliceRequests.length, from + interval - baseSecond);
            for (int index = (int) fromIndex; index < toIndex; index++) {
                requests += sliceRequests[index];
                failures += sliceFailures[index];
                sum += sliceLatencySum[index];
                max = Math.max(max, sliceLatencyMax[index]);
            }
            boolean latency = anyLatency && requests > 0;
            AbstractHistogram percentiles = latency ? slotHistograms.between(from, from + interval) : null;
            boolean any = percentiles != null && percentiles.getTotalCount() > 0;
            slices.add(new TimeSlice(from - firstSecond, requests, failures, latency ? round(sum / unitsPerMs / requests) : null,
                    latency ? round(max / unitsPerMs) : null, any ? slicePercentile(percentiles, 50, max) : null,
                    any ? slicePercentile(percentiles, 95, max) : null, any ? slicePercentile(percentiles, 99, max) : null,
                    any ? LatencyDistribution.of(percentiles, unitsPerMs) : null));
        }
        return slices;
    }

    private Double slicePercentile(AbstractHistogram histogram, double percentile, long max) {
        return round(Math.min(max, histogram.getValueAtPercentile(percentile)) / unitsPerMs);
    }

    /**
     * The latencies of each second (or of each slot of 2, 4, 8... seconds once a run is long), for
     * the percentiles of the time series: HdrHistograms of two significant digits, at most
     * {@link #MAX_SLOTS} of them, so memory stays bounded whatever the run's length.
     */
    private static final class SlotHistograms {
        private static final int MAX_SLOTS = 2048;
        private final Map<Long, AbstractHistogram> slots = new HashMap<>();
        private long width = 1;
        private long lastSlot = Long.MIN_VALUE;
        private AbstractHistogram last;

        void record(long second, long latency) {
            long slot = Math.floorDiv(second, width);
            if (slot != lastSlot) {
                last = slots.computeIfAbsent(slot, k -> new IntCountsHistogram(2));
                lastSlot = slot;
                if (slots.size() > MAX_SLOTS) {
                    widen(width * 2);
                    record(second, latency);
                    return;
                }
            }
            last.recordValue(latency);
        }

        private void widen(long newWidth) {
            long factor = newWidth / width;
            Map<Long, AbstractHistogram> wider = new HashMap<>();
            slots.forEach((slot, histogram) -> {
                AbstractHistogram into = wider.computeIfAbsent(Math.floorDiv(slot, factor), k -> new IntCountsHistogram(2));
                into.add(histogram);
            });
            slots.clear();
            slots.putAll(wider);
            width = newWidth;
            lastSlot = Long.MIN_VALUE;
            last = null;
        }

        void merge(SlotHistograms other) {
            if (other.width > width) {
                widen(other.width);
            }
            long factor = width / other.width;
            other.slots.forEach((slot, histogram) ->
                    slots.computeIfAbsent(Math.floorDiv(slot, factor), k -> new IntCountsHistogram(2)).add(histogram));
            lastSlot = Long.MIN_VALUE;
            last = null;
            while (slots.size() > MAX_SLOTS) {
                widen(width * 2);
            }
        }

        /** The latencies of the slots that start within [fromSecond, toSecond). */
        AbstractHistogram between(long fromSecond, long toSecond) {
            AbstractHistogram sum = new IntCountsHistogram(2);
            for (long slot = Math.floorDiv(fromSecond + width - 1, width); slot * width < toSecond; slot++) {
                AbstractHistogram histogram = slots.get(slot);
                if (histogram != null) {
                    sum.add(histogram);
                }
            }
            return sum;
        }
    }

    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** The running figures of one operation, or of the whole run. */
    public final class Recorder {
        private final String name;
        private final Histogram histogram = new Histogram(3);
        private final long[] failureKinds = new long[FailureKind.values().length];
        private long count;
        private long failures;
        private long latencies;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private double sum;
        private long bytesReceived;
        private long bytesSent;
        private boolean knowsReceived;
        private boolean knowsSent;

        private Recorder(String name) {
            this.name = name;
        }

        private void add(long latency, FailureKind failure, long received, long sent) {
            count++;
            if (failure != null) {
                failures++;
                failureKinds[failure.ordinal()]++;
            }
            if (latency >= 0) {
                latencies++;
                histogram.recordValue(latency);
                sum += latency;
                if (latency < min) {
                    min = latency;
                }
                if (latency > max) {
                    max = latency;
                }
            }
            if (received >= 0) {
                bytesReceived += received;
                knowsReceived = true;
            }
            if (sent >= 0) {
                bytesSent += sent;
                knowsSent = true;
            }
        }

        private void addAll(Recorder other) {
            count += other.count;
            failures += other.failures;
            for (int i = 0; i < failureKinds.length; i++) {
                failureKinds[i] += other.failureKinds[i];
            }
            latencies += other.latencies;
            histogram.add(other.histogram);
            sum += other.sum;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
            bytesReceived += other.bytesReceived;
            bytesSent += other.bytesSent;
            knowsReceived |= other.knowsReceived;
            knowsSent |= other.knowsSent;
        }

        private Stats stats(double duration, Set<Double> extraPercentiles) {
            Latency latency = null;
            Map<Double, Double> extra = new LinkedHashMap<>();
            if (latencies > 0) {
                latency = new Latency(round(min / unitsPerMs), round(sum / latencies / unitsPerMs), percentile(50),
                        percentile(75), percentile(90), percentile(95), percentile(99), round(max / unitsPerMs));
                for (double p : extraPercentiles) {
                    extra.put(p, percentile(p));
                }
            }
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (FailureKind kind : FailureKind.values()) {
                if (failureKinds[kind.ordinal()] > 0) {
                    kinds.put(kind.id(), failureKinds[kind.ordinal()]);
                }
            }
            return new Stats(count, failures, kinds, latency, latency == null ? Stats.PercentileSource.NONE
                    : Stats.PercentileSource.EXACT, extra, duration > 0 ? round(count / duration) : 0,
                    knowsReceived ? bytesReceived : null, knowsSent ? bytesSent : null,
                    latency == null ? null : LatencyDistribution.of(histogram, unitsPerMs));
        }

        private double percentile(double p) {
            // Never beyond the exact extremes, which HdrHistogram's bucket edges can overshoot.
            long value = Math.min(max, Math.max(min, histogram.getValueAtPercentile(p)));
            return round(value / unitsPerMs);
        }
    }
}
