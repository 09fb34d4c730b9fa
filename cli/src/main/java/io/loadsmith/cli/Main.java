package io.loadsmith.cli;

/** Runs the command line and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(LoadsmithCommand.commandLine().execute(args));
    }
}
