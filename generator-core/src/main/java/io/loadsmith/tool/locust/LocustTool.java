package io.loadsmith.tool.locust;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
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

    /** One event loop per process: a process uses one core at most. */
    @Override
    public boolean oneCorePerProcess() {
        return true;
    }

    @Override
    public String runOutput() {
        return "stats_stats.csv";
    }

    /**
     * Locust's own distribution: one master (the run's settings, its CSV statistics, waiting for
     * every worker with {@code --expect-workers}, a minute at most) on a free loopback port, and N workers that
     * connect to it. The master divides the users among the workers and gathers their statistics,
     * so its CSV is the run's result.
     */
    @Override
    public Optional<Distribution> distribute(RunSettings settings, int workers, TestPlan plan) {
        int port = Ports.freeLoopbackPort("Locust's master");
        List<String> master = new ArrayList<>(runArguments(settings));
        master.addAll(List.of("--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", Integer.toString(port),
                "--expect-workers", Integer.toString(workers), "--expect-workers-max-wait", "60"));
        List<Distribution.Member> members = new ArrayList<>();
        members.add(new Distribution.Member("master", master, Map.of(), true, null));
        for (int i = 1; i <= workers; i++) {
            members.add(new Distribution.Member("worker-" + i, List.of("-f", scriptPath(), "--worker", "--master-host", "127.0.0.1",
                    "--master-port", Integer.toString(port)), Map.of(), false, null));
        }
        return Optional.of(new Distribution(members, List.of(runOutput()), List.of("master")));
    }

    /** A master and its workers: a Job, a Service and a Deployment, or two Compose services. */
    @Override
    public RenderResult deployment(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        return LocustDeployment.render(target, workers, plan, scripts, sourceName);
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        return new LocustLiveReader(runFolder.resolve("stats_stats_history.csv"));
    }
}
