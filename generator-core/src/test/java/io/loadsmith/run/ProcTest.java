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
    void aProcessesCpuTimeIsItsOwnWithTheChildrenItWaitedFor() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String line = "4242 (sh) R 1 4242 4242 0 -1 4194304 90 0 0 0 1 20 300 4000 20 0 1 0 77 2400000 200";
        assertArrayEquals(new long[] {21, 4300}, Proc.processTicks(line));
        assertArrayEquals(new long[] {21, 4300}, Proc.processTicks(line.replace("(sh)", "(a) 7 8 (b) 9)")),
                "a command with spaces and parentheses in it");
        assertEquals(null, Proc.cpuSeconds(Long.MAX_VALUE), "a process that is not there");
        assertEquals(null, Proc.childrenCpuSeconds(Long.MAX_VALUE), "a process that is not there");
        Double mine = Proc.cpuSeconds(ProcessHandle.current().pid());
        assertTrue(mine != null && mine > 0.1, "a JVM that ran tests has used CPU: " + mine);
    }

    @Test
    void aChildsCpuTimeStaysWithItsParentOnceItHasExited() throws Exception {
        // The child works about half a second (a fixed time, so on any machine) and exits; the
        // parent waits for it and then sleeps: read then, the parent carries the child's time.
        Process parent = new ProcessBuilder("/bin/sh", "-c",
                "sh -c 'end=$(($(date +%s%N) + 500000000)); while [ $(date +%s%N) -lt $end ]; do :; done'; sleep 10").start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (parent.descendants().findAny().map(ProcessHandle::info).map(i -> i.command().orElse(""))
                    .filter(c -> c.endsWith("sleep")).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Double seconds = Proc.cpuSeconds(parent.pid());
            assertTrue(seconds != null && seconds > 0.1, "the parent's CPU time with its child's: " + seconds);
            Double children = Proc.childrenCpuSeconds(parent.pid());
            assertTrue(children != null && children > 0.1 && children <= seconds, "its child's: " + children);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor();
        }
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
