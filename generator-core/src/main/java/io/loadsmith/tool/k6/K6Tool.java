package io.loadsmith.tool.k6;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.Distribution;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import io.loadsmith.tool.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Grafana k6: JavaScript scripts, run by the k6 binary. */
public final class K6Tool extends NamedTool {
    private static final Pattern VERSION = Pattern.compile("k6 v(\\S+)");
    /** k6's exit code when a threshold of the script was crossed. */
    private static final int THRESHOLDS_CROSSED = 99;

    private final Renderer renderer = new K6Renderer();
    private final List<ResultParser> parsers = List.of(new K6SummaryParser(this), new K6NdjsonParser(this), new K6CsvParser(this));

    @Override
    public String id() {
        return "k6";
    }

    @Override
    public String displayName() {
        return "k6";
    }

    @Override
    public String scriptPath() {
        return K6Renderer.SCRIPT;
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
        return List.of("samples.ndjson.gz", "samples.ndjson", "samples.csv", "summary.json");
    }

    @Override
    public String installHint() {
        return "k6 is not installed: see https://grafana.com/docs/k6/latest/set-up/install-k6/ "
                + "(or run tools/install-k6.sh, pass --tool-path, or set LOADSMITH_K6_PATH)";
    }

    @Override
    public List<String> versionArguments() {
        return List.of("version");
    }

    @Override
    public Pattern versionPattern() {
        return VERSION;
    }

    /** Every sample as gzipped JSON, k6's own summary as summary.json, and its REST API on a free port for the progress line. */
    @Override
    public List<String> runArguments(RunSettings settings) {
        return List.of("run", "--no-usage-report", "--out", "json=" + runOutput(), "--summary-export", "summary.json",
                "--address", "127.0.0.1:" + Ports.freeLoopbackPort("k6's REST API"), scriptPath());
    }

    @Override
    public String runOutput() {
        return "samples.ndjson.gz";
    }

    /**
     * N {@code k6 run} processes, each running its execution segment of one sequence (k6's own way
     * to split a test exactly: VUs, iterations and arrival rates divided, remainders placed by k6),
     * each writing its samples to {@code samples-<i>.ndjson.gz} and serving its REST API on a port of its own.
     */
    @Override
    public Optional<Distribution> distribute(RunSettings settings, int workers, TestPlan plan) {
        List<String> bounds = K6Deployment.segmentBounds(workers);
        List<Distribution.Member> members = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            String name = "k6-" + i;
            String output = "samples-" + i + ".ndjson.gz";
            members.add(new Distribution.Member(name, List.of("run", "--no-usage-report", "--out", "json=" + output,
                    "--summary-export", "summary-" + i + ".json", "--address", "127.0.0.1:" + Ports.freeLoopbackPort("k6's REST API"),
                    "--execution-segment", bounds.get(i - 1) + ":" + bounds.get(i),
                    "--execution-segment-sequence", String.join(",", bounds), scriptPath()), Map.of(), true, null));
            outputs.add(output);
            names.add(name);
        }
        return Optional.of(new Distribution(members, outputs, names));
    }

    /** A k6-operator TestRun with {@code parallelism} runners, or Compose services with their segments. */
    @Override
    public RenderResult deployment(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        return K6Deployment.render(target, workers, plan, scripts, sourceName);
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        int address = command.indexOf("--address");
        return new K6LiveReader(address >= 0 && address + 1 < command.size() ? command.get(address + 1) : null);
    }

    /** k6 exits 99 when a threshold of the script was crossed: its own verdict, beside Loadsmith's. */
    @Override
    public RunResult afterRun(RunResult result, int exitCode, TestPlan plan) {
        return plan.thresholds().isEmpty() ? result : result.withToolVerdict(exitCode != THRESHOLDS_CROSSED);
    }
}
