package io.loadsmith.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link Comparison} as a person reads it in a terminal, as Markdown for a pull request, and as JUnit XML for CI. */
public final class ComparisonReport {
    private ComparisonReport() {}

    /** The terminal table: each row's requests, p50, p95, p99 and error rate in both runs, then each limit. */
    public static String text(Comparison comparison, String baselineName, String currentName) {
        StringBuilder out = new StringBuilder();
        out.append("baseline: ").append(describe(comparison.baseline(), baselineName)).append('\n');
        out.append("current:  ").append(describe(comparison.current(), currentName)).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"operation", "requests", "p50 ms", "p95 ms", "Δ p95", "p99 ms", "errors", "slower?"});
        rows.add(cells(comparison.total()));
        comparison.operations().forEach(row -> rows.add(cells(row)));
        out.append('\n').append(Summary.table(rows));
        appendOnly(out, comparison);
        out.append("\nlimits\n");
        for (Comparison.Judged judged : comparison.limits()) {
            out.append("  ").append(judged.crossed() ? "✗ " : "✓ ").append(line(judged)).append('\n');
        }
        comparison.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        out.append(comparison.passed() ? "no regression beyond the limits\n"
                : "regression: " + String.join(", ", comparison.regressed()) + "\n");
        return out.toString();
    }

    /** The Markdown summary: verdict, the crossed and passed limits, every operation both runs have. */
    public static String markdown(Comparison comparison, String baselineName, String currentName) {
        StringBuilder out = new StringBuilder();
        out.append("### Comparison with the baseline: ").append(comparison.passed() ? "✅ no regression"
                : "❌ regression in " + String.join(", ", comparison.regressed().stream().map(Markdown::code).toList())).append("\n\n");
        out.append("Baseline ").append(Markdown.code(baselineName)).append(" (").append(describe(comparison.baseline(), null))
                .append("), current ").append(Markdown.code(currentName)).append(" (").append(describe(comparison.current(), null))
                .append(").\n\n");
        out.append("| | limit | scope | baseline | current | change |\n| --- | --- | --- | ---: | ---: | --- |\n");
        for (Comparison.Judged judged : comparison.limits()) {
            out.append("| ").append(judged.crossed() ? "❌" : "✅").append(" | ").append(Markdown.code(judged.limit().expression()))
                    .append(" | ").append(Markdown.code(judged.scope())).append(" | ")
                    .append(figure(judged.limit().figure(), judged.baseline())).append(" | ")
                    .append(figure(judged.limit().figure(), judged.current())).append(" | ")
                    .append(change(judged)).append(judged.note() == null ? "" : "; " + judged.note()).append(" |\n");
        }
        out.append("\n| operation | requests | p50 ms | p95 ms | Δ p95 | p99 ms | errors | slower? |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        List<Comparison.Row> rows = new ArrayList<>();
        rows.add(comparison.total());
        rows.addAll(comparison.operations());
        for (Comparison.Row row : rows) {
            String[] cells = cells(row);
            out.append("| ").append(Markdown.code(cells[0]));
            for (int i = 1; i < cells.length; i++) {
                out.append(" | ").append(cells[i]);
            }
            out.append(" |\n");
        }
        if (!comparison.onlyInBaseline().isEmpty()) {
            out.append("\nOnly in the baseline: ").append(String.join(", ", comparison.onlyInBaseline().stream().map(Markdown::code)
                    .toList())).append('\n');
        }
        if (!comparison.onlyInCurrent().isEmpty()) {
            out.append("\nOnly in the current run: ").append(String.join(", ", comparison.onlyInCurrent().stream().map(Markdown::code)
                    .toList())).append('\n');
        }
        comparison.warnings().forEach(w -> out.append("\n> ").append(Markdown.text(w)).append('\n'));
        return out.toString();
    }

    /** JUnit XML: one test case per limit and scope, failed when crossed. */
    public static String junit(Comparison comparison) {
        return JUnitReport.suite("loadsmith regression limits", null, comparison.limits().stream()
                .map(judged -> new JUnitReport.TestCase("loadsmith.regression." + judged.scope(), judged.limit().expression(),
                        judged.crossed() ? line(judged) : null, line(judged))).toList());
    }

    private static String describe(RunResult result, String name) {
        return (name == null ? "" : name + ", ") + result.tool().id() + (result.start() == null ? "" : ", started " + result.start())
                + String.format(Locale.ROOT, ", %.1f s, %d requests", result.durationSeconds(), result.total().requests());
    }

    private static String[] cells(Comparison.Row row) {
        Latency before = row.baseline().latencyMs();
        Latency now = row.current().latencyMs();
        RegressionLimit p95 = RegressionLimit.parse("p95:+0%");
        Double change = p95.worsening(before == null ? null : before.p95(), now == null ? null : now.p95());
        String slower = row.significantlySlower() == null ? "-" : row.significantlySlower()
                ? "yes (p" + pValue(row.test().pHigher()) + ")" : "no";
        return new String[] {row.name(), row.baseline().requests() + " → " + row.current().requests(),
                both(before == null ? null : before.p50(), now == null ? null : now.p50()),
                both(before == null ? null : before.p95(), now == null ? null : now.p95()),
                change == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", change),
                both(before == null ? null : before.p99(), now == null ? null : now.p99()),
                Summary.percent(row.baseline().errorRate()) + " → " + Summary.percent(row.current().errorRate()), slower};
    }

    private static String both(Double before, Double now) {
        return Summary.number(before) + " → " + Summary.number(now);
    }

    /** A p-value as a comparison: {@code =0.0009}, or {@code <0.0001} below what four decimals show. */
    private static String pValue(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "=%.4f", p);
    }

    private static String line(Comparison.Judged judged) {
        String scope = RegressionLimit.EVERY_OPERATION.equals(judged.limit().scope()) ? " on " + judged.scope() : "";
        return judged.limit().expression() + scope + ": " + figure(judged.limit().figure(), judged.baseline()) + " → "
                + figure(judged.limit().figure(), judged.current()) + " (" + change(judged) + ")"
                + (judged.note() == null ? "" : ", " + judged.note());
    }

    private static String change(Comparison.Judged judged) {
        if (judged.worsening() == null) {
            return "change unknown";
        }
        if (judged.worsening() == 0) {
            return "unchanged";
        }
        String unit = switch (judged.limit().unit()) {
            case PERCENT -> "%";
            case MILLISECONDS -> " ms";
            case PERCENTAGE_POINTS -> " pp";
        };
        return String.format(Locale.ROOT, "%s %.1f%s", judged.worsening() > 0 ? "worse by" : "better by",
                Math.abs(judged.worsening()), unit);
    }

    private static String figure(RegressionLimit.Figure figure, Double value) {
        if (value == null) {
            return "-";
        }
        return switch (figure) {
            case ERROR_RATE -> Summary.percent(value);
            case THROUGHPUT -> Summary.number(value) + "/s";
            default -> Summary.number(value) + " ms";
        };
    }

    private static void appendOnly(StringBuilder out, Comparison comparison) {
        if (!comparison.onlyInBaseline().isEmpty()) {
            out.append("only in the baseline: ").append(String.join(", ", comparison.onlyInBaseline())).append('\n');
        }
        if (!comparison.onlyInCurrent().isEmpty()) {
            out.append("only in the current run: ").append(String.join(", ", comparison.onlyInCurrent())).append('\n');
        }
    }
}
