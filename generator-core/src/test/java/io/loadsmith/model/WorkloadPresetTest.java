package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadPresetTest {
    @ParameterizedTest
    @EnumSource(WorkloadPreset.class)
    void stagesAddUpToTheRequestedDuration(WorkloadPreset preset) {
        Workload workload = preset.workload(null, null, Duration.ofMinutes(7));
        assertEquals(Duration.ofMinutes(7), workload.duration());
    }

    @Test
    void loadRampsUpHoldsAndRampsDown() {
        Workload.ClosedWorkload load = (Workload.ClosedWorkload) WorkloadPreset.LOAD.workload(40, null, Duration.ofSeconds(80));
        assertEquals(0, load.startUsers());
        assertEquals(List.of(new Workload.UserStage(Duration.ofSeconds(10), 40), new Workload.UserStage(Duration.ofSeconds(60), 40),
                new Workload.UserStage(Duration.ofSeconds(10), 0)), load.stages());
    }

    @Test
    void smokeIsConstant() {
        Workload smoke = WorkloadPreset.SMOKE.workload(null, null, null);
        assertTrue(smoke.isConstant());
        assertEquals(Duration.ofSeconds(30), smoke.duration());
    }

    @Test
    void aRateMakesTheWorkloadOpen() {
        Workload.OpenWorkload open = assertInstanceOf(Workload.OpenWorkload.class,
                WorkloadPreset.LOAD.workload(null, 50.0, Duration.ofMinutes(8)));
        assertEquals(50.0, open.peakRate());
        assertEquals(0.0, open.startRate());
    }

    @Test
    void aRateAloneSizesTheUserPool() {
        // Ten users per arrival a second at most, at least ten; one ready per arrival a second.
        Workload.OpenWorkload slow = (Workload.OpenWorkload) WorkloadPreset.LOAD.workload(null, 0.5, Duration.ofMinutes(1));
        assertEquals(10, slow.maxUsers());
        assertEquals(1, slow.preAllocatedUsers());
        Workload.OpenWorkload fast = (Workload.OpenWorkload) WorkloadPreset.LOAD.workload(null, 12.5, Duration.ofMinutes(1));
        assertEquals(125, fast.maxUsers());
        assertEquals(13, fast.preAllocatedUsers());
        Workload.OpenWorkload capped = (Workload.OpenWorkload) WorkloadPreset.LOAD.workload(4, 12.5, Duration.ofMinutes(1));
        assertEquals(4, capped.maxUsers());
        assertEquals(4, capped.preAllocatedUsers());
    }

    @Test
    void breakpointHasItsOwnDefaults() {
        Workload.OpenWorkload open = (Workload.OpenWorkload) WorkloadPreset.BREAKPOINT.workload(null, null, null);
        assertEquals(100.0, open.peakRate());
        assertEquals(1000, open.maxUsers());
        assertEquals(100, open.preAllocatedUsers());
        assertEquals(Duration.ofMinutes(10), open.duration());
    }

    @Test
    void breakpointIsOpenAndGrows() {
        Workload.OpenWorkload open = assertInstanceOf(Workload.OpenWorkload.class, WorkloadPreset.BREAKPOINT.workload(null, 200.0, null));
        assertEquals(List.of(new Workload.RateStage(Duration.ofMinutes(10), 200.0)), open.stages());
    }

    @Test
    void unknownProfileNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkloadPreset.fromId("heavy"));
        assertTrue(e.getMessage().contains("smoke, load, stress, spike, soak, breakpoint"), e.getMessage());
    }

    @Test
    void workloadsCheckTheirInvariants() {
        assertThrows(IllegalArgumentException.class, () -> Workload.ClosedWorkload.constant(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Workload.OpenWorkload(1, List.of(new Workload.RateStage(Duration.ofSeconds(1), 1)), 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new Workload.UserStage(Duration.ZERO, 1));
    }
}
