package io.loadsmith.cli;

import io.loadsmith.Loadsmith;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;

/** Runs the command line and exits with its status. */
public final class Main {
    /** The commands whose first argument is the input they import. */
    private static final Set<String> IMPORTING = Set.of("generate", "run", "init");

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints for --version, without the time picocli takes to set itself up.
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            return;
        }
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line for these arguments (see {@link LoadsmithCommand#commandLine(String...)}), with
     * the input of a command that imports one already being read, on another thread, while picocli
     * builds its model of the command (a tenth of a second of a cold start).
     */
    static CommandLine commandLine(String... args) {
        if (args.length >= 2 && IMPORTING.contains(args[0]) && !args[1].startsWith("-")) {
            try {
                Loadsmith.prefetch(Path.of(args[1]));
            } catch (InvalidPathException e) {
                // picocli reports it
            }
        }
        return LoadsmithCommand.commandLine(args);
    }
}
