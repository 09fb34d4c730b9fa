package io.loadsmith.cli;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.Distribution;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.RunFiles;
import io.loadsmith.result.ResultJson;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.RunResults;
import io.loadsmith.result.Summary;
import io.loadsmith.result.Thresholds;
import io.loadsmith.run.ToolLocator;
import io.loadsmith.tool.ToolRunException;
import io.loadsmith.run.ToolRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loadsmith run}: generate, run the tool, read its results into result.json, judge the thresholds. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a tool's script, run the tool, and judge its results.", "",
                "Everything goes into a fresh run folder, RESULTS/<timestamp>-<tool>/: the scripts, the tool's raw "
                        + "outputs and console log (tool.log), and result.json. The tool is found with --tool-path, "
                        + "LOADSMITH_<TOOL>_PATH, the PATH or $LOADSMITH_TOOLS; a tool that can be fetched (JMeter from "
                        + "Maven Central) is fetched there once. Ctrl+C stops the tool cleanly and still reports what was "
                        + "measured."})
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Spec
    CommandSpec spec;

    @Mixin
    InputMixin input;

    @Option(names = {"-t", "--tool"}, paramLabel = "TOOL", required = true,
            completionCandidates = ToolNames.class, description = "One of ${COMPLETION-CANDIDATES}.")
    String tool;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "loadsmith-results",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--tool-path", paramLabel = "PATH", description = "The tool's executable, when it is not on the PATH.")
    Path toolPath;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A folder of template overrides: DIR/<tool>/<name>.mustache replaces the bundled template.")
    Path templates;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = {"Run on N local processes, the tool's own way: k6 execution segments, a Locust master and N "
                    + "workers, N JMeter servers and a controller. The plan's workload is split exactly; the outputs are "
                    + "merged into one result (default: ${DEFAULT-VALUE})."})
    int workers;

    @Mixin
    ResultOutputs outputs;

    @Mixin
    PlanMixin plan;

    @Override
    public Integer call() {
        List<LoadTool> chosen = GenerateCommand.tools(tool);
        if (chosen.size() != 1) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--tool: run takes one tool");
        }
        if (workers < 1 || workers > 64) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--workers: " + workers + " is not between 1 and 64");
        }
        // The tool first: a missing one is said before any script is written or warned about.
        List<String> launcher = launcher(chosen.get(0), toolPath, System.getenv(), spec.commandLine().getErr());
        RunResult baseline = outputs.readBaseline();
        Generation generation = Loadsmith.generate(input.input, input.importOptions(), plan.planOptions(), chosen,
                new RenderOptions(templates, null));
        Warnings.print(generation.diagnostics(), spec.commandLine().getErr(), input.verbose, null);
        return execute(spec, chosen.get(0), launcher, generation, results, plan.planOptions().baseUrl(), Map.of(), outputs, baseline,
                workers);
    }

    /** Runs generated scripts with the tool that {@link #launcher} found; shared with {@code loadsmith demo}. */
    static int execute(CommandSpec spec, LoadTool tool, List<String> launcher, Generation generation, Path results, String baseUrl,
                       Map<String, String> extraEnvironment, ResultOutputs outputs, RunResult baseline, int workers) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(extraEnvironment);
        TestPlan testPlan = generation.plan();
        List<String> missing = testPlan.variables().stream().filter(Variable::required)
                .filter(v -> environment.getOrDefault(v.env(), "").isEmpty()).map(Variable::env).toList();
        if (!missing.isEmpty()) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "set " + String.join(", ", missing)
                    + " in the environment before running (the scripts read secrets from there; see .env.example)");
        }
        if (baseUrl != null) {
            environment.put("BASE_URL", baseUrl);
        }
        Optional<Distribution> distribution = workers == 1 ? Optional.empty()
                : tool.distribute(new LoadTool.RunSettings(environment.get("BASE_URL")), workers, testPlan);
        if (workers > 1 && distribution.isEmpty()) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--workers: Loadsmith cannot yet split a run of "
                    + tool.displayName() + " over several processes");
        }
        Path dir = runFolder(results, tool);
        Loadsmith.write(dir, generation.files());
        // Asked while the test runs: most result files do not say which version wrote them.
        Map<String, String> probeEnvironment = Map.copyOf(environment);
        CompletableFuture<String> version = CompletableFuture.supplyAsync(() -> ToolLocator.version(tool, launcher, probeEnvironment,
                dir));
        List<String> prefix = new ArrayList<>(launcher);
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Its own session: Ctrl+C reaches Loadsmith only, which then stops the tool the tool's own way.
            prefix.add(0, "/usr/bin/setsid");
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(tool.runArguments(new LoadTool.RunSettings(environment.get("BASE_URL"))));
        out.println("running " + tool.id() + (workers > 1 ? " on " + workers + " processes" : "") + " in " + dir + " ("
                + testPlan.workload().duration().toSeconds() + " s planned)");
        out.flush();

        ToolRunner runner = new ToolRunner();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.stop();
            try {
                reported.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadsmith-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            boolean terminal = System.console() != null;
            long[] last = {0};
            double[] lastSeconds = {0};
            double[] printed = {0};
            Consumer<ToolRunner.Progress> show = progress -> {
                String line = ToolRunner.describe(progress, last[0], lastSeconds[0]);
                if (terminal) {
                    out.print("\r" + line + "   ");
                    out.flush();
                } else if (progress.elapsedSeconds() - printed[0] >= 10) {
                    out.println(line);
                    out.flush();
                    printed[0] = progress.elapsedSeconds();
                }
                if (progress.requests() != null) {
                    last[0] = progress.requests();
                    lastSeconds[0] = progress.elapsedSeconds();
                }
            };
            ToolRunner.Outcome outcome = distribution.isPresent()
                    ? runner.run(tool, prefix, distribution.get(), dir, environment, testPlan.workload().duration(), show)
                    : runner.run(tool, command, dir, environment, testPlan.workload().duration(), show);
            String logs = dir.resolve(distribution.isPresent() ? "tool-*.log" : "tool.log").toString();
            if (terminal) {
                out.println();
            }
            if (outcome.stopped()) {
                err.println("loadsmith: stopped; reporting what was measured");
            } else if (outcome.timedOut()) {
                err.println("loadsmith: " + tool.id() + " ran far past its planned time and was stopped");
            }
            RunResult result = distribution.isPresent() ? merged(tool, dir, distribution.get(), outcome, testPlan, logs)
                    : ResultParsers.parse(output(tool, dir, tool.runOutput(), outcome, logs), tool,
                            Thresholds.extraPercentiles(testPlan.thresholds()));
            result = tool.afterRun(result, outcome.exitCode(), testPlan).withGenerator(outcome.generator());
            if (result.toolVersion() == null) {
                result = result.withToolVersion(version.completeOnTimeout(null, 30, TimeUnit.SECONDS).join());
            }
            result = Thresholds.judge(result, testPlan.thresholds());
            ReportCommand.write(dir.resolve("result.json"), ResultJson.write(result));
            out.print(Summary.text(result, dir.toString()));
            int code = (outputs == null ? new ResultOutputs() : outputs).finish(result, baseline, dir.toString(),
                    testPlan.workload().description(), dir, out);
            out.println("result: " + dir.resolve("result.json"));
            out.println("report: " + dir.resolve("report.html"));
            out.flush();
            if (outcome.exitCode() != 0 && result.total().requests() == 0) {
                throw new ExitCodes.UserException(ExitCodes.TOOL_FAILED, tool.id() + " exited with " + outcome.exitCode()
                        + " and made no requests; see " + logs);
            }
            return code;
        } finally {
            // Whatever the tool left running (a worker that outlived its master) goes with the run.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl+C): the hook is running and now returns
            }
        }
    }

    /** A raw output the run left, or a failure that says where to look. */
    private static Path output(LoadTool tool, Path dir, String name, ToolRunner.Outcome outcome, String logs) {
        return RunFiles.find(dir, name).orElseThrow(() -> new ExitCodes.UserException(ExitCodes.TOOL_FAILED, tool.id()
                + " exited with " + outcome.exitCode() + " and wrote no results (" + name + "); see " + logs));
    }

    /** The outputs of a distributed run as one result, with each process's counts (where it has its own) and CPU time. */
    private static RunResult merged(LoadTool tool, Path dir, Distribution distribution, ToolRunner.Outcome outcome, TestPlan plan,
                                    String logs) {
        Set<Double> extra = Thresholds.extraPercentiles(plan.thresholds());
        List<RunResult> parts = new ArrayList<>();
        for (String name : distribution.outputs()) {
            parts.add(ResultParsers.parse(output(tool, dir, name, outcome, logs), tool, extra));
        }
        RunResult result = RunResults.merge(parts, distribution.outputNames(), extra);
        // Counts per process where each wrote its own output; one output (Locust's master) holds everyone's.
        Map<String, RunResult.Worker> counted = new HashMap<>();
        if (distribution.outputs().size() > 1) {
            result.workers().forEach(w -> counted.put(w.name(), w));
        }
        List<RunResult.Worker> workers = new ArrayList<>();
        for (ToolRunner.ProcessOutcome process : outcome.processes()) {
            RunResult.Worker own = counted.get(process.name());
            workers.add(new RunResult.Worker(process.name(), own == null ? null : own.requests(), own == null ? null : own.failures(),
                    process.cpuSeconds()));
        }
        return result.withWorkers(workers);
    }

    /** The command that starts the tool, or a failure that says how to install it. */
    static List<String> launcher(LoadTool tool, Path toolPath, Map<String, String> environment, PrintWriter err) {
        try {
            var found = new ToolLocator(environment).find(tool, toolPath);
            if (found.isPresent()) {
                return new ArrayList<>(found.get());
            }
            var provisioned = tool.provision(ToolLocator.toolsHome(environment), environment, message -> {
                err.println("loadsmith: " + message);
                err.flush();
            });
            if (provisioned.isPresent()) {
                return new ArrayList<>(provisioned.get());
            }
        } catch (ToolRunException e) {
            throw new ExitCodes.UserException(ExitCodes.TOOL_FAILED, e.getMessage());
        }
        throw new ExitCodes.UserException(ExitCodes.TOOL_FAILED, tool.installHint());
    }

    private static Path runFolder(Path results, LoadTool tool) {
        String stamp = LocalDateTime.now().format(FOLDER);
        Path dir = results.resolve(stamp + "-" + tool.id());
        for (int i = 2; Files.exists(dir); i++) {
            dir = results.resolve(stamp + "-" + tool.id() + "-" + i);
        }
        return dir;
    }
}
