package io.loadsmith.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code result.json} back (one written by {@code loadsmith run} or {@code report --json}),
 * with its thresholds and verdict. Figures are taken as written; a percentile the file does not
 * give comes from its latency histogram when it has one. Any place that does not hold what the
 * schema says is an error naming its JSON pointer.
 */
final class ResultJsonReader {
    private static final java.util.regex.Pattern EXTRA_PERCENTILE = java.util.regex.Pattern.compile("p\\d+(\\.\\d+)?");
    private static final Set<String> STANDARD = Set.of("p50", "p75", "p90", "p95", "p99");

    private final Path file;

    private ResultJsonReader(Path file) {
        this.file = file;
    }

    /** Whether a file's first characters are those of a result.json. */
    static boolean accepts(String head) {
        String text = head.stripLeading();
        return text.startsWith("{") && text.contains("\"schemaVersion\"") && text.contains("\"latencyDefinition\"");
    }

    /**
     * @param expected null, or the tool the result must come from
     * @param extraPercentiles percentiles to give beyond those in the file, from its histograms
     */
    static RunResult read(Path file, LoadTool expected, Set<Double> extraPercentiles) {
        return new ResultJsonReader(file).read(JsonFiles.read(file), expected, extraPercentiles);
    }

    private RunResult read(JsonNode root, LoadTool expected, Set<Double> extraPercentiles) {
        object(root, "");
        long version = integer(root, "/schemaVersion");
        if (version != ResultJson.SCHEMA_VERSION) {
            throw error("/schemaVersion", "schema version " + version + ", this Loadsmith reads version "
                    + ResultJson.SCHEMA_VERSION);
        }
        LoadTool tool;
        try {
            tool = LoadTools.byId(text(root, "/tool"));
        } catch (IllegalArgumentException e) {
            throw error("/tool", e.getMessage());
        }
        if (expected != null && !expected.equals(tool)) {
            throw error("/tool", "a result of " + tool.id() + ", not of " + expected.id());
        }
        LatencyDefinition definition;
        try {
            definition = LatencyDefinition.fromId(text(root, "/latencyDefinition"));
        } catch (IllegalArgumentException e) {
            throw error("/latencyDefinition", e.getMessage());
        }
        Instant start = null;
        if (!root.path("start").isNull()) {
            try {
                start = Instant.parse(text(root, "/start"));
            } catch (DateTimeParseException e) {
                throw error("/start", "not a date-time: " + root.path("start").asText());
            }
        }
        Stats total = stats(root.get("total"), "/total", extraPercentiles);
        List<OperationResult> operations = new ArrayList<>();
        JsonNode ops = array(root, "/operations");
        for (int i = 0; i < ops.size(); i++) {
            String at = "/operations/" + i;
            operations.add(new OperationResult(text(ops.get(i), at + "/name"), stats(ops.get(i), at, extraPercentiles)));
        }
        List<ThresholdResult> thresholds = new ArrayList<>();
        JsonNode judged = array(root, "/thresholds");
        for (int i = 0; i < judged.size(); i++) {
            String at = "/thresholds/" + i;
            JsonNode node = object(judged.get(i), at);
            thresholds.add(new ThresholdResult(text(node, at + "/expression"), text(node, at + "/scope"),
                    optionalNumber(node, at + "/measured"), bool(node, at + "/passed"),
                    node.hasNonNull("note") ? text(node, at + "/note") : null));
        }
        Boolean toolVerdict = root.path("toolVerdict").isNull() || root.path("toolVerdict").isMissingNode()
                ? null : bool(root, "/toolVerdict");
        JsonNode series = object(root.get("timeSeries"), "/timeSeries");
        List<TimeSlice> slices = new ArrayList<>();
        JsonNode items = array(series, "/timeSeries/slices");
        for (int i = 0; i < items.size(); i++) {
            String at = "/timeSeries/slices/" + i;
            JsonNode slice = object(items.get(i), at);
            slices.add(new TimeSlice(integer(slice, at + "/offsetSeconds"), integer(slice, at + "/requests"),
                    integer(slice, at + "/failures"), optionalNumber(slice, at + "/meanLatencyMs"),
                    optionalNumber(slice, at + "/maxLatencyMs"), optionalNumber(slice, at + "/p50LatencyMs"),
                    optionalNumber(slice, at + "/p95LatencyMs"), optionalNumber(slice, at + "/p99LatencyMs")));
        }
        List<String> warnings = new ArrayList<>();
        JsonNode notes = array(root, "/warnings");
        for (int i = 0; i < notes.size(); i++) {
            warnings.add(text(notes, "/warnings/" + i));
        }
        List<RunResult.Worker> workers = new ArrayList<>();
        if (root.has("workers")) {
            JsonNode list = array(root, "/workers");
            for (int i = 0; i < list.size(); i++) {
                String at = "/workers/" + i;
                JsonNode worker = object(list.get(i), at);
                workers.add(new RunResult.Worker(text(worker, at + "/name"), optionalInteger(worker, at + "/requests"),
                        optionalInteger(worker, at + "/failures"), optionalNumber(worker, at + "/cpuSeconds")));
            }
        }
        GeneratorHealth generator = null;
        if (root.hasNonNull("generator")) {
            JsonNode node = object(root.get("generator"), "/generator");
            List<GeneratorHealth.Sample> samples = new ArrayList<>();
            JsonNode list = array(node, "/generator/samples");
            for (int i = 0; i < list.size(); i++) {
                String at = "/generator/samples/" + i;
                JsonNode sample = object(list.get(i), at);
                samples.add(new GeneratorHealth.Sample(number(sample, at + "/offsetSeconds"), number(sample, at + "/cpuCores"),
                        optionalNumber(sample, at + "/machineCpu"), Math.round(number(sample, at + "/rssMb") * 1e6)));
            }
            try {
                generator = new GeneratorHealth((int) integer(node, "/generator/cores"), number(node, "/generator/capacityCores"),
                        samples);
            } catch (IllegalArgumentException e) {
                throw error("/generator", e.getMessage());
            }
        }
        try {
            return new RunResult(tool, root.path("toolVersion").isTextual() ? root.get("toolVersion").asText() : null,
                    text(root, "/format"), definition, start, number(root, "/durationSeconds"), total, operations,
                    thresholds, toolVerdict, integer(series, "/timeSeries/intervalSeconds"), slices, warnings, workers, generator);
        } catch (IllegalArgumentException e) {
            throw error("", e.getMessage());
        }
    }

    private Stats stats(JsonNode node, String at, Set<Double> extraPercentiles) {
        object(node, at);
        long requests = integer(node, at + "/requests");
        long failures = integer(node, at + "/failures");
        Map<String, Long> kinds = new LinkedHashMap<>();
        JsonNode byKind = object(node.get("failuresByKind"), at + "/failuresByKind");
        for (Iterator<String> names = byKind.fieldNames(); names.hasNext(); ) {
            String kind = names.next();
            kinds.put(kind, integer(byKind, at + "/failuresByKind/" + pointerToken(kind)));
        }
        Stats.PercentileSource source;
        try {
            source = Stats.PercentileSource.valueOf(text(node, at + "/percentiles").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(at + "/percentiles", "one of exact, tool, none, not " + node.get("percentiles").asText());
        }
        LatencyDistribution distribution = null;
        if (node.hasNonNull("histogram")) {
            String where = at + "/histogram";
            JsonNode histogram = object(node.get("histogram"), where);
            String encoding = text(histogram, where + "/encoding");
            if (!encoding.equals(LatencyDistribution.ENCODING)) {
                throw error(where + "/encoding", "unknown encoding " + encoding + " (expected " + LatencyDistribution.ENCODING + ")");
            }
            try {
                distribution = LatencyDistribution.decode(text(histogram, where + "/data"), number(histogram, where + "/unitsPerMs"));
            } catch (IllegalArgumentException e) {
                throw error(where + "/data", e.getMessage());
            }
        }
        Latency latency = null;
        Map<Double, Double> extra = new LinkedHashMap<>();
        if (!node.path("latencyMs").isNull()) {
            String where = at + "/latencyMs";
            JsonNode l = object(node.get("latencyMs"), where);
            try {
                latency = new Latency(optionalNumber(l, where + "/min"), optionalNumber(l, where + "/mean"),
                        optionalNumber(l, where + "/p50"), optionalNumber(l, where + "/p75"), optionalNumber(l, where + "/p90"),
                        optionalNumber(l, where + "/p95"), optionalNumber(l, where + "/p99"), optionalNumber(l, where + "/max"));
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
            for (Iterator<String> names = l.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (EXTRA_PERCENTILE.matcher(name).matches() && !STANDARD.contains(name)) {
                    extra.put(Double.parseDouble(name.substring(1)), optionalNumber(l, where + "/" + name));
                }
            }
            for (double p : extraPercentiles) {
                if (!extra.containsKey(p) && distribution != null) {
                    double value = distribution.percentileMs(p);
                    extra.put(p, latency.min() == null || latency.max() == null ? value
                            : Math.min(latency.max(), Math.max(latency.min(), value)));
                }
            }
        }
        try {
            return new Stats(requests, failures, kinds, latency, source, extra, number(node, at + "/throughputPerSecond"),
                    optionalInteger(node, at + "/bytesReceived"), optionalInteger(node, at + "/bytesSent"), distribution);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode at(JsonNode root, String pointer) {
        return pointer.isEmpty() ? root : root.path(pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/").replace("~0", "~"));
    }

    private JsonNode object(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw error(pointer, "expected an object");
        }
        return node;
    }

    private JsonNode array(JsonNode parent, String pointer) {
        JsonNode node = at(parent, pointer);
        if (!node.isArray()) {
            throw error(pointer, "expected an array");
        }
        return node;
    }

    private String text(JsonNode parent, String pointer) {
        JsonNode node = parent.isArray() ? parent.path(Integer.parseInt(pointer.substring(pointer.lastIndexOf('/') + 1)))
                : at(parent, pointer);
        if (!node.isTextual()) {
            throw error(pointer, "expected a string");
        }
        return node.asText();
    }

    private long integer(JsonNode parent, String pointer) {
        JsonNode node = at(parent, pointer);
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw error(pointer, "expected a whole number >= 0");
        }
        return node.asLong();
    }

    private Long optionalInteger(JsonNode parent, String pointer) {
        return absent(parent, pointer) ? null : integer(parent, pointer);
    }

    /** Whether a place holds null or nothing. */
    private static boolean absent(JsonNode parent, String pointer) {
        JsonNode node = at(parent, pointer);
        return node.isNull() || node.isMissingNode();
    }

    private double number(JsonNode parent, String pointer) {
        JsonNode node = at(parent, pointer);
        if (!node.isNumber()) {
            throw error(pointer, "expected a number");
        }
        return node.asDouble();
    }

    private Double optionalNumber(JsonNode parent, String pointer) {
        return absent(parent, pointer) ? null : number(parent, pointer);
    }

    private boolean bool(JsonNode parent, String pointer) {
        JsonNode node = at(parent, pointer);
        if (!node.isBoolean()) {
            throw error(pointer, "expected true or false");
        }
        return node.asBoolean();
    }

    private ResultParseException error(String pointer, String message) {
        return new ResultParseException(file, pointer.isEmpty() ? "/" : pointer, message);
    }
}
