package io.loadsmith.cli;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
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

    @Mixin
    PlanMixin plan;

    @Override
    public Integer call() {
        List<LoadTool> tools = tools(tool);
        if (templates != null && !Files.isDirectory(templates)) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--templates " + templates + " is not a folder");
        }
        Generation generation = Loadsmith.generate(input.input, input.importOptions(), plan.planOptions(), tools,
                new RenderOptions(templates, null));
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
