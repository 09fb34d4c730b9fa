package io.loadsmith.cli;

import io.loadsmith.importer.ImportException;
import io.loadsmith.render.RenderException;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.tool.ToolRunException;
import picocli.CommandLine;

/** The exit codes of every command, and how failures map to them. */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int INVALID_INPUT = 2;
    static final int TOOL_FAILED = 3;
    static final int THRESHOLDS_BREACHED = 4;

    private ExitCodes() {}

    /** Prints one line for a failure (a stack trace only with --verbose) and chooses the exit code. */
    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(r -> r.hasMatchedOption("--verbose"));
            var err = commandLine.getErr();
            int code;
            String message;
            if (e instanceof UserException user) {
                code = user.exitCode();
                message = user.getMessage();
            } else if (e instanceof ImportException || e instanceof RenderException || e instanceof ResultParseException) {
                code = INVALID_INPUT;
                message = e.getMessage();
            } else if (e instanceof ToolRunException) {
                code = TOOL_FAILED;
                message = e.getMessage();
            } else if (e instanceof IllegalArgumentException) {
                code = INVALID_INPUT;
                message = e.getMessage();
            } else if (e instanceof java.io.UncheckedIOException io) {
                code = INTERNAL;
                message = io.getMessage();
            } else {
                code = INTERNAL;
                message = "internal error: " + e + " (run again with --verbose for details, and please report it)";
            }
            err.println(commandLine.getColorScheme().errorText("loadsmith: " + message));
            if (verbose) {
                e.printStackTrace(err);
            }
            return code;
        }
    }

    /** A failure the command explains itself, with its exit code. */
    static final class UserException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        UserException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
