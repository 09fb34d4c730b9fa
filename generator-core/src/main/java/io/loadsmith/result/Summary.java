package io.loadsmith.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The console summary of a result, as a person reads it: totals, latency, a table per operation, thresholds. */
public final class Summary {
    private Summary() {}

    public static String text(RunResult result, String source) {
        StringBuilder out = new StringBuilder();
        Stats total = result.total();
        out.append(result.tool().id()).append(result.toolVersion() == null ? "" : " " + result.toolVersion()).append(", ")
                .append(source).append(" (").append(result.format()).append(")");
        if (result.start() != null) {
            out.append(", started ").append(result.start());
        }
        out.append(String.format(Locale.ROOT, ", %.1f s%n", result.durationSeconds()));
        out.append(String.format(Locale.ROOT, "requests %d, failures %d (%s)%s, throughput %s/s%n", total.requests(),
                total.failures(), percent(total.errorRate()), kinds(total.failuresByKind()), number(total.throughputPerSecond())));
        Latency latency = total.latencyMs();
        if (latency != null) {
            out.append(String.format(Locale.ROOT, "latency ms: min %s, mean %s, p50 %s, p75 %s, p90 %s, p95 %s, p99 %s, max %s%n",
                    number(latency.min()), number(latency.mean()), number(latency.p50()), number(latency.p75()),
                    number(latency.p90()), number(latency.p95()), number(latency.p99()), number(latency.max())));
            out.append("  (").append(result.latencyDefinition().id()).append(": ").append(result.latencyDefinition().description())
                    .append(total.percentiles() == Stats.PercentileSource.TOOL ? "; percentiles as the tool rounded them" : "")
                    .append(")\n");
        }
        if (total.bytesReceived() != null || total.bytesSent() != null) {
            out.append("bytes: received ").append(total.bytesReceived() == null ? "-" : total.bytesReceived())
                    .append(", sent ").append(total.bytesSent() == null ? "-" : total.bytesSent()).append('\n');
        }
        if (!result.operations().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"operation", "requests", "failures", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s"});
            for (OperationResult operation : result.operations()) {
                Stats s = operation.stats();
                Latency l = s.latencyMs();
                rows.add(new String[] {operation.name(), Long.toString(s.requests()), Long.toString(s.failures()),
                        l == null ? "-" : number(l.p50()), l == null ? "-" : number(l.p95()), l == null ? "-" : number(l.p99()),
                        l == null ? "-" : number(l.max()), number(s.throughputPerSecond())});
            }
            out.append('\n').append(table(rows));
        }
        if (!result.thresholds().isEmpty()) {
            out.append("\nthresholds\n");
            for (ThresholdResult threshold : result.thresholds()) {
                out.append("  ").append(threshold.passed() ? "✓ " : "✗ ").append(threshold.expression());
                if (threshold.measured() != null) {
                    out.append("  (measured ").append(measured(threshold)).append(')');
                } else {
                    out.append("  (").append(threshold.note()).append(')');
                }
                out.append('\n');
            }
        }
        if (result.toolVerdict() != null) {
            out.append(result.tool().id()).append("'s own verdict on its thresholds: ").append(result.toolVerdict() ? "passed" : "failed")
                    .append('\n');
        }
        for (String warning : result.warnings()) {
            out.append("warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    /** How many operations the Markdown summary lists, slowest p95 first. */
    static final int TOP_OPERATIONS = 10;

    /**
     * The Markdown summary, for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: verdict,
     * thresholds, the operations with the highest p95, and the comparison with a baseline when
     * there is one. Names from the files appear only inside code spans.
     *
     * @param comparison null, or this result against a baseline
     */
    public static String markdown(RunResult result, String source, Comparison comparison, String baselineName) {
        StringBuilder out = new StringBuilder();
        boolean regressed = comparison != null && !comparison.passed();
        String verdict = !result.passed() ? "❌ thresholds crossed" : regressed ? "❌ slower than the baseline"
                : result.thresholds().isEmpty() ? "no thresholds" : "✅ every threshold met";
        out.append("## Load test: ").append(verdict).append("\n\n");
        Stats total = result.total();
        out.append(result.tool().id()).append(result.toolVersion() == null ? "" : " " + result.toolVersion()).append(", ")
                .append(Markdown.code(source)).append(String.format(Locale.ROOT, ", %.1f s: ", result.durationSeconds()))
                .append(total.requests()).append(" requests, ").append(total.failures()).append(" failed (")
                .append(percent(total.errorRate())).append("), ").append(number(total.throughputPerSecond())).append("/s");
        if (total.latencyMs() != null) {
            out.append(", p50 ").append(number(total.latencyMs().p50())).append(" ms, p95 ").append(number(total.latencyMs().p95()))
                    .append(" ms, p99 ").append(number(total.latencyMs().p99())).append(" ms");
        }
        out.append(" (latency ").append(result.latencyDefinition().id()).append(").\n");
        if (!result.thresholds().isEmpty()) {
            out.append("\n| | threshold | measured |\n| --- | --- | ---: |\n");
            for (ThresholdResult threshold : result.thresholds()) {
                out.append("| ").append(threshold.passed() ? "✅" : "❌").append(" | ").append(Markdown.code(threshold.expression()))
                        .append(" | ").append(threshold.measured() == null ? Markdown.text(threshold.note()) : measured(threshold))
                        .append(" |\n");
            }
        }
        List<OperationResult> slowest = result.operations().stream().filter(o -> o.stats().latencyMs() != null
                && o.stats().latencyMs().p95() != null).sorted(java.util.Comparator.comparingDouble(
                        (OperationResult o) -> o.stats().latencyMs().p95()).reversed()).limit(TOP_OPERATIONS).toList();
        if (!slowest.isEmpty()) {
            out.append("\n").append(slowest.size() < result.operations().size() ? "Slowest " + slowest.size() + " of "
                    + result.operations().size() + " operations by p95" : "Operations by p95").append(":\n\n");
            out.append("| operation | requests | errors | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (OperationResult operation : slowest) {
                Stats s = operation.stats();
                out.append("| ").append(Markdown.code(operation.name())).append(" | ").append(s.requests()).append(" | ")
                        .append(percent(s.errorRate())).append(" | ").append(number(s.latencyMs().p50())).append(" | ")
                        .append(number(s.latencyMs().p95())).append(" | ").append(number(s.latencyMs().p99())).append(" |\n");
            }
        }
        for (String warning : result.warnings()) {
            out.append("\n> ").append(Markdown.text(warning)).append('\n');
        }
        if (comparison != null) {
            out.append('\n').append(ComparisonReport.markdown(comparison, baselineName, source));
        }
        return out.toString();
    }

    /** The measured figure of a threshold in its unit: {@code 178 ms}, {@code 3.60%}, {@code 48.18/s}. */
    static String measured(ThresholdResult threshold) {
        String expression = threshold.expression().toLowerCase(Locale.ROOT);
        if (expression.contains("error")) {
            return percent(threshold.measured());
        }
        return number(threshold.measured()) + (expression.contains("/s") ? "/s" : " ms");
    }

    private static String kinds(Map<String, Long> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, n) -> parts.add(kind + " " + n));
        return ": " + String.join(", ", parts);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.2f", value);
    }

    static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                out.append(i == 0 ? cell + pad : pad + cell).append(i == row.length - 1 ? "" : "  ");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
