package io.loadsmith.tool.k6;

import io.loadsmith.tool.LoadTool;
import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.result.JsonFiles;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.Latency;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * k6's end-of-test summary: the data that {@code handleSummary} receives (what Loadsmith's k6
 * scripts write to summary.json: metrics with {@code values}, thresholds as {@code {"ok": true}})
 * and the legacy {@code --summary-export} file (figures directly on each metric, thresholds as
 * booleans that are true when the threshold was crossed). Percentiles are k6's own; per-operation
 * figures exist for the {@code name} submetrics that the script's thresholds asked for.
 */
public final class K6SummaryParser implements ResultParser {
    private static final Pattern NAME_SUBMETRIC = Pattern.compile("^(http_req_duration|http_reqs|http_req_failed)\\{name:(.*)}$");

    private final LoadTool tool;

    K6SummaryParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String format() {
        return "k6-summary";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String text = head.strip();
        return text.startsWith("{") && text.contains("\"metrics\"") && (text.contains("\"root_group\"")
                || text.contains("\"http_reqs\"") || text.contains("\"iterations\"") || text.contains("\"vus\""));
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        JsonNode root = JsonFiles.read(file);
        JsonNode metrics = root.path("metrics");
        if (!metrics.isObject()) {
            throw new ResultParseException(file, "/metrics", "no metrics object: not a k6 summary");
        }
        List<String> warnings = new ArrayList<>();
        boolean legacy = !root.has("state") && !hasValues(metrics);
        JsonNode reqs = figures(metrics.path("http_reqs"));
        if (reqs.isMissingNode() || reqs.isEmpty()) {
            warnings.add("the summary has no http_reqs metric: the test made no HTTP requests");
        }
        long requests = reqs.path("count").asLong(0);
        double stated = root.path("state").path("testRunDurationMs").asDouble(0) / 1000;
        double duration = stated == 0 && reqs.path("rate").asDouble(0) > 0 ? requests / reqs.path("rate").asDouble() : stated;
        Stats total = stats(requests, figures(metrics.path("http_req_failed")), figures(metrics.path("http_req_duration")),
                duration, figures(metrics.path("data_received")).path("count"), figures(metrics.path("data_sent")).path("count"),
                extraPercentiles, warnings);

        Map<String, JsonNode[]> byName = new LinkedHashMap<>();
        for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            Matcher m = NAME_SUBMETRIC.matcher(name);
            if (m.matches()) {
                JsonNode[] parts = byName.computeIfAbsent(m.group(2), k -> new JsonNode[3]);
                parts[switch (m.group(1)) {
                    case "http_req_duration" -> 0;
                    case "http_reqs" -> 1;
                    default -> 2;
                }] = figures(metrics.get(name));
            }
        }
        List<OperationResult> operations = new ArrayList<>();
        byName.forEach((name, parts) -> {
            long count = parts[1] != null ? parts[1].path("count").asLong(0)
                    : parts[2] != null ? parts[2].path("passes").asLong(0) + parts[2].path("fails").asLong(0) : 0;
            operations.add(new OperationResult(name, stats(count, parts[2], parts[0], duration, null, null, extraPercentiles,
                    new ArrayList<>())));
        });
        if (operations.isEmpty()) {
            warnings.add("the summary has no per-operation figures (k6 keeps them only for the name submetrics that thresholds use)");
        }

        Boolean verdict = null;
        for (JsonNode metric : metrics) {
            JsonNode thresholds = metric.path("thresholds");
            for (Iterator<Map.Entry<String, JsonNode>> it = thresholds.fields(); it.hasNext(); ) {
                JsonNode value = it.next().getValue();
                // handleSummary: {"ok": true}; --summary-export: true when the threshold was crossed.
                boolean ok = value.isObject() ? value.path("ok").asBoolean(true) : !value.asBoolean(false);
                verdict = (verdict == null || verdict) && ok;
            }
        }
        return new RunResult(tool, null, legacy ? "k6-summary-export" : format(), LatencyDefinition.SEND_TO_LAST_BYTE, null,
                duration, total, operations, List.of(), verdict, 0, List.of(), warnings);
    }

    private static boolean hasValues(JsonNode metrics) {
        for (JsonNode metric : metrics) {
            if (metric.has("values")) {
                return true;
            }
        }
        return false;
    }

    /** A metric's figures: {@code values} in handleSummary data, the metric itself in --summary-export. */
    private static JsonNode figures(JsonNode metric) {
        return metric.has("values") ? metric.get("values") : metric;
    }

    private static Stats stats(long requests, JsonNode failed, JsonNode duration, double seconds, JsonNode received,
                               JsonNode sent, Set<Double> extraPercentiles, List<String> warnings) {
        // A Rate metric counts true values as passes: http_req_failed's passes are the failed requests.
        long failures = failed == null ? 0 : failed.path("passes").asLong(0);
        if (failed != null && failed.isObject() && failed.has("passes") && requests == 0) {
            requests = failed.path("passes").asLong(0) + failed.path("fails").asLong(0);
        }
        Latency latency = null;
        Map<Double, Double> extra = new LinkedHashMap<>();
        if (duration != null && duration.has("avg")) {
            latency = new Latency(number(duration, "min"), number(duration, "avg"),
                    duration.has("med") ? number(duration, "med") : number(duration, "p(50)"), number(duration, "p(75)"),
                    number(duration, "p(90)"), number(duration, "p(95)"), number(duration, "p(99)"), number(duration, "max"));
            for (double p : extraPercentiles) {
                Double value = number(duration, "p(" + trim(p) + ")");
                if (value != null) {
                    extra.put(p, value);
                }
            }
        }
        return new Stats(requests, Math.min(failures, requests), Map.of(), latency,
                latency == null ? Stats.PercentileSource.NONE : Stats.PercentileSource.TOOL, extra,
                seconds > 0 ? Math.round(requests / seconds * 1000) / 1000.0 : 0,
                received == null || received.isMissingNode() ? null : received.asLong(),
                sent == null || sent.isMissingNode() ? null : sent.asLong());
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? Math.round(value.asDouble() * 1000) / 1000.0 : null;
    }

    static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
