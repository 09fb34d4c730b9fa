package io.loadsmith.tool.artillery;

import io.loadsmith.model.Auth;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public String runOutput() {
        return "report.json";
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
