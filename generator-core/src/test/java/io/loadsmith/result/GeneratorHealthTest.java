package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorHealthTest {
    private static GeneratorHealth run(double capacity, double... cpu) {
        List<GeneratorHealth.Sample> samples = new ArrayList<>();
        for (int i = 0; i < cpu.length; i++) {
            samples.add(new GeneratorHealth.Sample(i, cpu[i], 0.5, 100_000_000));
        }
        return new GeneratorHealth(2, capacity, samples);
    }

    @Test
    void aGeneratorBusyForMoreThanATenthOfTheRunWasTheBottleneck() {
        // 2 of 10 seconds at 90% or more of 2 cores.
        GeneratorHealth busy = run(2, 1.9, 1.8, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2);
        assertEquals(0.2, busy.saturatedShare(), 1e-9);
        assertTrue(busy.saturated());
        assertTrue(busy.warning().startsWith("the load generator was the bottleneck: its processes used 90% or more of the CPU they "
                + "can use (2 cores), or 75% on a machine with no CPU to spare, for 20% of the run"), busy.warning());
    }

    @Test
    void aTenthOrLessIsNotAndNeitherIsARunTooShortToTell() {
        GeneratorHealth once = run(2, 1.9, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2);
        assertFalse(once.saturated(), "exactly a tenth of the run");
        assertNull(once.warning());
        assertFalse(run(2, 2, 2).saturated(), "two samples tell nothing");
        // Below 90% of the capacity is not saturated, however long.
        assertFalse(run(2, 1.79, 1.79, 1.79, 1.79).saturated());
    }

    @Test
    void aGeneratorStarvedOnABusyMachineWasTheBottleneckToo() {
        // k6 held to one core that a server on the same machine shares: 85-89% of it, the machine full.
        List<GeneratorHealth.Sample> starved = new ArrayList<>();
        List<GeneratorHealth.Sample> spare = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            starved.add(new GeneratorHealth.Sample(i, 0.85 + i * 0.01, 0.99, 100_000_000));
            spare.add(new GeneratorHealth.Sample(i, 0.85 + i * 0.01, 0.6, 100_000_000));
        }
        assertTrue(new GeneratorHealth(1, 1, starved).saturated());
        assertFalse(new GeneratorHealth(1, 1, spare).saturated(), "below 90% with CPU to spare: it had what it asked for");
        List<GeneratorHealth.Sample> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            idle.add(new GeneratorHealth.Sample(i, 0.5, 1.0, 100_000_000));
        }
        assertFalse(new GeneratorHealth(1, 1, idle).saturated(), "a busy machine alone is not the generator's doing");
        List<GeneratorHealth.Sample> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            unknown.add(new GeneratorHealth.Sample(i, 0.85, null, 100_000_000));
        }
        assertFalse(new GeneratorHealth(1, 1, unknown).saturated(), "without the machine's figure, only 90% counts");
    }

    @Test
    void aOneThreadToolIsSaturatedAtOneCore() {
        GeneratorHealth locust = run(1, 0.95, 0.97, 0.93, 0.99);
        assertTrue(locust.saturated());
        assertTrue(locust.warning().contains("(1 core)"), locust.warning());
    }

    @Test
    void aSecondAtALimitCountsAndJustBelowItDoesNot() {
        // On two cores: 90% is 1.8 cores; 75% of them, 1.5, on a machine 95% busy.
        assertEquals(1.0, share(new GeneratorHealth.Sample(0, 1.8, null, 1)));
        assertEquals(0.0, share(new GeneratorHealth.Sample(0, 1.79, null, 1)));
        assertEquals(1.0, share(new GeneratorHealth.Sample(0, 1.5, 0.95, 1)));
        assertEquals(0.0, share(new GeneratorHealth.Sample(0, 1.49, 0.95, 1)));
        assertEquals(0.0, share(new GeneratorHealth.Sample(0, 1.5, 0.949, 1)));
    }

    @Test
    void threeSecondsAreEnoughToTell() {
        GeneratorHealth.Sample busy = new GeneratorHealth.Sample(0, 2, null, 1);
        GeneratorHealth.Sample idle = new GeneratorHealth.Sample(0, 0.1, null, 1);
        assertTrue(new GeneratorHealth(2, 2, List.of(busy, idle, idle)).saturated(), "a third of three seconds");
        assertFalse(new GeneratorHealth(2, 2, List.of(busy, busy)).saturated(), "two seconds are too few");
        assertEquals(0.0, new GeneratorHealth(2, 2, List.of()).saturatedShare());
    }

    @Test
    void aCapacityAndCoresMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorHealth(0, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorHealth(1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorHealth(1, Double.NaN, List.of()));
    }

    private static double share(GeneratorHealth.Sample sample) {
        return new GeneratorHealth(2, 2, List.of(sample)).saturatedShare();
    }
}
