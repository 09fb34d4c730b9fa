package io.loadsmith.importer.har;

import io.loadsmith.model.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the import did, for the person who recorded the HAR: what was left out and why, each
 * correlation (where the value comes from and where it is sent), each secret and the variable that
 * replaces it. Written beside the scripts as {@code import-report.md}; never holds a secret value.
 */
final class Report {
    private static final int EXAMPLES = 3;

    private final Path file;
    private final HarReader.Recording recording;
    private final Map<String, List<HarEntry>> leftOut = new LinkedHashMap<>();
    private final List<String> correlationLines = new ArrayList<>();
    private final List<String> secretLines = new ArrayList<>();
    private final List<String> specLines = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private UnaryOperator<String> redact = UnaryOperator.identity();

    Report(Path file, HarReader.Recording recording) {
        this.file = file;
        this.recording = recording;
    }

    void redactWith(UnaryOperator<String> redact) {
        this.redact = redact;
    }

    void leftOut(String reason, HarEntry entry) {
        leftOut.computeIfAbsent(reason, r -> new ArrayList<>()).add(entry);
    }

    String leftOutSummary() {
        if (leftOut.isEmpty()) {
            return "no entries";
        }
        return "all " + leftOut.values().stream().mapToInt(List::size).sum() + " entries were left out ("
                + leftOut.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey()).collect(Collectors.joining("; "))
                + ")";
    }

    void correlations(List<Correlator.Correlation> correlations, List<String> jarCookies, boolean enabled) {
        if (!enabled) {
            correlationLines.add("Correlation is off (--no-correlate): values from responses are sent as recorded.");
        }
        for (Correlator.Correlation correlation : correlations) {
            correlationLines.add("`" + correlation.variable() + "`: " + correlation.origin() + " of the response to `"
                    + correlation.producer().name + "` → " + uses(correlation.uses()));
        }
        jarCookies.forEach(line -> correlationLines.add(line));
        if (!correlations.isEmpty()) {
            diagnostics.add(Diagnostic.info("", correlations.size() + " values correlated: " + correlations.stream()
                    .map(Correlator.Correlation::variable).collect(Collectors.joining(", "))));
        }
    }

    void secrets(List<Correlator.Scrubbed> scrubbed) {
        for (Correlator.Scrubbed secret : scrubbed) {
            secretLines.add(secret.what() + " → `${" + secret.variable() + "}` (environment variable " + secret.variable()
                    + ") in " + uses(secret.uses()));
        }
        if (!scrubbed.isEmpty()) {
            diagnostics.add(Diagnostic.warning("", "recorded secrets are not written into the scripts: they are read from "
                    + scrubbed.stream().map(Correlator.Scrubbed::variable).collect(Collectors.joining(", ")) + " at run time"));
        }
    }

    void spec(Path spec, SpecMatcher matcher) {
        specLines.add("Matched to the operations of " + spec.getFileName() + ": " + matcher.hits().entrySet().stream()
                .map(e -> "`" + e.getKey() + "` ×" + e.getValue()).collect(Collectors.joining(", ")));
        if (matcher.unmatched() > 0) {
            specLines.add(matcher.unmatched() + " recorded requests match no operation and keep their recorded names.");
        }
        if (!matcher.uncalled().isEmpty()) {
            specLines.add("Operations the recording never called: " + String.join(", ", matcher.uncalled()));
        }
    }

    private static String uses(List<Correlator.Use> uses) {
        Map<String, List<String>> byRequest = new LinkedHashMap<>();
        for (Correlator.Use use : uses) {
            List<String> places = byRequest.computeIfAbsent(use.draft().name, n -> new ArrayList<>());
            if (!places.contains(use.place().toString())) {
                places.add(use.place().toString());
            }
        }
        return byRequest.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " of `" + e.getKey() + "`")
                .collect(Collectors.joining("; "));
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>();
        leftOut.forEach((reason, entries) -> {
            boolean expected = reason.startsWith("static") || reason.startsWith("redirect");
            String message = "left out " + entries.size() + " " + reason + ": " + examples(entries);
            all.add(expected ? Diagnostic.info("", message) : Diagnostic.warning("", message));
        });
        all.addAll(diagnostics);
        return all;
    }

    private String examples(List<HarEntry> entries) {
        List<String> shown = new ArrayList<>();
        for (HarEntry entry : entries.subList(0, Math.min(EXAMPLES, entries.size()))) {
            shown.add(entry.method().replaceAll("[^A-Za-z-]", "?") + " " + shortUrl(entry.url()));
        }
        return redact.apply(String.join(", ", shown) + (entries.size() > EXAMPLES ? ", ..." : ""));
    }

    /** A URL without its query and fragment (which may hold tokens), cut to a readable length. */
    private static String shortUrl(String url) {
        String plain = url.replaceFirst("[?#].*$", "").replaceAll("\\p{Cntrl}", "?");
        if (plain.startsWith("data:")) {
            return "data:...";
        }
        return plain.length() > 100 ? plain.substring(0, 97) + "..." : plain;
    }

    String text(int replayed, String baseUrl) {
        StringBuilder out = new StringBuilder();
        out.append("# Import report: ").append(file.getFileName()).append("\n\n");
        if (recording.creator() != null) {
            out.append("Recorded with ").append(recording.creator().replaceAll("\\p{Cntrl}", " ")).append(".\n");
        }
        out.append("Replayed: ").append(replayed).append(" of ").append(recording.entries().size())
                .append(" recorded requests, against ").append(baseUrl).append(" (BASE_URL overrides it).\n");
        out.append("\n## Left out\n\n");
        if (leftOut.isEmpty()) {
            out.append("Nothing.\n");
        }
        leftOut.forEach((reason, entries) -> out.append("- ").append(entries.size()).append(' ').append(reason).append(": ")
                .append(examples(entries)).append('\n'));
        out.append("\n## Correlations\n\nValues a response produced that later requests send: extracted at run time.\n\n");
        if (correlationLines.isEmpty()) {
            out.append("None found.\n");
        }
        correlationLines.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n## Secrets\n\nRecorded credentials, tokens and cookies are read from environment variables at run time.\n\n");
        if (secretLines.isEmpty()) {
            out.append("None found.\n");
        }
        secretLines.forEach(line -> out.append("- ").append(line).append('\n'));
        if (!specLines.isEmpty()) {
            out.append("\n## Spec\n\n");
            specLines.forEach(line -> out.append("- ").append(line).append('\n'));
        }
        return redact.apply(out.toString());
    }
}
