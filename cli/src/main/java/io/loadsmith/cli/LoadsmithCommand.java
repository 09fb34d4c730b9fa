package io.loadsmith.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: only help, version and the subcommands. */
@Command(name = "loadsmith",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Load tests for HTTP APIs, written for the tool your team uses.", "",
                "Imports an OpenAPI document, a HAR recording or a plan file into one tool-neutral test plan, and "
                        + "writes idiomatic scripts from it for each load tool it knows (generate --help lists them); "
                        + "runs them, and reads every tool's results into one normalized result, judged against the "
                        + "plan's thresholds."},
        subcommands = {GenerateCommand.class, RunCommand.class, ReportCommand.class, DemoCommand.class, InitCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  internal error", "  2  invalid input or usage", "  3  load tool failed or missing",
                "  4  thresholds breached"})
public final class LoadsmithCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: generate, run, report, demo, init (see --help)");
    }

    /** The configured command line: exit codes, error handling, no global state. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LoadsmithCommand());
        commandLine.setExecutionExceptionHandler(new ExitCodes.Handler());
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(cmd.getColorScheme().errorText("loadsmith: " + e.getMessage()));
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.INVALID_INPUT;
        });
        return commandLine;
    }
}
