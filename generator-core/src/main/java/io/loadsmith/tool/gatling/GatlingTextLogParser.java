package io.loadsmith.tool.gatling;

import io.loadsmith.result.FailureKind;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gatling's text {@code simulation.log}, written up to 3.12: one tab-separated record a line. A
 * {@code REQUEST} record is one request, {@code REQUEST groups name start end OK|KO [message]}
 * (up to 3.3 with the user's id after {@code REQUEST}); Gatling 1's {@code ACTION} records are
 * read too. Its response time (end minus start, whole milliseconds) runs from the moment Gatling
 * tries to send the request, DNS resolution and connecting included when they happen, to the
 * complete response. Requests are named by their name alone, whatever group they ran in, as
 * every tool's are. {@code USER}, {@code GROUP}, {@code ERROR} and {@code ASSERTION} records hold
 * no requests and are passed over.
 */
final class GatlingTextLogParser implements ResultParser {
    private final LoadTool tool;

    GatlingTextLogParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 46;
    }

    @Override
    public String format() {
        return "gatling-log";
    }

    @Override
    public boolean accepts(Path file, String head) {
        return head.startsWith("RUN\t") || head.startsWith("ASSERTION\t") || head.startsWith("USER\t")
                || head.startsWith("REQUEST\t");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
        Map<String, FailureKind> kinds = new HashMap<>();
        long lineNumber = 0;
        long badLines = 0;
        String firstBad = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while (line != null) {
                lineNumber++;
                String next = in.readLine();
                String[] fields = line.split("\t", -1);
                try {
                    switch (fields[0]) {
                        case "RUN" -> {
                            String version = fields[fields.length - 1].strip();
                            if (version.matches("\\d+\\.\\d+(\\.\\d+)?.*")) {
                                builder.toolVersion(version);
                            }
                        }
                        case "REQUEST" -> request(fields, builder, kinds);
                        case "ACTION" -> action(fields, builder, kinds);
                        case "USER", "GROUP", "ERROR", "ASSERTION", "SCENARIO" -> {
                            // no request
                        }
                        default -> throw new IllegalArgumentException("unknown record " + fields[0]);
                    }
                } catch (RuntimeException e) {
                    if (next == null) {
                        builder.warn("the last line is cut short (was the run stopped?); it is left out");
                    } else {
                        badLines++;
                        firstBad = firstBad == null ? "line " + lineNumber : firstBad;
                    }
                }
                line = next;
            }
        } catch (IOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        }
        if (badLines > 0 && builder.requests() == 0) {
            throw new ResultParseException(file, firstBad, "not a record of a Gatling simulation.log (RUN, USER, REQUEST, ...)");
        }
        if (badLines > 0) {
            builder.warn(badLines + " records could not be read and were left out (the first at " + firstBad + ")");
        }
        return builder.build(extraPercentiles);
    }

    /** {@code REQUEST [userId] groups name start end OK|KO [message]}: the status is at 5, or at 6 after a user id. */
    private static void request(String[] fields, ResultBuilder builder, Map<String, FailureKind> kinds) {
        int status = isStatus(fields[5]) ? 5 : 6;
        if (!isStatus(fields[status])) {
            throw new IllegalArgumentException("no status");
        }
        long start = Long.parseLong(fields[status - 2]);
        long end = Long.parseLong(fields[status - 1]);
        String message = fields.length > status + 1 ? fields[status + 1].strip() : "";
        record(builder, kinds, fields[status - 3], start, end, fields[status], message);
    }

    /** Gatling 1: {@code ACTION scenario userId name executionStart requestEnd responseStart executionEnd OK|KO message}. */
    private static void action(String[] fields, ResultBuilder builder, Map<String, FailureKind> kinds) {
        if (!isStatus(fields[8])) {
            throw new IllegalArgumentException("no status");
        }
        String name = fields[3].startsWith("Request ") ? fields[3].substring("Request ".length()) : fields[3];
        record(builder, kinds, name, Long.parseLong(fields[4]), Long.parseLong(fields[7]), fields[8],
                fields.length > 9 ? fields[9].strip() : "");
    }

    private static void record(ResultBuilder builder, Map<String, FailureKind> kinds, String name, long start, long end,
                               String status, String message) {
        FailureKind failure = status.equals("OK") ? null
                : kinds.computeIfAbsent(message, GatlingFailures::kind);
        builder.record(builder.operation(name), start, Math.max(0, end - start), failure, -1, -1);
    }

    private static boolean isStatus(String field) {
        return field.equals("OK") || field.equals("KO");
    }
}
