package io.loadsmith.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcTest {
    @Test
    void anAffinityListCountsItsProcessors() {
        assertEquals(7, Proc.count("0-3,6,8-9"));
        assertEquals(1, Proc.count("0"));
        assertEquals(2, Proc.count("0-1"));
    }

    @Test
    void thisProcessHasProcessorsMemoryAndAMachineThatWorks() {
        long pid = ProcessHandle.current().pid();
        assertEquals(Runtime.getRuntime().availableProcessors(), Proc.allowedCores(pid));
        assertTrue(Proc.residentBytes(pid) > 10_000_000, "a JVM holds more than 10 MB");
        long[] ticks = Proc.machineTicks();
        assertTrue(ticks != null && ticks[1] > ticks[0] && ticks[0] > 0);
        assertEquals(0, Proc.residentBytes(Long.MAX_VALUE), "a process that is not there");
    }

    @Test
    void theMachinesTicksAreTheFirstEightFieldsWithIdleAndIowaitNotBusy() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertArrayEquals(new long[] {100 + 2 + 30 + 6 + 7 + 8, 100 + 2 + 30 + 400 + 50 + 6 + 7 + 8},
                Proc.ticks("cpu  100 2 30 400 50 6 7 8 90 10"));
        assertArrayEquals(new long[] {10, 20}, Proc.ticks("cpu 4 0 6 8 2"), "an older kernel's shorter line");
    }

    @Test
    void aProcessPinnedToOneProcessorMayUseOne() throws Exception {
        Process pinned = new ProcessBuilder("taskset", "-c", "0", "sleep", "10").start();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            int cores;
            // taskset sets the affinity, then becomes sleep: wait for that.
            while ((cores = Proc.allowedCores(pinned.pid())) != 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, cores);
        } finally {
            pinned.destroyForcibly();
        }
    }
}
