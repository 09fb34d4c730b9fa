package io.loadsmith.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.GeneratorHealth;
import io.loadsmith.tool.Distribution;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.testing.ShellTool;
import io.loadsmith.tool.ToolRunException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with shell scripts for tools: what reaches the process (arguments, folder,
 * environment), what comes back (exit codes, logs, CPU time, progress), and how a run ends (on
 * its own, asked to stop the tool's way or by SIGTERM, with processes the run does not wait for).
 */
class ToolRunnerTest {
    private static final List<String> SH = List.of("/bin/sh");
    private static final Duration PLANNED = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<ToolRunner.Progress> progress = new ArrayList<>();

    private ToolRunner.Outcome run(ShellTool tool, Map<String, String> environment) {
        return new ToolRunner().run(tool, ToolRunner.command(tool, SH, null), dir, environment, PLANNED, progress::add);
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Distribution.Member member(String name, String script, boolean awaited, String ready) {
        return new Distribution.Member(name, List.of("-c", script), Map.of("ROLE", name), awaited,
                ready == null ? null : Pattern.compile(ready));
    }

    private static Distribution distribution(Distribution.Member... members) {
        return new Distribution(List.of(members), List.of("out.txt"), List.of(members[members.length - 1].name()));
    }

    @Test
    void theCommandIsTheLauncherThenTheToolsArguments() {
        ShellTool tool = new ShellTool("exit 0");
        assertEquals(List.of("/bin/sh", "-c", "exit 0"), ToolRunner.command(tool, SH, null));
        assertEquals(List.of("/usr/bin/env", "sh", "-c", "exit 0", "shell", "http://127.0.0.1:9"),
                ToolRunner.command(tool, List.of("/usr/bin/env", "sh"), "http://127.0.0.1:9"));
    }

    @Test
    void theToolRunsInTheRunFolderWithTheEnvironmentAndItsConsoleInTheLog() throws Exception {
        ShellTool tool = new ShellTool("echo \"in $(pwd)\"; echo \"token=$TOKEN telemetry=$ARTILLERY_DISABLE_TELEMETRY "
                + "usage=$K6_NO_USAGE_REPORT\"; echo oops >&2; exit 3");
        ToolRunner.Outcome outcome = run(tool, Map.of("TOKEN", "s3cret"));

        assertEquals(3, outcome.exitCode());
        assertFalse(outcome.stopped());
        assertFalse(outcome.timedOut());
        assertEquals(1, outcome.processes().size());
        ToolRunner.ProcessOutcome process = outcome.processes().get(0);
        assertEquals("tool", process.name());
        assertEquals(dir.resolve("tool.log"), process.log());
        assertEquals(3, process.exitCode());
        assertTrue(process.cpuSeconds() >= 0);
        String console = log("tool.log");
        assertTrue(console.contains("in " + dir.toRealPath()), console);
        assertTrue(console.contains("token=s3cret telemetry=true usage=true"), "no tool phones home: " + console);
        assertTrue(console.contains("oops"), "standard error goes to the log too: " + console);
        assertEquals(List.of(dir.resolve("tool.log")), tool.liveConsoles);
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(15)) < 0, outcome.elapsed().toString());
    }

    @Test
    void progressComesAboutOnceASecondWithWhatTheToolHasDone() {
        ShellTool tool = new ShellTool("sleep 2.5", new LiveReader.Snapshot(10, 2, 12.5), false, console -> false);
        ToolRunner.Outcome outcome = run(tool, Map.of());

        assertEquals(0, outcome.exitCode());
        assertTrue(progress.size() >= 2 && progress.size() <= 4, progress.toString());
        double last = 0;
        for (ToolRunner.Progress p : progress) {
            assertEquals(30.0, p.plannedSeconds());
            assertEquals(10L, p.requests());
            assertEquals(2L, p.failures());
            assertEquals(12.5, p.p95Ms());
            assertTrue(p.elapsedSeconds() > last, progress.toString());
            last = p.elapsedSeconds();
        }
        assertTrue(last >= 2.0 && last < 6, progress.toString());
        assertTrue(outcome.elapsed().toMillis() >= 2500, outcome.elapsed().toString());
    }

    @Test
    void progressWithoutFiguresHasNone() {
        run(new ShellTool("sleep 1.2"), Map.of());
        assertFalse(progress.isEmpty());
        for (ToolRunner.Progress p : progress) {
            assertNull(p.requests());
            assertNull(p.failures());
            assertNull(p.p95Ms());
        }
    }

    @Test
    void aStopRequestEndsTheToolWithSigtermWhenItHasNoWayOfItsOwn() {
        ShellTool tool = new ShellTool("trap 'echo got TERM; exit 7' TERM; while true; do sleep 0.1; done");
        ToolRunner runner = new ToolRunner();
        ToolRunner.Outcome outcome = runner.run(tool, ToolRunner.command(tool, SH, null), dir, Map.of(), PLANNED, p -> {
            progress.add(p);
            runner.stop();
        });

        assertTrue(outcome.stopped());
        assertFalse(outcome.timedOut());
        assertEquals(7, outcome.exitCode());
        assertEquals(List.of(dir.resolve("tool.log")), tool.stopRequests);
        assertTrue(log("tool.log").contains("got TERM"));
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(10)) < 0, outcome.elapsed().toString());
    }

    @Test
    void aStopRequestUsesTheToolsOwnWayWhenItHasOne() {
        ShellTool tool = new ShellTool("while [ ! -f stop-now ]; do sleep 0.1; done; echo stopped its own way; exit 0", null,
                false, console -> {
                    try {
                        Files.writeString(console.resolveSibling("stop-now"), "");
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        ToolRunner runner = new ToolRunner();
        ToolRunner.Outcome outcome = runner.run(tool, ToolRunner.command(tool, SH, null), dir, Map.of(), PLANNED, p -> runner.stop());

        assertTrue(outcome.stopped());
        assertEquals(0, outcome.exitCode(), "not killed: it ended its own way");
        assertTrue(log("tool.log").contains("stopped its own way"));
    }

    @Test
    void aRunPastItsLimitIsStoppedAndSaysSo() {
        // The limit is twice the planned length plus two minutes: a planned length of minus one
        // minute puts it at zero, so the first look finds the run past it.
        ShellTool tool = new ShellTool("trap 'echo got TERM; exit 8' TERM; while true; do sleep 0.1; done");
        ToolRunner.Outcome outcome = new ToolRunner().run(tool, ToolRunner.command(tool, SH, null), dir, Map.of(),
                Duration.ofMinutes(-1), progress::add);
        assertTrue(outcome.timedOut());
        assertFalse(outcome.stopped(), "nobody asked it to stop");
        assertEquals(8, outcome.exitCode());
        assertEquals(List.of(dir.resolve("tool.log")), tool.stopRequests, "asked the tool's way first");
    }

    @Test
    void anInterruptedRunStopsItsProcesses() throws Exception {
        ShellTool tool = new ShellTool("echo $$ > tool.pid; while true; do sleep 0.1; done");
        ToolRunner runner = new ToolRunner();
        java.util.concurrent.atomic.AtomicReference<ToolRunner.Outcome> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread thread = new Thread(() -> {
            outcome.set(runner.run(tool, ToolRunner.command(tool, SH, null), dir, Map.of(), PLANNED, progress::add));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        thread.start();
        while (!Files.exists(dir.resolve("tool.pid"))) {
            Thread.sleep(50);
        }
        thread.interrupt();
        thread.join(10_000);
        assertFalse(thread.isAlive());
        assertTrue(outcome.get().stopped());
        assertTrue(stillInterrupted.get(), "the caller still sees the interrupt");
        long pid = Long.parseLong(Files.readString(dir.resolve("tool.pid")).strip());
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the tool was left running");
    }

    @Test
    void aToolThatIgnoresSigtermIsKilledAfterItsGrace() throws Exception {
        ShellTool tool = new ShellTool("trap '' TERM; echo $$ > tool.pid; while true; do sleep 0.1; done");
        ToolRunner runner = new ToolRunner();
        long start = System.nanoTime();
        ToolRunner.Outcome outcome = runner.run(tool, ToolRunner.command(tool, SH, null), dir, Map.of(), PLANNED, p -> runner.stop());
        long pid = Long.parseLong(Files.readString(dir.resolve("tool.pid")).strip());
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(40, java.util.concurrent.TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the tool was left running");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds > 19 && seconds < 40, "killed once its 20 seconds were over: " + seconds);
        assertTrue(outcome.stopped());
    }

    @Test
    void aToolThatCannotStartIsTheRunsError() {
        ShellTool tool = new ShellTool("exit 0");
        ToolRunException e = assertThrows(ToolRunException.class, () -> new ToolRunner().run(tool,
                List.of(dir.resolve("no-such-tool").toString()), dir, Map.of(), PLANNED, progress::add));
        assertTrue(e.getMessage().startsWith("cannot start " + dir.resolve("no-such-tool")), e.getMessage());
    }

    @Test
    void theProcessesOfADistributionStartInOrderAndTheOthersEndWhenTheAwaitedOnesAreDone() {
        ShellTool tool = new ShellTool("unused", new LiveReader.Snapshot(3, 1, 40.0), false, console -> false);
        Distribution distribution = distribution(
                member("server", "echo \"$ROLE listening\"; while [ ! -f done ]; do sleep 0.1; done; echo server saw done", false,
                        "listening"),
                member("controller", "grep -q listening tool-server.log && echo \"$ROLE found the server\"; sleep 1.2; "
                        + "touch done; exit 0", true, null));
        ToolRunner.Outcome outcome = new ToolRunner().run(tool, SH, distribution, dir, Map.of(), PLANNED, progress::add);

        assertEquals(0, outcome.exitCode());
        assertEquals(List.of("server", "controller"), outcome.processes().stream().map(ToolRunner.ProcessOutcome::name).toList());
        assertEquals(dir.resolve("tool-server.log"), outcome.processes().get(0).log());
        assertEquals(0, outcome.processes().get(0).exitCode());
        assertTrue(log("tool-server.log").contains("server listening"));
        assertTrue(log("tool-server.log").contains("server saw done"), "the server ended on its own");
        assertTrue(log("tool-controller.log").contains("controller found the server"), "started once the server was ready");
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(8)) < 0, "no wait for a server that ended: " + outcome.elapsed());
        // Both processes' figures: requests and failures added up, the highest p95.
        assertFalse(progress.isEmpty());
        assertEquals(6L, progress.get(0).requests());
        assertEquals(2L, progress.get(0).failures());
        assertEquals(40.0, progress.get(0).p95Ms());
    }

    @Test
    void theRunsExitCodeIsTheFirstFailureOfTheProcessesItWaitsFor() {
        ShellTool tool = new ShellTool("unused");
        ToolRunner.Outcome outcome = new ToolRunner().run(tool, SH, distribution(
                member("server", "exit 9", false, null),
                member("first", "sleep 0.3; exit 0", true, null),
                member("second", "exit 4", true, null),
                member("third", "sleep 0.2; exit 5", true, null)), dir, Map.of(), PLANNED, progress::add);
        assertEquals(4, outcome.exitCode(), "the server's 9 does not count; the second's 4 comes before the third's 5");
        assertEquals(List.of(9, 0, 4, 5), outcome.processes().stream().map(ToolRunner.ProcessOutcome::exitCode).toList());
    }

    @Test
    void aProcessThatOutlivesTheTestGetsSigtermAfterItsGrace() {
        ShellTool tool = new ShellTool("unused");
        ToolRunner.Outcome outcome = new ToolRunner().run(tool, SH, distribution(
                member("server", "trap 'echo got TERM; exit 6' TERM; echo listening; while true; do sleep 0.1; done", false,
                        "listening"),
                member("controller", "exit 0", true, null)), dir, Map.of(), PLANNED, progress::add);
        assertEquals(0, outcome.exitCode());
        assertEquals(6, outcome.processes().get(0).exitCode());
        assertTrue(log("tool-server.log").contains("got TERM"));
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(7)) > 0, "it had its 8 seconds first: " + outcome.elapsed());
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsTheRun() {
        ShellTool tool = new ShellTool("unused");
        ToolRunException e = assertThrows(ToolRunException.class, () -> new ToolRunner().run(tool, SH, distribution(
                member("server", "echo starting; exit 1", false, "listening"),
                member("controller", "exit 0", true, null)), dir, Map.of(), PLANNED, progress::add));
        assertEquals("server exited with 1 before it was ready; see " + dir.resolve("tool-server.log"), e.getMessage());
    }

    @Test
    void whenALaterProcessCannotStartTheEarlierOnesAreKilled() throws Exception {
        ShellTool tool = new ShellTool("unused");
        Distribution.Member server = new Distribution.Member("server", List.of("/bin/sh", "-c",
                "echo $$ > server.pid; echo listening; while true; do sleep 0.1; done"), Map.of(), false, Pattern.compile("listening"));
        Distribution.Member controller = new Distribution.Member("controller", List.of(dir.resolve("missing").toString()), Map.of(),
                true, null);
        assertThrows(ToolRunException.class, () -> new ToolRunner().run(tool, List.of(),
                new Distribution(List.of(server, controller), List.of("out.txt"), List.of("controller")), dir, Map.of(), PLANNED,
                progress::add));
        long pid = Long.parseLong(Files.readString(dir.resolve("server.pid")).strip());
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server was left running");
    }

    @Test
    void theGeneratorsCpuIsMeasuredOverTheProcessTree() {
        // The work is done by a child of the shell: the tree's CPU time counts, not the shell's alone.
        // The child works for 2.5 s (asking date the time, so on any machine, busy or not), and
        // exits just before the shell: its last work is read from the shell's.
        ShellTool tool = new ShellTool("sh -c 'end=$(($(date +%s%N) + 2500000000)); while [ $(date +%s%N) -lt $end ]; do :; done'; exit 0",
                null, true, console -> false);
        ToolRunner.Outcome outcome = run(tool, Map.of());

        double cpu = outcome.processes().get(0).cpuSeconds();
        double elapsed = outcome.elapsed().toNanos() / 1e9;
        assertTrue(cpu > 0.5 && cpu <= elapsed + 0.1, "the busy child's CPU time: " + cpu + " s in " + elapsed + " s");
        GeneratorHealth health = outcome.generator();
        assertNotNull(health);
        assertEquals(Proc.allowedCores(ProcessHandle.current().pid()), health.cores());
        assertEquals(1.0, health.capacity(), "one process of a one-core-per-process tool uses one core at most");
        assertTrue(health.samples().size() >= 1, health.toString());
        assertTrue(health.samples().stream().anyMatch(s -> s.cpuCores() > 0.2), health.toString());
        double last = 0;
        for (GeneratorHealth.Sample sample : health.samples()) {
            assertTrue(sample.offsetSeconds() > last && sample.offsetSeconds() <= elapsed, health.toString());
            last = sample.offsetSeconds();
            assertTrue(sample.cpuCores() <= 1.5, health.toString());
            assertTrue(sample.rssBytes() > 0, health.toString());
            assertNotNull(sample.machineCpu());
            assertTrue(sample.machineCpu() > 0 && sample.machineCpu() <= 1, health.toString());
        }
    }

    @Test
    void theCpuOfTheToolsOwnProcessCounts() {
        // The shell itself does the work (about 4 s of CPU on an idle core of this project's
        // machines, 2 s on a faster one), no child.
        ToolRunner.Outcome outcome = run(new ShellTool("i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done; exit 0"), Map.of());
        double cpu = outcome.processes().get(0).cpuSeconds();
        assertTrue(cpu > 0.5, "the shell's own CPU time: " + cpu + " s");
    }

    @Test
    void theMemoryOfTheToolsChildrenCountsOnce() {
        // The shell holds little; its child holds 200 MiB it has written, for 3 s.
        ShellTool tool = new ShellTool("python3 -c 'import time; b = bytes(1) * (200 * 1024 * 1024); time.sleep(3)'; exit 0", null, true,
                console -> false);
        ToolRunner.Outcome outcome = run(tool, Map.of());
        long most = outcome.generator().samples().stream().mapToLong(GeneratorHealth.Sample::rssBytes).max().orElse(0);
        assertTrue(most > 200L << 20 && most < 300L << 20, "the tree's memory at its most: " + (most >> 20) + " MiB");
    }

    @Test
    void aProcessThatWorksLessThanASecondHasItsCpuCounted() {
        // Read once a second, a process that ends sooner is never read: its CPU time is known once
        // it has exited.
        ToolRunner.Outcome outcome = run(new ShellTool("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; exit 0"), Map.of());
        double cpu = outcome.processes().get(0).cpuSeconds();
        double elapsed = outcome.elapsed().toNanos() / 1e9;
        assertTrue(cpu > 0.05 && cpu <= elapsed + 0.01, "the shell's CPU time: " + cpu + " s in " + elapsed + " s");
    }

    @Test
    void aProcessThatWorksOnAfterTheTestAndIgnoresSigtermIsMeasuredThenKilled() throws Exception {
        // The server starts working once the controller is done, keeps going, and ignores SIGTERM:
        // its CPU time still counts, it gets SIGTERM after 8 s and is killed 8 s later.
        ShellTool tool = new ShellTool("unused");
        ToolRunner.Outcome outcome = new ToolRunner().run(tool, SH, distribution(
                member("server", "trap 'echo got TERM' TERM; echo $$ > server.pid; echo listening; "
                        + "while [ ! -f done ]; do sleep 0.1; done; i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; "
                        + "echo worked; while true; do sleep 0.1; done", false, "listening"),
                member("controller", "touch done; exit 0", true, null)), dir, Map.of(), PLANNED, progress::add);
        assertEquals(0, outcome.exitCode());
        ToolRunner.ProcessOutcome server = outcome.processes().get(0);
        assertEquals(137, server.exitCode(), "killed (128 + SIGKILL)");
        assertTrue(server.cpuSeconds() > 0.5, "its work after the test: " + server.cpuSeconds() + " s");
        assertTrue(log("tool-server.log").contains("got TERM"));
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(15)) > 0, "8 s, then 8 s more: " + outcome.elapsed());
        long pid = Long.parseLong(Files.readString(dir.resolve("server.pid")).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server was left running");
    }

    @Test
    void aToolThatUsesEveryCoreHasTheMachinesCapacity() {
        ToolRunner.Outcome outcome = run(new ShellTool("sleep 1.3"), Map.of());
        assertEquals(outcome.generator().cores(), outcome.generator().capacity());
    }

    @Test
    void aProgressLineSaysTheTimeAndWhatTheToolDidSinceTheLastOne() {
        assertEquals("[  12s / 30s] 1234 requests, 117.0/s, 5 failed, p95 12.3 ms",
                ToolRunner.describe(new ToolRunner.Progress(12.2, 30, 1234L, 5L, 12.34), 64, 2.2));
        assertEquals("[   3s / 60s]", ToolRunner.describe(new ToolRunner.Progress(3.4, 60, null, null, null), 0, 0));
        assertEquals("[   3s / 60s] 10 requests, 0.0/s, 0 failed",
                ToolRunner.describe(new ToolRunner.Progress(3.4, 60, 10L, 0L, null), 20, 2.4),
                "fewer requests than before (a restarted reader) is no negative rate");
        assertEquals("[   3s / 60s] 10 requests, 0.0/s, 0 failed",
                ToolRunner.describe(new ToolRunner.Progress(3.4, 60, 10L, 0L, null), 0, 3.4), "no time since the last line");
    }
}
