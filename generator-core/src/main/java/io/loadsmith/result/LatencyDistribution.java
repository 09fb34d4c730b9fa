package io.loadsmith.result;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Every latency of an operation (or of a run) as an HdrHistogram, with 3 significant digits (2 for
 * the slices of a time series): what makes percentiles, merges and comparisons exact rather than
 * approximations from a few figures.
 * Immutable; values are whole numbers of a unit, {@code unitsPerMs} of them to the millisecond
 * (1 for tools that write whole milliseconds, 1000 for microseconds).
 *
 * <p>In {@code result.json} it is HdrHistogram's compressed encoding in base64 ({@link #encoded}),
 * which any HdrHistogram implementation (Java, Go, JavaScript, Python, Rust) decodes.
 */
public final class LatencyDistribution {
    /** The name of the encoding, as result.json gives it. */
    public static final String ENCODING = "hdrhistogram-compressed-base64";
    private static final int SIGNIFICANT_DIGITS = 3;

    private final AbstractHistogram histogram;
    private final double unitsPerMs;

    private LatencyDistribution(AbstractHistogram histogram, double unitsPerMs) {
        if (!(unitsPerMs > 0) || Double.isInfinite(unitsPerMs)) {
            throw new IllegalArgumentException("units per millisecond must be a positive number, not " + unitsPerMs);
        }
        this.histogram = histogram;
        this.unitsPerMs = unitsPerMs;
    }

    /** A copy of {@code histogram} (of its precision), which the caller may go on changing. */
    public static LatencyDistribution of(AbstractHistogram histogram, double unitsPerMs) {
        return new LatencyDistribution(histogram.copy(), unitsPerMs);
    }

    /** Latencies in milliseconds, recorded in {@code unitsPerMs} units each (for tests and hand-made results). */
    public static LatencyDistribution ofMillis(double unitsPerMs, double... latenciesMs) {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        for (double ms : latenciesMs) {
            histogram.recordValue(Math.round(ms * unitsPerMs));
        }
        return new LatencyDistribution(histogram, unitsPerMs);
    }

    /**
     * Reads {@link #encoded}'s form back.
     *
     * @throws IllegalArgumentException when it is not base64 of a compressed HdrHistogram
     */
    public static LatencyDistribution decode(String base64, double unitsPerMs) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage(), e);
        }
        Histogram decoded;
        try {
            decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return of(decoded, unitsPerMs);
    }

    /**
     * HdrHistogram's compressed encoding, in base64. The same latencies give the same text, however
     * the histogram grew to hold them (the encoding names its trackable range: here always the
     * smallest that holds the highest value).
     */
    public String encoded() {
        long lowest = histogram.getLowestDiscernibleValue();
        Histogram canonical = new Histogram(lowest, Math.max(2 * lowest, histogram.getMaxValue()),
                histogram.getNumberOfSignificantValueDigits());
        canonical.add(histogram);
        ByteBuffer buffer = ByteBuffer.allocate(canonical.getNeededByteBufferCapacity());
        int length = canonical.encodeIntoCompressedByteBuffer(buffer, 9);
        byte[] bytes = new byte[length];
        buffer.rewind();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public double unitsPerMs() {
        return unitsPerMs;
    }

    /** How many latencies it holds. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at a percentile (0..100), in ms, within the recorded minimum and maximum. */
    public double percentileMs(double percentile) {
        // Never beyond the recorded extremes, which HdrHistogram's bucket edges can overshoot.
        long value = Math.min(histogram.getMaxValue(), Math.max(histogram.getMinValue(), histogram.getValueAtPercentile(percentile)));
        return ResultBuilder.round(value / unitsPerMs);
    }

    public double meanMs() {
        return histogram.getMean() / unitsPerMs;
    }

    /** Both distributions in one, in the finer unit and the precision of the two. */
    public LatencyDistribution plus(LatencyDistribution other) {
        double units = Math.max(unitsPerMs, other.unitsPerMs);
        AbstractHistogram sum = (histogram.getNumberOfSignificantValueDigits()
                >= other.histogram.getNumberOfSignificantValueDigits() ? histogram : other.histogram).copy();
        sum.reset();
        sum.setAutoResize(true);
        addScaled(sum, this, units);
        addScaled(sum, other, units);
        return new LatencyDistribution(sum, units);
    }

    private static void addScaled(AbstractHistogram into, LatencyDistribution from, double units) {
        if (from.unitsPerMs == units) {
            into.add(from.histogram);
            return;
        }
        double factor = units / from.unitsPerMs;
        for (HistogramIterationValue value : from.histogram.recordedValues()) {
            into.recordValueWithCount(Math.round(from.histogram.medianEquivalentValue(value.getValueIteratedTo()) * factor),
                    value.getCountAtValueIteratedTo());
        }
    }

    /** One bucket of the histogram: its middle value in ms, and how many latencies fell in it. */
    public record Bucket(double ms, long count) {}

    /** The recorded buckets, from the lowest value up. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (HistogramIterationValue value : histogram.recordedValues()) {
            buckets.add(new Bucket(histogram.medianEquivalentValue(value.getValueIteratedTo()) / unitsPerMs,
                    value.getCountAtValueIteratedTo()));
        }
        return buckets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyDistribution other && unitsPerMs == other.unitsPerMs && histogram.equals(other.histogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(histogram.getTotalCount()) * 31 + Double.hashCode(unitsPerMs);
    }

    @Override
    public String toString() {
        return "LatencyDistribution[" + count() + " latencies, " + unitsPerMs + " units/ms]";
    }
}
