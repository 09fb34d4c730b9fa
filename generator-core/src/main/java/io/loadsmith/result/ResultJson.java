package io.loadsmith.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * result.json: the normalized result as a documented public format, described by the JSON Schema
 * {@code result.schema.json} beside this class. Fields are never renamed or removed within
 * {@code schemaVersion} 1; new ones may be added.
 */
public final class ResultJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {}

    public static String write(RunResult result) {
        try {
            return JSON.writeValueAsString(tree(result)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(RunResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", result.tool().id());
        root.put("toolVersion", result.toolVersion());
        root.put("format", result.format());
        root.put("latencyDefinition", result.latencyDefinition().id());
        root.put("latencyDescription", result.latencyDefinition().description());
        root.put("start", result.start() == null ? null : result.start().toString());
        root.put("durationSeconds", result.durationSeconds());
        root.set("total", stats(result.total()));
        ArrayNode operations = root.putArray("operations");
        for (OperationResult operation : result.operations()) {
            ObjectNode node = operations.addObject();
            node.put("name", operation.name());
            node.setAll(stats(operation.stats()));
        }
        ArrayNode thresholds = root.putArray("thresholds");
        for (ThresholdResult threshold : result.thresholds()) {
            ObjectNode node = thresholds.addObject();
            node.put("expression", threshold.expression());
            node.put("scope", threshold.scope());
            node.put("measured", threshold.measured());
            node.put("passed", threshold.passed());
            if (threshold.note() != null) {
                node.put("note", threshold.note());
            }
        }
        root.put("passed", result.passed());
        if (result.toolVerdict() == null) {
            root.putNull("toolVerdict");
        } else {
            root.put("toolVerdict", result.toolVerdict());
        }
        ObjectNode series = root.putObject("timeSeries");
        series.put("intervalSeconds", result.intervalSeconds());
        ArrayNode slices = series.putArray("slices");
        for (TimeSlice slice : result.timeSeries()) {
            ObjectNode node = slices.addObject();
            node.put("offsetSeconds", slice.offsetSeconds());
            node.put("requests", slice.requests());
            node.put("failures", slice.failures());
            node.put("meanLatencyMs", slice.meanLatencyMs());
            node.put("maxLatencyMs", slice.maxLatencyMs());
            if (slice.p50LatencyMs() != null) {
                node.put("p50LatencyMs", slice.p50LatencyMs());
                node.put("p95LatencyMs", slice.p95LatencyMs());
                node.put("p99LatencyMs", slice.p99LatencyMs());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        if (result.generator() != null) {
            root.set("generator", generator(result.generator()));
        }
        if (!result.workers().isEmpty()) {
            ArrayNode workers = root.putArray("workers");
            for (RunResult.Worker worker : result.workers()) {
                ObjectNode node = workers.addObject();
                node.put("name", worker.name());
                node.put("requests", worker.requests());
                node.put("failures", worker.failures());
                node.put("cpuSeconds", worker.cpuSeconds());
            }
        }
        return root;
    }

    /** At most 600 samples: a longer run's seconds are averaged in groups (memory: the group's highest). */
    private static ObjectNode generator(GeneratorHealth health) {
        ObjectNode node = JSON.createObjectNode();
        node.put("cores", health.cores());
        node.put("capacityCores", health.capacity());
        node.put("saturated", health.saturated());
        node.put("saturatedShare", Math.round(health.saturatedShare() * 1000) / 1000.0);
        ArrayNode samples = node.putArray("samples");
        List<GeneratorHealth.Sample> all = health.samples();
        int group = Math.max(1, (all.size() + 599) / 600);
        for (int i = 0; i < all.size(); i += group) {
            List<GeneratorHealth.Sample> part = all.subList(i, Math.min(all.size(), i + group));
            ObjectNode sample = samples.addObject();
            sample.put("offsetSeconds", Math.round(part.get(0).offsetSeconds() * 10) / 10.0);
            sample.put("cpuCores", Math.round(part.stream().mapToDouble(GeneratorHealth.Sample::cpuCores).average().orElse(0) * 1000)
                    / 1000.0);
            List<Double> machine = part.stream().map(GeneratorHealth.Sample::machineCpu).filter(java.util.Objects::nonNull).toList();
            if (machine.isEmpty()) {
                sample.putNull("machineCpu");
            } else {
                sample.put("machineCpu", Math.round(machine.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 1000)
                        / 1000.0);
            }
            sample.put("rssMb", Math.round(part.stream().mapToLong(GeneratorHealth.Sample::rssBytes).max().orElse(0) / 1e5) / 10.0);
        }
        return node;
    }

    private static ObjectNode stats(Stats stats) {
        ObjectNode node = JSON.createObjectNode();
        node.put("requests", stats.requests());
        node.put("failures", stats.failures());
        node.put("errorRate", Math.round(stats.errorRate() * 1_000_000) / 1_000_000.0);
        ObjectNode kinds = node.putObject("failuresByKind");
        stats.failuresByKind().forEach(kinds::put);
        Latency latency = stats.latencyMs();
        if (latency == null) {
            node.putNull("latencyMs");
        } else {
            ObjectNode l = node.putObject("latencyMs");
            l.put("min", latency.min());
            l.put("mean", latency.mean());
            l.put("p50", latency.p50());
            l.put("p75", latency.p75());
            l.put("p90", latency.p90());
            l.put("p95", latency.p95());
            l.put("p99", latency.p99());
            l.put("max", latency.max());
            for (Map.Entry<Double, Double> extra : stats.extraPercentiles().entrySet()) {
                l.put("p" + trim(extra.getKey()), extra.getValue());
            }
        }
        node.put("percentiles", stats.percentiles().name().toLowerCase(java.util.Locale.ROOT));
        node.put("throughputPerSecond", stats.throughputPerSecond());
        node.put("bytesReceived", stats.bytesReceived());
        node.put("bytesSent", stats.bytesSent());
        if (stats.distribution() != null) {
            ObjectNode histogram = node.putObject("histogram");
            histogram.put("encoding", LatencyDistribution.ENCODING);
            histogram.put("unitsPerMs", stats.distribution().unitsPerMs());
            histogram.put("data", stats.distribution().encoded());
        }
        return node;
    }

    static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
