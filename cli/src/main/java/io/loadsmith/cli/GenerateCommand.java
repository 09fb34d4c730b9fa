package io.loadsmith.cli;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.deploy.DeployOptions;
import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.Variable;
import io.loadsmith.render.EnvExample;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loadsmith generate}: writes the scripts of one or all tools. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write load-test scripts for a load tool from a spec, a HAR recording or a plan file.")
final class GenerateCommand implements Callable<Integer> {
    static final int DEFAULT_WORKERS = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    InputMixin input;

    @Option(names = {"-t", "--tool"}, paramLabel = "TOOL", defaultValue = "k6",
            completionCandidates = ToolNames.class,
            description = "${COMPLETION-CANDIDATES}, a comma-separated list, or all (default: ${DEFAULT-VALUE}).")
    String tool;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output folder; scripts go to DIR/<tool>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A folder of template overrides: DIR/<tool>/<name>.mustache replaces the bundled template.")
    Path templates;

    @Option(names = "--deploy", paramLabel = "TARGET", split = ",",
            description = "Also write cluster manifests beside each tool's scripts: kubernetes (k6-operator TestRun; "
                    + "Locust master and workers; JMeter servers and controller), compose, or both (comma-separated).")
    List<String> deploy = List.of();

    @Option(names = "--workers", paramLabel = "N",
            description = "With --deploy: the load generators the manifests start (k6 runners, Locust workers, "
                    + "JMeter servers); together they run exactly the plan's workload (default: " + DEFAULT_WORKERS + ").")
    Integer workers;

    @Mixin
    PlanMixin plan;

    @Override
    public Integer call() {
        List<LoadTool> tools = tools(tool);
        if (templates != null && !Files.isDirectory(templates)) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--templates " + templates + " is not a folder");
        }
        Generation generation = Loadsmith.generate(input.input, input.importOptions(), plan.planOptions(), tools,
                new RenderOptions(templates, null), deployOptions());
        Loadsmith.write(out, generation.files());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path report = generation.files().stream().map(RenderedFile::path).filter(p -> p.endsWith("-report.md"))
                .findFirst().map(out::resolve).orElse(null);
        Warnings.print(generation.diagnostics(), stderr, input.verbose, report);
        for (RenderedFile file : generation.files()) {
            // Scripts, settings and reports; not the data files a script reads (bodies, uploads).
            if (!file.path().contains("/files/")) {
                stdout.println("wrote " + out.resolve(file.path()));
            }
        }
        List<Variable> required = generation.plan().variables().stream().filter(Variable::required).toList();
        if (!required.isEmpty()) {
            stdout.println("set before running: " + String.join(", ", required.stream().map(Variable::env).toList())
                    + " (see " + out.resolve(EnvExample.PATH) + ")");
        }
        return ExitCodes.OK;
    }

    private DeployOptions deployOptions() {
        List<DeployTarget> targets = new ArrayList<>();
        for (String name : deploy) {
            try {
                DeployTarget target = DeployTarget.byId(name);
                if (!targets.contains(target)) {
                    targets.add(target);
                }
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--deploy: " + e.getMessage());
            }
        }
        if (workers != null && targets.isEmpty()) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--workers goes with --deploy (loadsmith run has its own --workers)");
        }
        int count = workers == null ? DEFAULT_WORKERS : workers;
        if (count < 1 || count > DeployOptions.MAX_WORKERS) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--workers must be between 1 and "
                    + DeployOptions.MAX_WORKERS + ", not " + count);
        }
        return new DeployOptions(targets, count);
    }

    static List<LoadTool> tools(String names) {
        if (names.equalsIgnoreCase("all")) {
            return LoadTools.all();
        }
        List<LoadTool> tools = new ArrayList<>();
        for (String name : names.split(",")) {
            try {
                tools.add(LoadTools.byId(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--tool: " + e.getMessage().replace(": use ", ": use all, "));
            }
        }
        return tools;
    }
}
