package io.loadsmith.tool.artillery;

import io.loadsmith.tool.LoadTool;
import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.result.FailureKind;
import io.loadsmith.result.JsonFiles;
import io.loadsmith.result.Latency;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import io.loadsmith.result.TimeSlice;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Artillery's {@code --output} JSON report: version 2's {@code counters}/{@code summaries} (with
 * the metrics-by-endpoint plugin's per-request figures) and version 1's {@code latency}/{@code codes}.
 * Artillery does not count a response with a 4xx or 5xx status as an error; here, as in the other
 * tools' defaults, it is a failure, and so is a request that got no response. Percentiles are
 * Artillery's own.
 */
public final class ArtilleryJsonParser implements ResultParser {
    /** The counters of Artillery's expect plugin, by kind of expectation: {@code plugins.expect.failed.statusCode}. */
    private static final String EXPECT_FAILED = "plugins.expect.failed.";
    private static final String ENDPOINT = "plugins.metrics-by-endpoint.";
    private static final Pattern ENDPOINT_COUNTER = Pattern.compile("^plugins\\.metrics-by-endpoint\\.(.*)\\.(codes|errors)\\.([^.]+)$");
    /** The metrics of the WebSocket sessions of Loadsmith's processor.js, named like the metrics-by-endpoint plugin's. */
    private static final String WEB_SOCKET = "loadsmith.ws.";
    private static final Pattern WEB_SOCKET_COUNTER = Pattern.compile("^loadsmith\\.ws\\.(.*)\\.(codes|errors)\\.([^.]+)$");

    private final LoadTool tool;

    ArtilleryJsonParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String format() {
        return "artillery-json";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String text = head.strip();
        return text.startsWith("{") && text.contains("\"aggregate\"");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        JsonNode root = JsonFiles.read(file);
        JsonNode aggregate = root.path("aggregate");
        if (!aggregate.isObject()) {
            throw new ResultParseException(file, "/aggregate", "no aggregate object: not an Artillery report");
        }
        try {
            return aggregate.has("counters") ? version2(root, aggregate, extraPercentiles) : version1(aggregate);
        } catch (IllegalArgumentException e) { // figures no run can have: a negative or infinite latency, a damaged file
            throw new ResultParseException(file, "/aggregate", e.getMessage());
        }
    }

    private RunResult version2(JsonNode root, JsonNode aggregate, Set<Double> extraPercentiles) {
        List<String> warnings = new ArrayList<>();
        JsonNode counters = aggregate.path("counters");
        long requests = counters.path("http.requests").asLong(0);
        long responses = counters.path("http.responses").asLong(0);
        Map<String, Long> kinds = new LinkedHashMap<>();
        long failures = 0;
        Map<String, long[]> endpoints = new LinkedHashMap<>();
        Map<String, Map<String, Long>> endpointKinds = new LinkedHashMap<>();
        long noResponse = Math.max(0, requests - responses);
        long errorsCounted = 0;
        Set<String> webSocketNames = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> counter = it.next();
            String name = counter.getKey();
            long value = counter.getValue().asLong(0);
            if (name.startsWith("http.codes.")) {
                int status = parseInt(name.substring("http.codes.".length()));
                if (status >= 400) {
                    failures += value;
                    kinds.merge(FailureKind.ofStatus(status).id(), value, Long::sum);
                }
            } else if (name.startsWith("errors.") && errorsCounted < noResponse) {
                long counted = Math.min(value, noResponse - errorsCounted);
                errorsCounted += counted;
                kinds.merge(FailureKind.ofError(name.substring("errors.".length())).id(), counted, Long::sum);
            }
            Matcher endpoint = ENDPOINT_COUNTER.matcher(name);
            Matcher webSocket = WEB_SOCKET_COUNTER.matcher(name);
            if (webSocket.matches()) {
                // A WebSocket handshake or expected message: an operation, and a request of the run.
                endpoint = webSocket;
                webSocketNames.add(webSocket.group(1));
                requests += value;
                if (webSocket.group(2).equals("errors") || parseInt(webSocket.group(3)) >= 400) {
                    FailureKind kind = webSocket.group(2).equals("errors") ? FailureKind.ofError(webSocket.group(3))
                            : FailureKind.ofStatus(parseInt(webSocket.group(3)));
                    failures += value;
                    kinds.merge(kind.id(), value, Long::sum);
                }
            }
            if (endpoint.matches()) {
                long[] figures = endpoints.computeIfAbsent(endpoint.group(1), k -> new long[2]);
                figures[0] += value;
                FailureKind kind = null;
                if (endpoint.group(2).equals("errors")) {
                    kind = FailureKind.ofError(endpoint.group(3));
                } else if (parseInt(endpoint.group(3)) >= 400) {
                    kind = FailureKind.ofStatus(parseInt(endpoint.group(3)));
                }
                if (kind != null) {
                    figures[1] += value;
                    endpointKinds.computeIfAbsent(endpoint.group(1), k -> new LinkedHashMap<>()).merge(kind.id(), value, Long::sum);
                }
            }
        }
        if (noResponse > errorsCounted) {
            kinds.merge(FailureKind.OTHER.id(), noResponse - errorsCounted, Long::sum);
        }
        failures += noResponse;
        long first = aggregate.path("firstMetricAt").asLong(0);
        long last = aggregate.path("lastMetricAt").asLong(0);
        double duration = first > 0 && last >= first ? (last - first) / 1000.0 : 0;
        JsonNode summaries = aggregate.path("summaries");
        Stats total = stats(requests, failures, kinds, summaries.path("http.response_time"), duration,
                counters.has("http.downloaded_bytes") ? counters.path("http.downloaded_bytes").asLong() : null, extraPercentiles);
        List<OperationResult> operations = new ArrayList<>();
        endpoints.forEach((name, figures) -> operations.add(new OperationResult(name, stats(figures[0], figures[1],
                endpointKinds.getOrDefault(name, Map.of()), summaries.path((webSocketNames.contains(name) && !summaries.has(ENDPOINT
                        + "response_time." + name) ? WEB_SOCKET : ENDPOINT) + "response_time." + name), duration, null, extraPercentiles))));
        if (!webSocketNames.isEmpty()) {
            warnings.add("the run's latency figures are its HTTP requests': Artillery summarizes each WebSocket figure apart"
                    + " (see the operations)");
        }
        if (operations.isEmpty() && requests > 0) {
            warnings.add("no per-request figures: turn on the metrics-by-endpoint plugin");
        }
        // The expect plugin counts failed expectations by kind only, not by request: they cannot be failures of an operation.
        List<String> expectations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> counter = it.next();
            if (counter.getKey().startsWith(EXPECT_FAILED) && counter.getValue().asLong(0) > 0) {
                expectations.add(counter.getValue().asLong(0) + " " + counter.getKey().substring(EXPECT_FAILED.length())
                        + (counter.getKey().endsWith("notHasProperty") ? " (a GraphQL response with errors, where the script checks for them)" : ""));
            }
        }
        if (!expectations.isEmpty()) {
            warnings.add("expectations failed: " + String.join(", ", expectations) + "; Artillery does not tell which requests they "
                    + "belong to, so they are not counted as failures");
        }
        List<TimeSlice> slices = new ArrayList<>();
        long interval = 0;
        JsonNode intermediate = root.path("intermediate");
        long firstPeriod = intermediate.path(0).path("period").asLong(0);
        for (JsonNode window : intermediate) {
            long period = window.path("period").asLong(0);
            if (slices.size() == 1) {
                interval = (period - firstPeriod) / 1000;
            }
            JsonNode c = window.path("counters");
            long windowFailures = Math.max(0, c.path("http.requests").asLong(0) - c.path("http.responses").asLong(0));
            for (Iterator<String> names = c.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("http.codes.") && parseInt(name.substring("http.codes.".length())) >= 400) {
                    windowFailures += c.path(name).asLong(0);
                }
            }
            JsonNode latency = window.path("summaries").path("http.response_time");
            slices.add(new TimeSlice((period - firstPeriod) / 1000, c.path("http.requests").asLong(0), windowFailures,
                    latency.has("mean") ? latency.get("mean").asDouble() : null,
                    latency.has("max") ? latency.get("max").asDouble() : null));
        }
        return new RunResult(tool, null, format(), LatencyDefinition.TIME_TO_FIRST_BYTE,
                first > 0 ? Instant.ofEpochMilli(first) : null, duration, total, operations, List.of(), null,
                interval == 0 && !slices.isEmpty() ? 10 : interval, slices, warnings);
    }

    private RunResult version1(JsonNode aggregate) {
        long completed = aggregate.path("requestsCompleted").asLong(0);
        long noResponse = 0;
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = aggregate.path("errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> error = it.next();
            noResponse += error.getValue().asLong(0);
            kinds.merge(FailureKind.ofError(error.getKey()).id(), error.getValue().asLong(0), Long::sum);
        }
        long failures = noResponse;
        for (Iterator<Map.Entry<String, JsonNode>> it = aggregate.path("codes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> code = it.next();
            int status = parseInt(code.getKey());
            if (status >= 400) {
                failures += code.getValue().asLong(0);
                kinds.merge(FailureKind.ofStatus(status).id(), code.getValue().asLong(0), Long::sum);
            }
        }
        long requests = completed + noResponse;
        double rate = aggregate.path("rps").path("mean").asDouble(0);
        double duration = rate > 0 ? requests / rate : 0;
        JsonNode latency = aggregate.path("latency");
        Stats total = new Stats(requests, failures, kinds, latency.has("median") ? new Latency(number(latency, "min"), null,
                number(latency, "median"), null, null, number(latency, "p95"), number(latency, "p99"), number(latency, "max")) : null,
                latency.has("median") ? Stats.PercentileSource.TOOL : Stats.PercentileSource.NONE, Map.of(), round(rate), null, null);
        Instant start = null;
        if (aggregate.hasNonNull("timestamp")) {
            try {
                start = Instant.parse(aggregate.get("timestamp").asText());
            } catch (java.time.format.DateTimeParseException e) {
                start = null;
            }
        }
        return new RunResult(tool, "1.x", "artillery-json-v1", LatencyDefinition.TIME_TO_FIRST_BYTE, start, duration,
                total, List.of(), List.of(), null, 0, List.of(),
                List.of("an Artillery 1 report: no per-request figures and no mean latency"));
    }

    private static Stats stats(long requests, long failures, Map<String, Long> kinds, JsonNode summary, double duration,
                               Long received, Set<Double> extraPercentiles) {
        Latency latency = null;
        Map<Double, Double> extra = new LinkedHashMap<>();
        if (summary.has("count") && summary.path("count").asLong() > 0) {
            latency = new Latency(number(summary, "min"), number(summary, "mean"),
                    summary.has("p50") ? number(summary, "p50") : number(summary, "median"), number(summary, "p75"),
                    number(summary, "p90"), number(summary, "p95"), number(summary, "p99"), number(summary, "max"));
            for (double p : extraPercentiles) {
                String key = "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p).replace(".", ""));
                if (summary.has(key)) {
                    extra.put(p, number(summary, key));
                }
            }
        }
        return new Stats(requests, Math.min(failures, requests), kinds, latency,
                latency == null ? Stats.PercentileSource.NONE : Stats.PercentileSource.TOOL, extra,
                duration > 0 ? round(requests / duration) : 0, received, null);
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
