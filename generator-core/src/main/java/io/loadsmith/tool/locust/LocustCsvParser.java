package io.loadsmith.tool.locust;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.result.CsvRows;
import io.loadsmith.result.FailureKind;
import io.loadsmith.result.Latency;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import io.loadsmith.result.TimeSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locust's {@code --csv PREFIX} files, read together whichever of them the path names:
 * {@code PREFIX_stats.csv} (or Locust 0.x's {@code PREFIX_requests.csv}) for the figures,
 * {@code PREFIX_stats_history.csv} for the start, duration and time series, and
 * {@code PREFIX_failures.csv} for the kinds of failures. Locust gives percentiles already rounded
 * (two significant digits above 100 ms), so they are the tool's.
 */
public final class LocustCsvParser implements ResultParser {
    private static final List<String> SUFFIXES = List.of("_stats_history.csv", "_stats.csv", "_failures.csv",
            "_exceptions.csv", "_requests.csv", "_distribution.csv");
    private static final Pattern STATUS = Pattern.compile("\\b([45]\\d\\d)\\b");
    private static final Pattern CHECKED_STATUS = Pattern.compile(": status (\\d{3}), expected ");
    /** websocket-client's refused handshake: {@code WebSocketBadStatusException('Handshake status 401 Unauthorized ...')}. */
    private static final Pattern HANDSHAKE_STATUS = Pattern.compile("Handshake status (\\d{3})");

    private final LoadTool tool;

    LocustCsvParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String format() {
        return "locust-csv";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String first = head.lines().findFirst().orElse("").replace("\"", "");
        return first.startsWith("Type,Name,") || first.startsWith("Method,Name,") || first.startsWith("Timestamp,User Count,")
                || first.startsWith("Count,Message,Traceback");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        String name = file.getFileName().toString();
        String prefix = null;
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                prefix = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Path stats = prefix == null ? file : first(dir.resolve(prefix + "_stats.csv"), dir.resolve(prefix + "_requests.csv"));
        List<String> warnings = new ArrayList<>();
        if (stats == null) {
            warnings.add(name + " holds no request figures, and no " + prefix + "_stats.csv is beside it");
            return new RunResult(tool, null, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, null, 0,
                    new Stats(0, 0, Map.of(), null, Stats.PercentileSource.NONE, Map.of(), 0, null, null), List.of(), List.of(),
                    null, 0, List.of(), warnings);
        }

        Map<String, Map<String, Long>> failureKinds = new HashMap<>();
        Path failures = prefix == null ? null : dir.resolve(prefix + "_failures.csv");
        if (failures != null && Files.isRegularFile(failures)) {
            CsvRows.forEach(failures, row -> {
                String error = row.getOrDefault("Error", "");
                Matcher status = STATUS.matcher(error);
                Matcher checked = CHECKED_STATUS.matcher(error);
                Matcher handshake = HANDSHAKE_STATUS.matcher(error);
                FailureKind kind = error.contains("HTTPError") && status.find() ? FailureKind.ofStatus(Integer.parseInt(status.group(1)))
                        // Loadsmith's locustfiles fail a wrong status with "NAME: status 404, expected 200": a 4xx, as other tools say.
                        : error.contains("CatchResponseError") && checked.find() ? FailureKind.ofStatus(Integer.parseInt(checked.group(1)))
                        : error.contains("CatchResponseError") && error.contains(LocustViewBuilder.GRAPHQL_ERRORS) ? FailureKind.GRAPHQL
                        : error.contains("CatchResponseError") ? FailureKind.CHECK
                        : error.contains("WebSocketBadStatusException") && handshake.find() ? FailureKind.ofStatus(Integer.parseInt(handshake.group(1)))
                        : FailureKind.ofError(error);
                long occurrences = CsvRows.number(row.get("Occurrences")) == null ? 0 : CsvRows.number(row.get("Occurrences")).longValue();
                failureKinds.computeIfAbsent(row.getOrDefault("Name", ""), k -> new LinkedHashMap<>()).merge(kind.id(), occurrences, Long::sum);
                failureKinds.computeIfAbsent(null, k -> new LinkedHashMap<>()).merge(kind.id(), occurrences, Long::sum);
            }, warnings::add);
        }

        // The history gives the run's start and length; without it, the length is requests over requests/s.
        List<long[]> history = new ArrayList<>();
        Path historyFile = prefix == null ? null : dir.resolve(prefix + "_stats_history.csv");
        if (historyFile != null && Files.isRegularFile(historyFile)) {
            CsvRows.forEach(historyFile, row -> {
                if (!"Aggregated".equals(row.get("Name"))) {
                    return;
                }
                Double time = CsvRows.number(row.get("Timestamp"));
                Double requests = CsvRows.number(row.get("Total Request Count"));
                Double failed = CsvRows.number(row.get("Total Failure Count"));
                Double mean = CsvRows.number(row.get("Total Average Response Time"));
                if (time != null && requests != null) {
                    history.add(new long[] {time.longValue(), requests.longValue(), failed == null ? 0 : failed.longValue(),
                            mean == null ? -1 : Math.round(mean * 1000)});
                }
            }, warnings::add);
        }

        List<OperationResult> operations = new ArrayList<>();
        Stats[] total = new Stats[1];
        double[] rate = new double[1];
        Map<String, Integer> seen = new HashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        CsvRows.forEach(stats, rows::add, warnings::add);
        rows.forEach(row -> seen.merge(CsvRows.get(row, "Name"), 1, Integer::sum));
        for (Map<String, String> row : rows) {
            String operation = CsvRows.get(row, "Name");
            String method = CsvRows.get(row, "Type", "Method");
            boolean aggregate = "Aggregated".equals(operation) || "Total".equals(operation) && (method == null || method.isEmpty()
                    || method.equals("None"));
            if (CsvRows.get(row, "Request Count", "# requests") == null) {
                throw new ResultParseException(stats, null, "no 'Request Count' column: not a Locust stats file");
            }
            if (operation == null) {
                throw new ResultParseException(stats, null, "a row without a Name: a damaged stats file");
            }
            if (aggregate) {
                rate[0] = value(row, "Requests/s");
            }
            if (!aggregate && seen.get(operation) > 1 && method != null) {
                operation = method + " " + operation;
            }
            Stats figures;
            try {
                figures = stats(row, aggregate ? failureKinds.getOrDefault(null, Map.of())
                        : failureKinds.getOrDefault(CsvRows.get(row, "Name"), Map.of()), extraPercentiles);
            } catch (IllegalArgumentException e) { // a negative count or latency: a damaged file
                throw new ResultParseException(stats, "the row of '" + CsvRows.get(row, "Name") + "'", e.getMessage());
            }
            if (aggregate) {
                total[0] = figures;
            } else {
                operations.add(new OperationResult(operation, figures));
            }
        }
        if (total[0] == null) {
            throw new ResultParseException(stats, null, "no Aggregated row: not a Locust stats file, or one cut short");
        }
        Instant start = null;
        double duration;
        List<TimeSlice> slices = new ArrayList<>();
        if (history.size() >= 2) {
            start = Instant.ofEpochSecond(history.get(0)[0]);
            // Locust's requests/s is over the time from the first request to the last; the history may stop early.
            duration = rate[0] > 0 ? total[0].requests() / rate[0] : history.get(history.size() - 1)[0] - history.get(0)[0];
            long[] previous = history.get(0);
            for (long[] point : history.subList(1, history.size())) {
                long requests = point[1] - previous[1];
                slices.add(new TimeSlice(previous[0] - history.get(0)[0], requests, point[2] - previous[2], null, null));
                previous = point;
            }
        } else {
            duration = rate[0] > 0 ? total[0].requests() / rate[0] : 0;
        }
        Stats whole = withThroughput(total[0], duration);
        List<OperationResult> withRates = operations.stream()
                .map(o -> new OperationResult(o.name(), withThroughput(o.stats(), duration))).toList();
        return new RunResult(tool, null, stats.getFileName().toString().endsWith("_requests.csv") ? "locust-csv-0.x" : format(),
                LatencyDefinition.CONNECT_TO_LAST_BYTE, start, duration, whole, withRates, List.of(), null,
                slices.isEmpty() ? 0 : 1, slices, warnings);
    }

    private static Path first(Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Stats stats(Map<String, String> row, Map<String, Long> kinds, Set<Double> extraPercentiles) {
        long requests = (long) value(row, "Request Count", "# requests");
        long failures = (long) value(row, "Failure Count", "# failures");
        Double min = CsvRows.number(CsvRows.get(row, "Min Response Time", "Min response time"));
        Latency latency = requests == 0 || min == null ? null : new Latency(round(min),
                round(CsvRows.number(CsvRows.get(row, "Average Response Time", "Average response time"))),
                round(CsvRows.number(CsvRows.get(row, "50%", "Median Response Time", "Median response time"))),
                round(CsvRows.number(row.get("75%"))), round(CsvRows.number(row.get("90%"))),
                round(CsvRows.number(row.get("95%"))), round(CsvRows.number(row.get("99%"))),
                round(CsvRows.number(CsvRows.get(row, "Max Response Time", "Max response time"))));
        Map<Double, Double> extra = new LinkedHashMap<>();
        for (double p : extraPercentiles) {
            Double value = CsvRows.number(row.get(trim(p) + "%"));
            if (value != null) {
                extra.put(p, value);
            }
        }
        Double size = CsvRows.number(CsvRows.get(row, "Average Content Size"));
        long known = kinds.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byKind = new LinkedHashMap<>(kinds);
        if (failures > known) {
            byKind.merge(FailureKind.OTHER.id(), failures - known, Long::sum);
        }
        return new Stats(requests, Math.min(failures, requests), failures == 0 ? Map.of() : byKind, latency,
                latency == null ? Stats.PercentileSource.NONE : Stats.PercentileSource.TOOL, extra, 0,
                size == null ? null : Math.round(size * requests), null);
    }

    private static Stats withThroughput(Stats stats, double duration) {
        return new Stats(stats.requests(), stats.failures(), stats.failuresByKind(), stats.latencyMs(), stats.percentiles(),
                stats.extraPercentiles(), duration > 0 ? Math.round(stats.requests() / duration * 1000) / 1000.0 : 0,
                stats.bytesReceived(), stats.bytesSent());
    }

    private static double value(Map<String, String> row, String... names) {
        Double value = CsvRows.number(CsvRows.get(row, names));
        return value == null ? 0 : value;
    }

    private static Double round(Double ms) {
        return ms == null ? null : Math.round(ms * 1000) / 1000.0;
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
