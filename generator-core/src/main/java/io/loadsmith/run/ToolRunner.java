package io.loadsmith.run;

import io.loadsmith.render.Tool;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one tool in a run folder: an argument list (never a shell string), its console output in
 * {@code tool.log}, a progress snapshot every second, and a clean stop when asked (Ctrl+C) or when
 * the planned time plus a grace period is over: JMeter gets its own "StopTestNow" message, the
 * others SIGTERM (Locust and k6 then write their results), and whatever is left of the process
 * tree is killed after 20 seconds.
 */
public final class ToolRunner {
    private static final Pattern JMETER_PORT = Pattern.compile("StopTestNow/HeapDump/ThreadDump message on port (\\d+)");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** How a run ended. */
    public record Outcome(int exitCode, boolean stopped, boolean timedOut, Duration elapsed) {}

    /** Progress for the console: elapsed and planned seconds, and what the tool's files say so far. */
    public record Progress(double elapsedSeconds, double plannedSeconds, Long requests, Long failures, Double p95Ms) {}

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Process process;

    /** The command line of a tool run, from its launcher (e.g. [java, -jar, .../ApacheJMeter.jar] or [/usr/bin/locust]). */
    public static List<String> command(Tool tool, List<String> launcher, String baseUrl) {
        List<String> command = new ArrayList<>(launcher);
        switch (tool) {
            // k6's REST API on a port of its own serves the live figures (LiveStats); its own summary goes to summary.json.
            case K6 -> command.addAll(List.of("run", "--no-usage-report", "--out", "json=samples.ndjson.gz", "--summary-export",
                    "summary.json", "--address", "127.0.0.1:" + freePort(), "k6/script.js"));
            case LOCUST -> command.addAll(List.of("--config", "locust/locust.conf", "-f", "locust/locustfile.py", "--headless",
                    "--only-summary", "--csv", "stats", "--csv-full-history"));
            case ARTILLERY -> {
                command.addAll(List.of("run", "--output", "report.json"));
                if (baseUrl != null) {
                    command.addAll(List.of("--target", baseUrl));
                }
                command.add("artillery/scenario.yml");
            }
            case JMETER -> command.addAll(List.of("-n", "-t", "jmeter/plan.jmx", "-l", "results.jtl", "-j", "jmeter.log",
                    // An Open Model Thread Group leaves an idle pool thread that would hold the JVM for a minute.
                    "-Jjmeterengine.force.system.exit=true"));
        }
        return command;
    }

    /** A TCP port on the loopback interface that nothing listens on now. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ToolRunException("cannot find a free port for k6's REST API: " + e.getMessage(), e);
        }
    }

    /** The raw output the parsers read, relative to the run folder. */
    public static String resultFile(Tool tool) {
        return switch (tool) {
            case K6 -> "samples.ndjson.gz";
            case LOCUST -> "stats_stats.csv";
            case ARTILLERY -> "report.json";
            case JMETER -> "results.jtl";
        };
    }

    /**
     * Runs the tool and waits for it.
     *
     * @param planned  the test's planned length; the run is stopped at twice that plus two minutes
     * @param progress called about once a second
     */
    public Outcome run(Tool tool, List<String> command, Path dir, Map<String, String> environment, Duration planned,
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
        LiveStats live = new LiveStats(tool, dir, command);
        Duration limit = planned.multipliedBy(2).plus(Duration.ofMinutes(2));
        boolean timedOut = false;
        boolean stopping = false;
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                LiveStats.Snapshot snapshot = live.read();
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

    private void stopGracefully(Tool tool, Path log) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        boolean asked = false;
        if (tool == Tool.JMETER) {
            asked = jmeterStopTestNow(log);
        }
        if (!asked) {
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

    /** JMeter's own way to stop a non-GUI test: a UDP message to the port it announced. */
    private static boolean jmeterStopTestNow(Path log) {
        try {
            Matcher port = JMETER_PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (!port.find()) {
                return false;
            }
            byte[] message = "StopTestNow".getBytes(StandardCharsets.US_ASCII);
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(),
                        Integer.parseInt(port.group(1))));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
