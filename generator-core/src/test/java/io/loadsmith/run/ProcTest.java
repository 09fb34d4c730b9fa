package io.loadsmith.run;

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
}
