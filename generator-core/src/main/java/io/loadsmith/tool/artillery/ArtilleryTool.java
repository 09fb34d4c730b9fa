package io.loadsmith.tool.artillery;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.Auth;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.Distribution;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Artillery: a YAML scenario and its processor.js, run by Artillery 2 on Node. */
public final class ArtilleryTool extends NamedTool {
    private static final Pattern VERSION = Pattern.compile("Artillery: (\\S+)");

    private final Renderer renderer = new ArtilleryRenderer();
    private final List<ResultParser> parsers = List.of(new ArtilleryJsonParser(this));

    @Override
    public String id() {
        return "artillery";
    }

    @Override
    public String displayName() {
        return "Artillery";
    }

    @Override
    public String scriptPath() {
        return ArtilleryRenderer.SCRIPT;
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
        return List.of("report.json", "results.json");
    }

    @Override
    public String installHint() {
        return "artillery is not installed: npm install -g artillery (Node 22) "
                + "(or pass --tool-path, or set LOADSMITH_ARTILLERY_PATH)";
    }

    @Override
    public List<String> versionArguments() {
        return List.of("--version");
    }

    @Override
    public Pattern versionPattern() {
        return VERSION;
    }

    /** Artillery's own way to retarget a script is --target: its YAML cannot read BASE_URL. */
    @Override
    public List<String> runArguments(RunSettings settings) {
        List<String> arguments = new ArrayList<>(List.of("run", "--output", runOutput()));
        if (settings.baseUrl() != null) {
            arguments.addAll(List.of("--target", settings.baseUrl()));
        }
        arguments.add(scriptPath());
        return arguments;
    }

    /**
     * N {@code artillery run} processes, each with its share of the plan's phases given by
     * {@code --overrides} and its own report. (Artillery's own distributed mode, {@code run-fargate}
     * and {@code run-lambda}, runs in AWS, not here.)
     */
    @Override
    public Optional<Distribution> distribute(RunSettings settings, int workers, TestPlan plan) {
        if (plan.workload() instanceof Workload.ClosedWorkload closed && closed.peakUsers() < workers) {
            throw new IllegalArgumentException("--workers " + workers + " needs at least as many users (the plan has "
                    + closed.peakUsers() + ")");
        }
        List<Distribution.Member> members = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            String output = "report-" + i + ".json";
            List<String> arguments = new ArrayList<>(List.of("run", "--output", output, "--overrides",
                    ArtilleryViewBuilder.phasesOverride(plan, workers, i - 1)));
            if (settings.baseUrl() != null) {
                arguments.addAll(List.of("--target", settings.baseUrl()));
            }
            arguments.add(scriptPath());
            members.add(new Distribution.Member("artillery-" + i, arguments, Map.of(), true, null));
            outputs.add(output);
            names.add("artillery-" + i);
        }
        return Optional.of(new Distribution(members, outputs, names));
    }

    /** One event loop per process: a process uses one core at most. */
    @Override
    public boolean oneCorePerProcess() {
        return true;
    }

    @Override
    public String runOutput() {
        return "report.json";
    }

    /** Artillery's own distributed mode runs in AWS (Fargate, Lambda): there is no manifest to write. */
    @Override
    public RenderResult deployment(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        throw new RenderException("Artillery distributes itself on AWS only: artillery run-fargate --count " + workers
                + " " + scriptPath() + " (or run-lambda); Loadsmith writes no " + target.id() + " manifest for it");
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        return new ArtilleryLiveReader(console);
    }

    @Override
    public RunResult afterRun(RunResult result, int exitCode, TestPlan plan) {
        return plan.auth() instanceof Auth.OAuth2ClientCredentials
                ? result.withWarning("Artillery leaves its before flow out of the report: the OAuth 2.0 token request is not counted")
                : result;
    }
}
