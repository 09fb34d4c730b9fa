package io.loadsmith.cli;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.RunFiles;
import io.loadsmith.result.ResultJson;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        // The tool first: a missing one is said before any script is written or warned about.
        List<String> launcher = launcher(chosen.get(0), toolPath, System.getenv(), spec.commandLine().getErr());
        RunResult baseline = outputs.readBaseline();
        Generation generation = Loadsmith.generate(input.input, input.importOptions(), plan.planOptions(), chosen,
                new RenderOptions(templates, null));
        Warnings.print(generation.diagnostics(), spec.commandLine().getErr(), input.verbose, null);
        return execute(spec, chosen.get(0), launcher, generation, results, plan.planOptions().baseUrl(), Map.of(), outputs, baseline);
    }

    /** Runs generated scripts with the tool that {@link #launcher} found; shared with {@code loadsmith demo}. */
    static int execute(CommandSpec spec, LoadTool tool, List<String> launcher, Generation generation, Path results, String baseUrl,
                       Map<String, String> extraEnvironment, ResultOutputs outputs, RunResult baseline) {
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
        Path dir = runFolder(results, tool);
        Loadsmith.write(dir, generation.files());
        // Asked while the test runs: most result files do not say which version wrote them.
        Map<String, String> probeEnvironment = Map.copyOf(environment);
        CompletableFuture<String> version = CompletableFuture.supplyAsync(() -> ToolLocator.version(tool, launcher, probeEnvironment,
                dir));
        if (baseUrl != null) {
            environment.put("BASE_URL", baseUrl);
        }
        List<String> command = ToolRunner.command(tool, launcher, environment.get("BASE_URL"));
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Its own session: Ctrl+C reaches Loadsmith only, which then stops the tool the tool's own way.
            command.add(0, "/usr/bin/setsid");
        }
        out.println("running " + tool.id() + " in " + dir + " (" + testPlan.workload().duration().toSeconds() + " s planned)");
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
            ToolRunner.Outcome outcome = runner.run(tool, command, dir, environment, testPlan.workload().duration(), progress -> {
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
            });
            if (terminal) {
                out.println();
            }
            if (outcome.stopped()) {
                err.println("loadsmith: stopped; reporting what was measured");
            } else if (outcome.timedOut()) {
                err.println("loadsmith: " + tool.id() + " ran far past its planned time and was stopped");
            }
            Path raw = RunFiles.find(dir, tool.runOutput()).orElse(null);
            if (raw == null) {
                throw new ExitCodes.UserException(ExitCodes.TOOL_FAILED, tool.id() + " exited with " + outcome.exitCode()
                        + " and wrote no results; see " + dir.resolve("tool.log"));
            }
            RunResult result = ResultParsers.parse(raw, tool, Thresholds.extraPercentiles(testPlan.thresholds()));
            result = tool.afterRun(result, outcome.exitCode(), testPlan);
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
                        + " and made no requests; see " + dir.resolve("tool.log"));
            }
            return code;
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl+C): the hook is running and now returns
            }
        }
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
