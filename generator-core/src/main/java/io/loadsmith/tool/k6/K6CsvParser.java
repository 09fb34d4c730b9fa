package io.loadsmith.tool.k6;

import io.loadsmith.result.CsvRows;
import io.loadsmith.result.FailureKind;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTool;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * k6's {@code --out csv} stream: one row per metric value. As with the JSON stream, each
 * {@code http_req_duration} row is a request. Its timestamp is in whole seconds, so the run's start
 * and length are known to the second only.
 */
public final class K6CsvParser implements ResultParser {
    private final LoadTool tool;

    K6CsvParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String format() {
        return "k6-csv";
    }

    @Override
    public boolean accepts(Path file, String head) {
        return head.startsWith("metric_name,timestamp,metric_value");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.SEND_TO_LAST_BYTE, 1000);
        long[] bytes = {0, 0};
        boolean[] known = {false, false};
        CsvRows.forEach(file, row -> {
            String metric = row.get("metric_name");
            Double value = CsvRows.number(row.get("metric_value"));
            if (value == null || metric == null) {
                return;
            }
            switch (metric) {
                case "http_req_duration" -> {
                    String name = row.get("name") != null && !row.get("name").isEmpty() ? row.get("name")
                            : Objects.requireNonNullElse(row.get("url"), ""); // a short row holds nulls
                    FailureKind failure = "false".equals(row.get("expected_response"))
                            ? K6Failures.kind(K6Failures.parseInt(row.get("status")), K6Failures.parseInt(row.get("error_code"))) : null;
                    Double seconds = CsvRows.number(row.get("timestamp"));
                    builder.record(builder.operation(name), seconds == null ? Long.MIN_VALUE : (long) (seconds * 1000),
                            Math.round(value * 1000), failure, -1, -1);
                }
                case "data_received" -> {
                    bytes[0] += value.longValue();
                    known[0] = true;
                }
                case "data_sent" -> {
                    bytes[1] += value.longValue();
                    known[1] = true;
                }
                default -> { }
            }
        }, builder::warn);
        RunResult result = builder.build(extraPercentiles);
        return result.withTotal(result.total().withBytes(known[0] ? bytes[0] : null, known[1] ? bytes[1] : null));
    }
}
