package io.loadsmith.tool;

/** A tool that is missing or could not run: the message says what to do. */
public final class ToolRunException extends RuntimeException {
    public ToolRunException(String message) {
        super(message);
    }

    public ToolRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
