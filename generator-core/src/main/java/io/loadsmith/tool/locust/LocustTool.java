package io.loadsmith.tool.locust;

import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Locust: a Python locustfile (and its locust.conf), run headless. */
public final class LocustTool extends NamedTool {
    private static final Pattern VERSION = Pattern.compile("locust (\\S+)");

    private final Renderer renderer = new LocustRenderer();
    private final List<ResultParser> parsers = List.of(new LocustJsonParser(this), new LocustCsvParser(this));

    @Override
    public String id() {
        return "locust";
    }

    @Override
    public String displayName() {
        return "Locust";
    }

    @Override
    public String scriptPath() {
        return LocustRenderer.SCRIPT;
    }

    @Override
    public Renderer renderer() {
        return renderer;
    }

    @Override
    public List<ResultParser> resultParsers() {
        return parsers;
    }

    @Override
    public List<String> resultFiles() {
        return List.of("stats_stats.csv", "locust_stats.csv");
    }

    @Override
    public String installHint() {
        return "locust is not installed: pip install locust, or apt install python3-locust "
                + "(or pass --tool-path, or set LOADSMITH_LOCUST_PATH)";
    }

    @Override
    public List<String> versionArguments() {
        return List.of("--version");
    }

    @Override
    public Pattern versionPattern() {
        return VERSION;
    }

    /** The settings file beside the locustfile holds the workload; the CSV family with its full history is the output. */
    @Override
    public List<String> runArguments(RunSettings settings) {
        return List.of("--config", LocustRenderer.SETTINGS, "-f", scriptPath(), "--headless", "--only-summary", "--csv", "stats",
                "--csv-full-history");
    }

    @Override
    public String runOutput() {
        return "stats_stats.csv";
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        return new LocustLiveReader(runFolder.resolve("stats_stats_history.csv"));
    }
}
