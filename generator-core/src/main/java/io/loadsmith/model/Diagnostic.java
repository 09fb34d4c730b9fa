package io.loadsmith.model;

/**
 * Something an importer or renderer wants the user to know: a value it guessed, a construct it
 * approximated or left out. Fatal problems are exceptions, not diagnostics.
 *
 * @param subject what it concerns, such as an operation name or a file place; may be empty
 */
public record Diagnostic(Severity severity, String subject, String message) {
    public enum Severity { INFO, WARNING }

    public Diagnostic {
        Checks.requireNonNull(severity, "severity");
        subject = subject == null ? "" : subject;
        Checks.requireNonBlank(message, "message");
    }

    public static Diagnostic warning(String subject, String message) {
        return new Diagnostic(Severity.WARNING, subject, message);
    }

    public static Diagnostic info(String subject, String message) {
        return new Diagnostic(Severity.INFO, subject, message);
    }

    /** One line: {@code warning: getPet: example value guessed for petId}. */
    @Override
    public String toString() {
        String prefix = severity == Severity.WARNING ? "warning: " : "note: ";
        return prefix + (subject.isEmpty() ? "" : subject + ": ") + message;
    }
}
