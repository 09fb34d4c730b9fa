package io.loadsmith.result;

import java.util.List;
import java.util.Locale;

/**
 * How hard the load generator itself worked during a run, sampled every second: the CPU its
 * processes used against what they can use, the whole machine's CPU, and the processes' memory.
 * A generator that runs out of CPU sends late and measures late, so its latencies are inflated;
 * no tool says so by itself.
 *
 * @param cores    the processors the tool's processes may run on (their CPU affinity)
 * @param capacity the cores they can use at most: {@code cores}, or fewer for a tool whose
 *                 processes each run on one thread (Locust, Artillery) and are fewer than the cores
 */
public record GeneratorHealth(int cores, double capacity, List<Sample> samples) {
    /** A share of the capacity at or above which a second counts as saturated. */
    public static final double SATURATED = 0.9;
    /**
     * With the whole machine at least this busy, a second in which the tool's processes used
     * {@link #STARVED} of their capacity counts as saturated too: they wanted more CPU than the
     * machine had left (other processes, such as a system under test on the same machine, had it).
     */
    public static final double MACHINE_BUSY = 0.95;
    public static final double STARVED = 0.75;
    /** The share of saturated seconds above which the run is said to have been limited by its generator. */
    public static final double SATURATED_SECONDS = 0.1;

    public GeneratorHealth {
        samples = List.copyOf(samples);
        if (cores < 1 || !(capacity > 0)) {
            throw new IllegalArgumentException("cores (" + cores + ") and capacity (" + capacity + ") must be > 0");
        }
    }

    /**
     * One second of the run.
     *
     * @param cpuCores   CPU time the tool's processes used in that second, in cores (1.5: one and a half cores busy)
     * @param machineCpu the share of the whole machine's CPU in use (every process), null when unknown
     * @param rssBytes   the resident memory of the tool's processes
     */
    public record Sample(double offsetSeconds, double cpuCores, Double machineCpu, long rssBytes) {}

    /**
     * The share of the seconds in which the tool's processes used at least {@link #SATURATED} of
     * their capacity, or {@link #STARVED} of it on a machine at least {@link #MACHINE_BUSY} busy.
     */
    public double saturatedShare() {
        if (samples.isEmpty()) {
            return 0;
        }
        return (double) samples.stream().filter(this::saturated).count() / samples.size();
    }

    private boolean saturated(Sample sample) {
        return sample.cpuCores() >= SATURATED * capacity
                || sample.machineCpu() != null && sample.machineCpu() >= MACHINE_BUSY && sample.cpuCores() >= STARVED * capacity;
    }

    /** Whether the generator was the bottleneck: saturated for more than {@link #SATURATED_SECONDS} of the run. */
    public boolean saturated() {
        return samples.size() >= 3 && saturatedShare() > SATURATED_SECONDS;
    }

    /** The warning a saturated run gets, or null. */
    public String warning() {
        if (!saturated()) {
            return null;
        }
        return String.format(Locale.ROOT, "the load generator was the bottleneck: its processes used %.0f%% or more of the CPU "
                + "they can use (%s), or %.0f%% on a machine with no CPU to spare, for %.0f%% of the run, so they sent requests "
                + "late and the latencies are inflated; run with --workers or on more machines", SATURATED * 100,
                capacity == 1 ? "1 core" : trim(capacity) + " cores", STARVED * 100, saturatedShare() * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
