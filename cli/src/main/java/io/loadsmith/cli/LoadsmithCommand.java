package io.loadsmith.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The subcommands by name, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("generate", GenerateCommand.class);
        commands.put("run", RunCommand.class);
        commands.put("report", ReportCommand.class);
        commands.put("compare", CompareCommand.class);
        commands.put("demo", DemoCommand.class);
        commands.put("init", InitCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    /** The configured command line with every subcommand: exit codes, error handling, no global state. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: picocli builds a model of every command it is given,
     * by reflection, which is most of a short run's start-up; when the arguments name a
     * subcommand, only that one is built (help and unknown commands get them all).
     */
    public static CommandLine commandLine(String... args) {
        String first = args.length == 0 ? "" : args[0];
        return commandLine(SUBCOMMANDS.containsKey(first) && !first.equals("help") ? List.of(first) : SUBCOMMANDS.keySet());
    }

    private static CommandLine commandLine(Collection<String> names) {
        CommandLine commandLine = new CommandLine(new LoadsmithCommand());
        for (String name : names) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name));
        }
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
