package io.loadsmith.cli;

/** Runs the command line and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints for --version, without the ~0.2 s picocli takes to set itself up.
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            return;
        }
        System.exit(LoadsmithCommand.commandLine(args).execute(args));
    }
}
