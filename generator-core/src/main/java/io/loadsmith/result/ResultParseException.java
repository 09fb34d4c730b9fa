package io.loadsmith.result;

import java.nio.file.Path;

/** A result file that cannot be read: the message names the file and the place. */
public final class ResultParseException extends RuntimeException {
    public ResultParseException(Path file, String where, String message) {
        super(file + (where == null ? "" : ": " + where) + ": " + message);
    }

    public ResultParseException(Path file, String where, String message, Throwable cause) {
        super(file + (where == null ? "" : ": " + where) + ": " + message, cause);
    }
}
