package io.loadsmith.importer;

import java.nio.file.Path;

/**
 * Input that cannot become a plan. The message is one line: the file, the place (a JSON pointer
 * and line where known), what is wrong and what to do.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ImportException(Path file, String place, String message) {
        this(file, place, message, null);
    }

    public ImportException(Path file, String place, String message, Throwable cause) {
        super(format(file, place, message), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String format(Path file, String place, String message) {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file).append(": ");
        }
        if (place != null && !place.isEmpty()) {
            out.append(place).append(": ");
        }
        return out.append(message.replaceAll("[\\r\\n]+", " ")).toString();
    }
}
