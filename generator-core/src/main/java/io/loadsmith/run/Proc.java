package io.loadsmith.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Linux's /proc tells about a process and the machine, for the load generator's health: where
 * /proc is missing or unreadable, the figures are unknown (0 bytes, all processors, null).
 */
final class Proc {
    private static final long PAGE_SIZE = 4096;
    /** The unit of /proc's times, USER_HZ: 100 on all but Linux's oldest architectures (Alpha, IA-64). */
    private static final int USER_HZ = 100;

    private Proc() {}

    /** The resident memory of a process, 0 when unknown. */
    static long residentBytes(long pid) {
        try {
            String[] statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split("\\s+");
            return Long.parseLong(statm[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** How many processors a process may run on (its affinity, as taskset sets it); all of them when unknown. */
    static int allowedCores(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return count(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: all of them
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** "0-3,6,8-9" counts 7. */
    static int count(String list) {
        int count = 0;
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            count += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        return Math.max(1, count);
    }

    /**
     * The CPU seconds of a process and of the children it has waited for ({@code /proc/PID/stat}'s
     * utime, stime, cutime and cstime), or null when unknown (the process is gone, or there is no
     * /proc). The children's part keeps the work of a child that has exited, which a reading of
     * the child alone loses.
     */
    static Double cpuSeconds(long pid) {
        long[] ticks = processTicks(pid);
        return ticks == null ? null : (ticks[0] + ticks[1]) / (double) USER_HZ;
    }

    /** The CPU seconds of the children a process has waited for (cutime and cstime), or null when unknown. */
    static Double childrenCpuSeconds(long pid) {
        long[] ticks = processTicks(pid);
        return ticks == null ? null : ticks[1] / (double) USER_HZ;
    }

    private static long[] processTicks(long pid) {
        try {
            return processTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A process's own ticks (fields 14 and 15 of a {@code /proc/PID/stat} line, utime and stime)
     * and its waited-for children's (16 and 17, cutime and cstime). The second field, the command
     * in parentheses, may hold spaces and parentheses itself: the fields are counted from its last
     * closing parenthesis.
     */
    static long[] processTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 1).trim().split("\\s+");
        // fields[0] is field 3 (the state): field n is fields[n - 3]
        return new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
            Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
    }

    /** The machine's busy and total CPU ticks so far (/proc/stat), or null when unknown. */
    static long[] machineTicks() {
        try {
            return ticks(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Busy and total ticks from /proc/stat's first line ({@code cpu user nice system idle iowait irq
     * softirq steal guest guest_nice}): the total is the first eight (guest time is already in user
     * time), idle is idle and iowait.
     */
    static long[] ticks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }
}
