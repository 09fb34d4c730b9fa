package io.loadsmith.run;

import io.loadsmith.result.GeneratorHealth;
import io.loadsmith.tool.Distribution;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.ToolRunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one tool in a run folder, as one process or as the several of a {@link Distribution}: each
 * an argument list (never a shell string) with its console output in a log file, a progress
 * snapshot every second, and a clean stop when asked (Ctrl+C) or when the planned time plus a grace
 * period is over: a tool with a way of its own is asked that way (JMeter's "StopTestNow"
 * message), the others get SIGTERM (Locust and k6 then write their results), and whatever is left
 * of the process trees is killed after 20 seconds. Processes the run does not wait for (Locust's
 * workers, JMeter's servers) are stopped once the others are done. The CPU time of each process
 * tree is measured as it runs, and for a run of one process in whole once it has exited.
 */
public final class ToolRunner {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    /** How long workers and servers get to end on their own, then to end after SIGTERM. */
    private static final Duration OTHERS_GRACE = Duration.ofSeconds(8);

    /**
     * How a run ended.
     *
     * @param exitCode the first non-zero exit code of the processes waited for, else 0
     * @param processes each process: its name, log, exit code and CPU time, in the order started
     * @param generator how hard the processes worked, second by second
     */
    public record Outcome(int exitCode, boolean stopped, boolean timedOut, Duration elapsed, List<ProcessOutcome> processes,
                          GeneratorHealth generator) {}

    /** One process of a run. */
    public record ProcessOutcome(String name, Path log, int exitCode, double cpuSeconds) {}

    /** Progress for the console: elapsed and planned seconds, and what the tool's files say so far. */
    public record Progress(double elapsedSeconds, double plannedSeconds, Long requests, Long failures, Double p95Ms) {}

    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /** The command line of a tool run, from its launcher (e.g. [java, -jar, .../ApacheJMeter.jar] or [/usr/bin/locust]). */
    public static List<String> command(LoadTool tool, List<String> launcher, String baseUrl) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(tool.runArguments(new LoadTool.RunSettings(baseUrl)));
        return command;
    }

    /**
     * Runs the tool as one process and waits for it; its console goes to {@code tool.log}.
     *
     * @param planned  the test's planned length; the run is stopped at twice that plus two minutes
     * @param progress called about once a second
     */
    public Outcome run(LoadTool tool, List<String> command, Path dir, Map<String, String> environment, Duration planned,
                       Consumer<Progress> progress) {
        return runAll(tool, List.of(new Started.Plan("tool", command, Map.of(), true, null, dir.resolve("tool.log"))), dir,
                environment, planned, progress);
    }

    /**
     * Runs the processes of a distribution, each with {@code prefix} (the launcher, and setsid
     * where there is one) before its arguments, its console in {@code tool-<name>.log}.
     */
    public Outcome run(LoadTool tool, List<String> prefix, Distribution distribution, Path dir, Map<String, String> environment,
                       Duration planned, Consumer<Progress> progress) {
        List<Started.Plan> plans = new ArrayList<>();
        for (Distribution.Member member : distribution.processes()) {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(member.arguments());
            plans.add(new Started.Plan(member.name(), command, member.environment(), member.awaited(), member.ready(),
                    dir.resolve("tool-" + member.name() + ".log")));
        }
        return runAll(tool, plans, dir, environment, planned, progress);
    }

    /** A process as planned and, once started, as running. */
    private static final class Started {
        record Plan(String name, List<String> command, Map<String, String> environment, boolean awaited,
                    java.util.regex.Pattern ready, Path log) {}

        final Plan plan;
        final Process process;
        final LiveReader live;
        double cpu;
        long rssBytes;

        Started(Plan plan, Process process, LiveReader live) {
            this.plan = plan;
            this.process = process;
            this.live = live;
        }

        /**
         * Reads the CPU time and memory of the process and its live descendants; the CPU time of a
         * process includes its children that have exited, and keeps its highest reading.
         */
        void sampleCpu() {
            Double total = cpuOf(process.toHandle());
            if (total == null) {
                rssBytes = 0;
                return;
            }
            rssBytes = Proc.residentBytes(process.pid());
            // Parents come before their children (Java lists descendants breadth first): a child
            // that exits between the two readings is then counted once, in its parent's reading or
            // in its own, never in both.
            for (ProcessHandle descendant : process.descendants().toList()) {
                Double own = cpuOf(descendant);
                total += own == null ? 0 : own;
                rssBytes += Proc.residentBytes(descendant.pid());
            }
            cpu = Math.max(cpu, total);
        }

        /** From /proc with the children it waited for, else (no /proc) the process's own time as Java reads it. */
        private static Double cpuOf(ProcessHandle handle) {
            Double seconds = Proc.cpuSeconds(handle.pid());
            if (seconds != null || !handle.isAlive()) {
                return seconds;
            }
            return handle.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(null);
        }

        double cpuSeconds() {
            return Math.round(cpu * 1000) / 1000.0;
        }
    }

    private Outcome runAll(LoadTool tool, List<Started.Plan> plans, Path dir, Map<String, String> environment, Duration planned,
                        Consumer<Progress> progress) {
        long start = System.nanoTime();
        Double reapedBefore = Proc.childrenCpuSeconds(ProcessHandle.current().pid());
        List<Started> started = new ArrayList<>();
        Monitor monitor = null;
        boolean timedOut = false;
        boolean stopping = false;
        try {
            for (Started.Plan plan : plans) {
                ProcessBuilder builder = new ProcessBuilder(plan.command()).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(plan.log().toFile());
                builder.environment().putAll(environment);
                builder.environment().putAll(plan.environment());
                builder.environment().put("ARTILLERY_DISABLE_TELEMETRY", "true");
                builder.environment().put("K6_NO_USAGE_REPORT", "true");
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    throw new ToolRunException("cannot start " + plan.command().get(0) + ": " + e.getMessage(), e);
                }
                started.add(new Started(plan, process, tool.liveReader(dir, plan.log(), plan.command())));
                if (plan.ready() != null) {
                    awaitReady(plan, process);
                }
            }
            Duration limit = planned.multipliedBy(2).plus(Duration.ofMinutes(2));
            List<Started> awaited = started.stream().filter(s -> s.plan.awaited()).toList();
            int cores = Proc.allowedCores(started.get(0).process.pid());
            monitor = new Monitor(cores, tool.oneCorePerProcess() ? Math.min(cores, started.size()) : cores, start);
            while (awaited.stream().anyMatch(s -> s.process.isAlive())) {
                awaited.stream().filter(s -> s.process.isAlive()).findFirst().orElseThrow().process.waitFor(1, TimeUnit.SECONDS);
                started.forEach(Started::sampleCpu);
                monitor.sample(started);
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.accept(progress(started, elapsed, planned));
                if (!stopping && (stopRequested.get() || elapsed > limit.toSeconds())) {
                    timedOut = !stopRequested.get();
                    stopping = true;
                    awaited.forEach(s -> stopGracefully(tool, s.process, s.plan.log()));
                }
            }
            endOthers(started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            started.forEach(s -> stopGracefully(tool, s.process, s.plan.log()));
        } catch (RuntimeException e) {
            started.forEach(s -> killTree(s.process));
            throw e;
        }
        countLastWork(started, reapedBefore);
        List<ProcessOutcome> outcomes = new ArrayList<>();
        int exitCode = 0;
        for (Started s : started) {
            int code = s.process.isAlive() ? -1 : s.process.exitValue();
            outcomes.add(new ProcessOutcome(s.plan.name(), s.plan.log(), code, s.cpuSeconds()));
            if (s.plan.awaited() && exitCode == 0) {
                exitCode = code;
            }
        }
        return new Outcome(exitCode, stopRequested.get(), timedOut, Duration.ofNanos(System.nanoTime() - start), outcomes,
                monitor == null ? null : monitor.health());
    }

    /** The generator's load, a sample a second: the processes' CPU in cores, the machine's CPU, the processes' memory. */
    private static final class Monitor {
        private final int cores;
        private final double capacity;
        private final long start;
        private final List<GeneratorHealth.Sample> samples = new ArrayList<>();
        private double lastCpu;
        private long lastTime;
        private long[] lastMachine;

        Monitor(int cores, double capacity, long start) {
            this.cores = cores;
            this.capacity = capacity;
            this.start = start;
            this.lastTime = start;
            this.lastMachine = Proc.machineTicks();
        }

        void sample(List<Started> started) {
            if (started.stream().noneMatch(s -> s.plan.awaited() && s.process.isAlive())) {
                // The test is over: a sample now would only see processes that have gone.
                return;
            }
            long now = System.nanoTime();
            double cpu = started.stream().mapToDouble(Started::cpuSeconds).sum();
            long rss = started.stream().mapToLong(s -> s.rssBytes).sum();
            long[] machine = Proc.machineTicks();
            Double machineCpu = null;
            if (machine != null && lastMachine != null && machine[1] > lastMachine[1]) {
                machineCpu = Math.round((double) (machine[0] - lastMachine[0]) / (machine[1] - lastMachine[1]) * 1000) / 1000.0;
            }
            double seconds = (now - lastTime) / 1e9;
            if (seconds > 0.2) {
                samples.add(new GeneratorHealth.Sample((now - start) / 1e9, Math.max(0, (cpu - lastCpu) / seconds), machineCpu, rss));
                lastCpu = cpu;
                lastTime = now;
                lastMachine = machine;
            }
        }

        GeneratorHealth health() {
            return new GeneratorHealth(cores, capacity, samples);
        }
    }

    /**
     * The processes the run does not wait for (workers, servers) end on their own once the others
     * are done; what is still running after {@link #OTHERS_GRACE} gets SIGTERM, and after as long
     * again is killed with its process tree. All within this call: nothing is left behind.
     */
    private static void endOthers(List<Started> started) throws InterruptedException {
        List<Started> others = started.stream().filter(s -> !s.plan.awaited()).toList();
        if (others.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + OTHERS_GRACE.toNanos();
        while (others.stream().anyMatch(s -> s.process.isAlive()) && System.nanoTime() < deadline) {
            others.forEach(Started::sampleCpu);
            Thread.sleep(200);
        }
        others.stream().filter(s -> s.process.isAlive()).forEach(s -> s.process.destroy());
        deadline = System.nanoTime() + OTHERS_GRACE.toNanos();
        while (others.stream().anyMatch(s -> s.process.isAlive()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        others.stream().filter(s -> s.process.isAlive()).forEach(s -> killTree(s.process));
        for (Started other : others) {
            other.process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until a process's console shows that it is ready; it failing or taking a minute fails the run. */
    private static void awaitReady(Started.Plan plan, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String console = read(plan.log());
            if (plan.ready().matcher(console).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new ToolRunException(plan.name() + " exited with " + process.exitValue() + " before it was ready; see "
                        + plan.log());
            }
            Thread.sleep(100);
        }
        throw new ToolRunException(plan.name() + " was not ready after " + READY_LIMIT.toSeconds() + " s; see " + plan.log());
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /**
     * What a process did after its last reading (up to a second, all of it for a process that
     * ends sooner) is not seen by the readings: once the process has exited and Java has waited
     * for it, the kernel has added its whole CPU time (with its children's) to the JVM's children's.
     * For a run of one process, the JVM's children's CPU time over the run is that process's; in a
     * run of several, each keeps its last reading.
     */
    private static void countLastWork(List<Started> started, Double reapedBefore) {
        if (started.size() != 1 || reapedBefore == null || started.get(0).process.isAlive()) {
            return;
        }
        Double reapedAfter = Proc.childrenCpuSeconds(ProcessHandle.current().pid());
        if (reapedAfter != null) {
            started.get(0).cpu = Math.max(started.get(0).cpu, reapedAfter - reapedBefore);
        }
    }

    /** The processes' figures added up: requests and failures summed, the highest p95. */
    private static Progress progress(List<Started> started, double elapsed, Duration planned) {
        Long requests = null;
        Long failures = null;
        Double p95 = null;
        for (Started s : started) {
            LiveReader.Snapshot snapshot = s.live.read();
            if (snapshot != null) {
                requests = (requests == null ? 0 : requests) + snapshot.requests();
                failures = (failures == null ? 0 : failures) + snapshot.failures();
                if (snapshot.p95Ms() != null) {
                    p95 = p95 == null ? snapshot.p95Ms() : Double.valueOf(Math.max(p95, snapshot.p95Ms()));
                }
            }
        }
        return new Progress(elapsed, planned.toMillis() / 1000.0, requests, failures, p95);
    }

    /** Asks the running tool to stop; safe from a signal handler. */
    public void stop() {
        stopRequested.set(true);
    }

    private static void stopGracefully(LoadTool tool, Process running, Path log) {
        if (running == null || !running.isAlive()) {
            return;
        }
        if (!tool.requestStop(log)) {
            running.destroy();
        }
        Thread killer = new Thread(() -> {
            try {
                if (!running.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    killTree(running);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadsmith-stop");
        killer.setDaemon(true);
        killer.start();
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** One progress line: {@code [ 12s / 30s] 1234 requests, 102.3/s, 5 failed, p95 12.3 ms}. */
    public static String describe(Progress progress, long previousRequests, double previousSeconds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "[%4.0fs / %.0fs]", progress.elapsedSeconds(),
                progress.plannedSeconds()));
        if (progress.requests() != null) {
            double window = progress.elapsedSeconds() - previousSeconds;
            double rate = window > 0 ? (progress.requests() - previousRequests) / window : 0;
            out.append(String.format(Locale.ROOT, " %d requests, %.1f/s, %d failed", progress.requests(), Math.max(0, rate),
                    progress.failures()));
            if (progress.p95Ms() != null) {
                out.append(String.format(Locale.ROOT, ", p95 %.1f ms", progress.p95Ms()));
            }
        }
        return out.toString();
    }
}
