package io.loadsmith.tool.gatling;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Gatling: a Java DSL simulation in a Maven project, run by the {@code gatling} launcher that
 * Loadsmith lays out (or {@code tools/install-gatling.sh} installs), which compiles it with javac.
 */
public final class GatlingTool extends NamedTool {
    private static final Pattern VERSION = Pattern.compile("Gatling (\\S+)");
    /** Gatling's exit code when an assertion of the simulation failed. */
    private static final int ASSERTIONS_FAILED = 2;
    private static final String OUTPUT = "results/*/simulation.log";

    private final Renderer renderer = new GatlingRenderer();
    private final List<ResultParser> parsers = List.of(new GatlingBinaryLogParser(this), new GatlingTextLogParser(this));

    @Override
    public String id() {
        return "gatling";
    }

    @Override
    public String displayName() {
        return "Gatling";
    }

    @Override
    public String scriptPath() {
        return GatlingRenderer.SCRIPT;
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
        return List.of(OUTPUT, "simulation.log");
    }

    @Override
    public String installHint() {
        return "Gatling is not installed: run tools/install-gatling.sh, or `mvn gatling:test` in the gatling folder of the "
                + "generated scripts (or pass --tool-path, or set LOADSMITH_GATLING_PATH, to a launcher like tools/install-gatling.sh's)";
    }

    @Override
    public Optional<List<String>> provision(Path tools, Map<String, String> environment, Consumer<String> progress) {
        return Optional.of(new GatlingInstall(tools, environment).command(progress));
    }

    @Override
    public List<String> versionArguments() {
        return List.of("--version");
    }

    @Override
    public Pattern versionPattern() {
        return VERSION;
    }

    /** The simulation's sources and resources as the launcher takes them; results (and Gatling's HTML report) in results/. */
    @Override
    public List<String> runArguments(RunSettings settings) {
        return List.of("-s", GatlingRenderer.SIMULATION, "-rf", "results", GatlingRenderer.SOURCES, GatlingRenderer.RESOURCES);
    }

    @Override
    public String runOutput() {
        return OUTPUT;
    }

    /** Gatling's own distributed mode is Gatling Enterprise: there is no manifest to write. */
    @Override
    public RenderResult deployment(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        throw new RenderException("Gatling's distributed runs are a Gatling Enterprise feature; Loadsmith writes no "
                + target.id() + " manifest for it");
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        return new GatlingLiveReader(console);
    }

    /** Gatling exits 2 when an assertion failed: its own verdict, beside Loadsmith's. */
    @Override
    public RunResult afterRun(RunResult result, int exitCode, TestPlan plan) {
        return plan.thresholds().isEmpty() ? result : result.withToolVerdict(exitCode != ASSERTIONS_FAILED);
    }
}
