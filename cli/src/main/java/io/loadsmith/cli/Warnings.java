package io.loadsmith.cli;

import io.loadsmith.model.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Warnings on standard error, readable on a 400-operation document: warnings of one kind (the
 * same message but for names and numbers) are one line with a count and the first few subjects
 * when there are many; {@code --verbose} prints every one, and the generation report lists all.
 */
final class Warnings {
    /** From this many warnings of one kind on, they are summarized. */
    static final int SUMMARIZE_FROM = 4;
    private static final int NAMED = 3;
    private static final Pattern VARYING = Pattern.compile("\\{[^}]*}|'[^']*'|\"[^\"]*\"|\\d+");

    private Warnings() {}

    static void print(List<Diagnostic> diagnostics, PrintWriter err, boolean verbose, Path report) {
        Map<String, List<Diagnostic>> kinds = new LinkedHashMap<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.severity() == Diagnostic.Severity.WARNING) {
                kinds.computeIfAbsent(verbose ? Integer.toString(kinds.size()) : kind(diagnostic), k -> new ArrayList<>())
                        .add(diagnostic);
            }
        }
        for (Map.Entry<String, List<Diagnostic>> kind : kinds.entrySet()) {
            List<Diagnostic> all = kind.getValue();
            if (all.size() < SUMMARIZE_FROM) {
                all.forEach(err::println);
                continue;
            }
            List<String> subjects = all.stream().map(Diagnostic::subject).filter(s -> !s.isEmpty()).distinct().toList();
            String named = subjects.isEmpty() ? "" : ": " + String.join(", ", subjects.subList(0, Math.min(NAMED, subjects.size())))
                    + (subjects.size() > NAMED ? " and " + (subjects.size() - NAMED) + " more" : "");
            err.println("warning: " + all.size() + " times, " + kind.getKey() + named + " ("
                    + (report == null ? "" : "all in " + report + "; ") + "--verbose prints each)");
        }
    }

    /** The message without what varies from one warning of a kind to the next: its details after ';', names, numbers. */
    static String kind(Diagnostic diagnostic) {
        String message = diagnostic.message();
        int semicolon = message.indexOf(';');
        String head = semicolon < 0 ? message : message.substring(0, semicolon);
        return VARYING.matcher(head).replaceAll("…");
    }
}
