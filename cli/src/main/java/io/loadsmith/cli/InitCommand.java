package io.loadsmith.cli;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.plan.PlanFileWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loadsmith init}: writes a plan file to edit. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a plan file (YAML) from a spec, to edit and then pass to 'loadsmith generate'.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputMixin input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the plan; standard output when absent.")
    Path output;

    @Mixin
    PlanMixin plan;

    @Override
    public Integer call() {
        ImportResult imported = Loadsmith.importFile(input.input, input.importOptions());
        ImportResult customized;
        try {
            customized = Loadsmith.customize(imported.plan(), plan.planOptions());
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
        Warnings.print(imported.diagnostics(), spec.commandLine().getErr(), input.verbose, null);
        Warnings.print(customized.diagnostics(), spec.commandLine().getErr(), input.verbose, null);
        String yaml = PlanFileWriter.write(customized.plan());
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            Path absolute = output.toAbsolutePath().normalize();
            Loadsmith.write(absolute.getParent(), List.of(io.loadsmith.render.RenderedFile.text(
                    absolute.getFileName().toString(), yaml)));
            spec.commandLine().getOut().println("wrote " + output + " (" + yaml.getBytes(StandardCharsets.UTF_8).length + " bytes)");
        }
        return ExitCodes.OK;
    }
}
