package io.loadsmith.testing;

import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A tool whose "load test" is a shell script: what the runner and the locator see of a real tool
 * (a command, its console, a live reader, its own way to stop), without one. Its run arguments
 * are {@code -c SCRIPT}; the launcher is {@code /bin/sh}.
 */
public final class ShellTool extends NamedTool {
    private final String script;
    private final LiveReader.Snapshot snapshot;
    private final boolean oneCorePerProcess;
    /** Its own way to stop, given the console; false leaves the process to SIGTERM. */
    private final Predicate<Path> stop;
    public final List<Path> liveConsoles = new ArrayList<>();
    public final List<Path> stopRequests = new ArrayList<>();

    public ShellTool(String script, LiveReader.Snapshot snapshot, boolean oneCorePerProcess, Predicate<Path> stop) {
        this.script = script;
        this.snapshot = snapshot;
        this.oneCorePerProcess = oneCorePerProcess;
        this.stop = stop;
    }

    public ShellTool(String script) {
        this(script, null, false, console -> false);
    }

    @Override
    public String id() {
        return "shell";
    }

    @Override
    public String displayName() {
        return "Shell";
    }

    @Override
    public String executable() {
        return "shell-tool";
    }

    @Override
    public String scriptPath() {
        return "shell/test.sh";
    }

    @Override
    public Renderer renderer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ResultParser> resultParsers() {
        return List.of();
    }

    @Override
    public List<String> resultFiles() {
        return List.of();
    }

    @Override
    public String installHint() {
        return "nothing to install";
    }

    @Override
    public List<String> versionArguments() {
        return List.of("--version");
    }

    @Override
    public Pattern versionPattern() {
        return Pattern.compile("shell-tool v(\\S+)");
    }

    @Override
    public List<String> runArguments(RunSettings settings) {
        return settings.baseUrl() == null ? List.of("-c", script) : List.of("-c", script, "shell", settings.baseUrl());
    }

    @Override
    public boolean oneCorePerProcess() {
        return oneCorePerProcess;
    }

    @Override
    public String runOutput() {
        return "out.txt";
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        liveConsoles.add(console);
        return () -> snapshot;
    }

    @Override
    public boolean requestStop(Path console) {
        stopRequests.add(console);
        return stop.test(console);
    }
}
