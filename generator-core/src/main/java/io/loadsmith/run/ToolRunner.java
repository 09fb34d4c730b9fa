package io.loadsmith.run;

import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.ToolRunException;
import java.io.IOException;
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
 * Runs one tool in a run folder: an argument list (never a shell string), its console output in
 * {@code tool.log}, a progress snapshot every second, and a clean stop when asked (Ctrl+C) or when
 * the planned time plus a grace period is over: a tool with a way of its own is asked that way
 * (JMeter's "StopTestNow" message), the others get SIGTERM (Locust and k6 then write their
 * results), and whatever is left of the process tree is killed after 20 seconds.
 */
public final class ToolRunner {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** How a run ended. */
    public record Outcome(int exitCode, boolean stopped, boolean timedOut, Duration elapsed) {}

    /** Progress for the console: elapsed and planned seconds, and what the tool's files say so far. */
    public record Progress(double elapsedSeconds, double plannedSeconds, Long requests, Long failures, Double p95Ms) {}

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Process process;

    /** The command line of a tool run, from its launcher (e.g. [java, -jar, .../ApacheJMeter.jar] or [/usr/bin/locust]). */
    public static List<String> command(LoadTool tool, List<String> launcher, String baseUrl) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(tool.runArguments(new LoadTool.RunSettings(baseUrl)));
        return command;
    }

    /**
     * Runs the tool and waits for it.
     *
     * @param planned  the test's planned length; the run is stopped at twice that plus two minutes
     * @param progress called about once a second
     */
    public Outcome run(LoadTool tool, List<String> command, Path dir, Map<String, String> environment, Duration planned,
                       Consumer<Progress> progress) {
        Path log = dir.resolve("tool.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("ARTILLERY_DISABLE_TELEMETRY", "true");
        builder.environment().put("K6_NO_USAGE_REPORT", "true");
        long start = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ToolRunException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        LiveReader live = tool.liveReader(dir, log, command);
        Duration limit = planned.multipliedBy(2).plus(Duration.ofMinutes(2));
        boolean timedOut = false;
        boolean stopping = false;
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                LiveReader.Snapshot snapshot = live.read();
                progress.accept(new Progress(elapsed, planned.toMillis() / 1000.0, snapshot == null ? null : snapshot.requests(),
                        snapshot == null ? null : snapshot.failures(), snapshot == null ? null : snapshot.p95Ms()));
                if (!stopping && (stopRequested.get() || elapsed > limit.toSeconds())) {
                    timedOut = !stopRequested.get();
                    stopping = true;
                    stopGracefully(tool, log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            stopGracefully(tool, log);
        }
        return new Outcome(process.exitValue(), stopRequested.get(), timedOut, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Asks the running tool to stop; safe from a signal handler. */
    public void stop() {
        stopRequested.set(true);
    }

    private void stopGracefully(LoadTool tool, Path log) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        if (!tool.requestStop(log)) {
            running.destroy();
        }
        Thread killer = new Thread(() -> {
            try {
                if (!running.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    running.descendants().forEach(ProcessHandle::destroyForcibly);
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadsmith-stop");
        killer.setDaemon(true);
        killer.start();
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
