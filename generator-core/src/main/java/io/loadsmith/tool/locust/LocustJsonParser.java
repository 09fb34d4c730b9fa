package io.loadsmith.tool.locust;

import io.loadsmith.tool.LoadTool;
import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.result.FailureKind;
import io.loadsmith.result.JsonFiles;
import io.loadsmith.result.Latency;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Locust's {@code --json} output (Locust 2.16 and later): per request name, its counts and its
 * response-time histogram, {@code {"rounded ms": count}}. Percentiles come from that histogram,
 * so they carry Locust's rounding (two significant digits above 100 ms).
 */
public final class LocustJsonParser implements ResultParser {

    private final LoadTool tool;

    LocustJsonParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String format() {
        return "locust-json";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String text = head.strip();
        return text.startsWith("[") && text.contains("\"num_requests\"") && text.contains("\"response_times\"");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isArray()) {
            throw new ResultParseException(file, "/", "not a JSON array of request statistics");
        }
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, 1000);
        for (JsonNode entry : root) {
            String name = entry.path("name").asText("");
            long requests = entry.path("num_requests").asLong(0);
            long failures = entry.path("num_failures").asLong(0);
            double start = entry.path("start_time").asDouble(0);
            double last = entry.path("last_request_timestamp").asDouble(start);
            ResultBuilder.Recorder operation = builder.operation(name);
            long recorded = 0;
            long bytesEach = requests == 0 ? -1 : entry.path("total_content_length").asLong(0) / requests;
            // Each histogram bucket is as many requests of that (rounded) response time.
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("response_times").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> bucket = it.next();
                long micros = Math.round(Double.parseDouble(bucket.getKey()) * 1000);
                for (long i = 0; i < bucket.getValue().asLong(); i++, recorded++) {
                    builder.record(operation, (long) ((recorded == 0 ? start : last) * 1000), micros,
                            recorded < failures ? FailureKind.OTHER : null, bytesEach, -1);
                }
            }
            for (; recorded < requests; recorded++) {
                builder.record(operation, (long) (start * 1000), -1, recorded < failures ? FailureKind.OTHER : null,
                        bytesEach, -1);
            }
        }
        builder.warn("Locust's JSON keeps response times rounded and no failure reasons: percentiles are Locust's rounded "
                + "ones, and which requests failed is not known (failures are counted per name)");
        RunResult result = builder.build(extraPercentiles);
        // The mean from Locust's own sum, not from the rounded histogram.
        Map<String, double[]> sums = new HashMap<>();
        double[] all = new double[2];
        for (JsonNode entry : root) {
            double[] sum = sums.computeIfAbsent(entry.path("name").asText(""), k -> new double[2]);
            sum[0] += entry.path("total_response_time").asDouble(0);
            sum[1] += entry.path("num_requests").asLong(0);
            all[0] += entry.path("total_response_time").asDouble(0);
            all[1] += entry.path("num_requests").asLong(0);
        }
        List<OperationResult> operations = result.operations().stream()
                .map(o -> new OperationResult(o.name(), withMean(o.stats(), sums.get(o.name())))).toList();
        return new RunResult(result.tool(), result.toolVersion(), result.format(), result.latencyDefinition(), result.start(),
                result.durationSeconds(), withMean(result.total(), all), operations, result.thresholds(), result.toolVerdict(),
                result.intervalSeconds(), result.timeSeries(), result.warnings());
    }

    private static Stats withMean(Stats stats, double[] sum) {
        Latency l = stats.latencyMs();
        if (l == null || sum == null || sum[1] == 0) {
            return stats;
        }
        Latency exact = new Latency(l.min(), Math.round(sum[0] / sum[1] * 1000) / 1000.0,
                l.p50(), l.p75(), l.p90(), l.p95(), l.p99(), l.max());
        return new Stats(stats.requests(), stats.failures(), stats.failuresByKind(), exact, stats.percentiles(),
                stats.extraPercentiles(), stats.throughputPerSecond(), stats.bytesReceived(), stats.bytesSent());
    }
}
