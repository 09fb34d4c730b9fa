package io.loadsmith.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, capturing its output. */
final class Cli {
    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // As Main builds it: only the subcommand the arguments name, the input read meanwhile.
        var commandLine = Main.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
