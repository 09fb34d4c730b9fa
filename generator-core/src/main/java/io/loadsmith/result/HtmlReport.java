package io.loadsmith.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report of a run: one self-contained file that opens offline, with the verdict and
 * thresholds, the summary figures, charts over time, a sortable table of operations, a latency
 * distribution per operation and the run's metadata; with a baseline, both runs on the same charts
 * and the comparison's limits.
 *
 * <p>The page is a fixed shell ({@code report/report.html}, its script and style) with uPlot
 * inlined from its webjar, and the figures as JSON in a {@code <script type="application/json">}
 * element. The script puts every value from the files on the page as text ({@code textContent}),
 * never as markup, and the JSON has {@code <}, {@code >}, {@code &} and the line separators
 * escaped, so no value can end the script element. A Content-Security-Policy allows nothing but
 * the inline script and style: the page loads nothing and sends nothing.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** uPlot's files in its webjar; the version is the one the build names (uplot.version). */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/";
    /** The percentiles the distribution charts show, as "nines": 0, 50, 90, 99, 99.9, 99.99 and between. */
    private static final double[] SPECTRUM = {0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 97.5, 98, 98.5, 99, 99.25,
        99.5, 99.6, 99.7, 99.75, 99.8, 99.85, 99.9, 99.925, 99.95, 99.97, 99.99, 99.995, 99.999, 100};

    private HtmlReport() {}

    /**
     * @param source     what the result was read from, for the page's metadata
     * @param workload   the plan's workload in words, or null when unknown (a report of a file)
     * @param comparison null, or this result against a baseline
     */
    public static String write(RunResult result, String source, String workload, Comparison comparison) {
        ObjectNode data = JSON.createObjectNode();
        data.set("run", run(result, source, workload));
        data.set("baseline", comparison == null ? null : run(comparison.baseline(), null, null));
        if (comparison != null) {
            data.set("comparison", comparison(comparison));
        }
        Map<String, String> parts = Map.of("STYLE", resource("report/report.css"), "UPLOT_STYLE", resource(UPLOT + "dist/uPlot.min.css"),
                "UPLOT", resource(UPLOT + "dist/uPlot.iife.min.js"), "SCRIPT", resource("report/report.js"), "DATA", embedded(data));
        // Each placeholder of the shell filled once; what is filled in is never searched again.
        Matcher m = PLACEHOLDER.matcher(resource("report/report.html"));
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(page, Matcher.quoteReplacement(parts.get(m.group(1))));
        }
        m.appendTail(page);
        return page.toString();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("/\\*(STYLE|UPLOT_STYLE|UPLOT|SCRIPT|DATA)\\*/");

    /**
     * A run as result.json has it, with what the page adds: the tool's display name, the source,
     * the workload, and per operation its latency by percentile instead of the encoded histogram.
     */
    private static ObjectNode run(RunResult result, String source, String workload) {
        ObjectNode run = ResultJson.tree(result);
        run.put("toolName", result.tool().displayName());
        run.put("source", source);
        run.put("workload", workload);
        ObjectNode total = (ObjectNode) run.get("total");
        total.put("name", "total");
        spectrum(total, result.total());
        for (int i = 0; i < result.operations().size(); i++) {
            spectrum((ObjectNode) run.get("operations").get(i), result.operations().get(i).stats());
        }
        return run;
    }

    private static void spectrum(ObjectNode node, Stats stats) {
        node.remove("histogram");
        if (stats.distribution() == null || stats.distribution().count() == 0) {
            return;
        }
        Latency latency = stats.latencyMs();
        ArrayNode spectrum = node.putArray("distribution");
        for (double percentile : SPECTRUM) {
            double ms = stats.distribution().percentileMs(percentile);
            if (latency != null && latency.min() != null && latency.max() != null) {
                ms = Math.min(latency.max(), Math.max(latency.min(), ms));
            }
            spectrum.addArray().add(percentile).add(ms);
        }
    }

    private static ObjectNode comparison(Comparison comparison) {
        ObjectNode node = JSON.createObjectNode();
        node.put("passed", comparison.passed());
        ArrayNode limits = node.putArray("limits");
        for (Comparison.Judged judged : comparison.limits()) {
            ObjectNode limit = limits.addObject();
            limit.put("expression", judged.limit().expression());
            limit.put("scope", judged.scope());
            limit.put("figure", judged.limit().figure().id());
            limit.put("baseline", judged.baseline());
            limit.put("current", judged.current());
            limit.put("worsening", judged.worsening());
            limit.put("unit", switch (judged.limit().unit()) {
                case PERCENT -> "%";
                case MILLISECONDS -> " ms";
                case PERCENTAGE_POINTS -> " pp";
            });
            limit.put("crossed", judged.crossed());
            limit.put("note", judged.note());
        }
        ObjectNode slower = node.putObject("slower");
        for (Comparison.Row row : comparison.operations()) {
            if (row.test() != null) {
                slower.put(row.name(), row.test().pHigher());
            }
        }
        strings(node.putArray("onlyInBaseline"), comparison.onlyInBaseline());
        strings(node.putArray("onlyInCurrent"), comparison.onlyInCurrent());
        strings(node.putArray("warnings"), comparison.warnings());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** JSON that is safe inside a script element: nothing in it can close the element or start markup. */
    static String embedded(ObjectNode data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static String resource(String name) {
        return CACHE.computeIfAbsent(name, key -> {
            try (InputStream in = HtmlReport.class.getResourceAsStream(key)) {
                if (in == null) {
                    throw new IllegalStateException("the report resource " + key + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
