package io.loadsmith.tool.k6;

import io.loadsmith.tool.LoadTool;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.loadsmith.result.Bytes;
import io.loadsmith.result.FailureKind;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * k6's {@code --out json} stream (plain or gzip): one JSON object per line, a {@code Metric}
 * line per metric and a {@code Point} line per value. Every {@code http_req_duration} point is one
 * request, named by its {@code name} tag (else its {@code url}); it failed when its
 * {@code expected_response} tag is false, which is what k6's {@code http_req_failed} counts.
 * {@code data_received} and {@code data_sent} points give the byte totals. A WebSocket session is
 * one sample of its {@code ws_connecting} (the handshake, failed unless its status is 101), and
 * each expected message one of {@code ws_reply_time} (the script's trend of round trips), or a
 * timeout when its {@code "NAME: received"} check failed.
 *
 * <p>Lines of other metrics (most of the file) are recognised by their first bytes and skipped
 * without being parsed.
 */
public final class K6NdjsonParser implements ResultParser {
    private static final byte[] POINT_PREFIX = "{\"metric\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DURATION = "http_req_duration\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECEIVED = "data_received\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT = "data_sent\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKS = "checks\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WS_CONNECTING = "ws_connecting\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WS_REPLY = (K6Failures.REPLY_METRIC + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECEIVED_CHECK = (K6Failures.RECEIVED_CHECK + "\"").getBytes(StandardCharsets.UTF_8);
    /** Of the check points (one per check of every request), only those of GraphQL checks are read. */
    private static final byte[] GRAPHQL_CHECK = (K6Failures.GRAPHQL_CHECK + "\"").getBytes(StandardCharsets.UTF_8);
    private static final JsonFactory JSON = new JsonFactory();

    private final LoadTool tool;

    K6NdjsonParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String format() {
        return "k6-json";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String first = head.strip();
        return first.startsWith("{") && first.contains("\"type\":\"Metric\"") || first.startsWith("{\"metric\":");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.SEND_TO_LAST_BYTE, 1000);
        Totals totals = new Totals();
        try (InputStream in = open(file)) {
            new Scan(file, in, builder, totals).run();
        } catch (EOFException e) {
            builder.warn("the gzip stream ends early (was the run stopped?): the points before it are counted");
        } catch (IOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        }
        RunResult result = builder.build(extraPercentiles);
        if (totals.anyReceived || totals.anySent) {
            result = result.withTotal(result.total().withBytes(totals.anyReceived ? totals.received : null,
                    totals.anySent ? totals.sent : null));
        }
        return result;
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static final class Totals {
        long received;
        long sent;
        boolean anyReceived;
        boolean anySent;
    }

    private static final class Scan {
        private final Path file;
        private final InputStream in;
        private final ResultBuilder builder;
        private final Totals totals;
        private final IsoTime times = new IsoTime();
        private byte[] buf = new byte[1 << 22];
        private int limit;
        private boolean eof;
        private long lineNumber;
        private long badLines;

        Scan(Path file, InputStream in, ResultBuilder builder, Totals totals) {
            this.file = file;
            this.in = in;
            this.builder = builder;
            this.totals = totals;
        }

        void run() throws IOException {
            fill(0);
            int pos = 0;
            while (true) {
                int end = Bytes.next(buf, pos, limit, '\n');
                if (end == limit && !eof) {
                    int keep = limit - pos;
                    if (keep == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    System.arraycopy(buf, pos, buf, 0, keep);
                    fill(keep);
                    pos = 0;
                    continue;
                }
                lineNumber++;
                if (end > pos) {
                    line(pos, end, end == limit);
                }
                if (end >= limit) {
                    break;
                }
                pos = end + 1;
            }
            if (badLines > 0) {
                builder.warn(badLines + " lines are not JSON objects and were skipped");
            }
        }

        private void fill(int from) throws IOException {
            limit = from;
            while (limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit += n;
            }
        }

        private void line(int from, int to, boolean last) throws IOException {
            if (startsWith(from, to, POINT_PREFIX)) {
                int name = from + POINT_PREFIX.length;
                boolean checks = startsWith(name, to, CHECKS);
                if (!startsWith(name, to, DURATION) && !startsWith(name, to, RECEIVED) && !startsWith(name, to, SENT)
                        && !startsWith(name, to, WS_CONNECTING) && !startsWith(name, to, WS_REPLY)
                        && !(checks && (contains(from, to, GRAPHQL_CHECK) || contains(from, to, RECEIVED_CHECK)))) {
                    return;
                }
            }
            Point point = new Point();
            try (JsonParser json = JSON.createParser(buf, from, to - from)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    badLines++;
                    return;
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    json.nextToken();
                    switch (field) {
                        case "metric" -> point.metric = json.getText();
                        case "type" -> point.type = json.getText();
                        case "data" -> data(json, point);
                        default -> json.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                if (last) {
                    builder.warn("the last line is cut short (was the run stopped?); it is left out");
                    return;
                }
                if (builder.requests() == 0 && lineNumber == 1) {
                    throw new ResultParseException(file, "line 1", "not k6 JSON output: " + e.getOriginalMessage());
                }
                badLines++;
                return;
            }
            if (!"Point".equals(point.type) || point.metric == null) {
                return;
            }
            switch (point.metric) {
                case "http_req_duration" -> {
                    String name = point.name != null ? point.name : point.url != null ? point.url : "";
                    int status = K6Failures.parseInt(point.status);
                    FailureKind failure = "false".equals(point.expected) ? K6Failures.kind(status, K6Failures.parseInt(point.errorCode))
                            : null;
                    long micros = Double.isNaN(point.value) ? -1 : Math.round(point.value * 1000);
                    builder.record(builder.operation(name), point.time == Long.MIN_VALUE ? Long.MIN_VALUE
                            : point.time - Math.max(0, micros / 1000), micros, failure, -1, -1);
                }
                case "ws_connecting" -> {
                    int status = K6Failures.parseInt(point.status);
                    long micros = Double.isNaN(point.value) ? -1 : Math.round(point.value * 1000);
                    builder.record(builder.operation(point.name != null ? point.name : point.url != null ? point.url : ""),
                            point.time == Long.MIN_VALUE ? Long.MIN_VALUE : point.time - Math.max(0, micros / 1000), micros,
                            status == 101 ? null : K6Failures.kind(status, 0), -1, -1);
                }
                case K6Failures.REPLY_METRIC -> {
                    long micros = Double.isNaN(point.value) ? -1 : Math.round(point.value * 1000);
                    builder.record(builder.operation(point.name != null ? point.name : ""),
                            point.time == Long.MIN_VALUE ? Long.MIN_VALUE : point.time - Math.max(0, micros / 1000), micros, null, -1, -1);
                }
                case "data_received" -> {
                    totals.received += (long) point.value;
                    totals.anyReceived = true;
                }
                case "data_sent" -> {
                    totals.sent += (long) point.value;
                    totals.anySent = true;
                }
                case "checks" -> {
                    // A GraphQL response with errors passed its status check: its own check fails it.
                    if (point.value == 0 && point.check != null && point.check.endsWith(K6Failures.GRAPHQL_CHECK)) {
                        String name = point.check.substring(0, point.check.length() - K6Failures.GRAPHQL_CHECK.length());
                        builder.failed(builder.operation(name), point.time, FailureKind.GRAPHQL);
                    }
                    // An expected WebSocket message that did not come in time: a sample of its own, without a latency.
                    if (point.value == 0 && point.check != null && point.check.endsWith(K6Failures.RECEIVED_CHECK)
                            && point.name != null && point.check.equals(point.name + K6Failures.RECEIVED_CHECK)) {
                        builder.record(builder.operation(point.name), point.time, -1, FailureKind.TIMEOUT, -1, -1);
                    }
                }
                default -> { }
            }
        }

        private void data(JsonParser json, Point point) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                switch (field) {
                    case "time" -> point.time = times.millis(json.getText());
                    case "value" -> point.value = token.isNumeric() ? json.getDoubleValue() : Double.NaN;
                    case "tags" -> {
                        if (token != JsonToken.START_OBJECT) {
                            json.skipChildren();
                            break;
                        }
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String tag = json.currentName();
                            json.nextToken();
                            switch (tag) {
                                case "name" -> point.name = json.getText();
                                case "url" -> point.url = json.getText();
                                case "status" -> point.status = json.getText();
                                case "expected_response" -> point.expected = json.getText();
                                case "error_code" -> point.errorCode = json.getText();
                                case "check" -> point.check = json.getText();
                                default -> json.skipChildren();
                            }
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }

        private boolean contains(int from, int to, byte[] part) {
            outer:
            for (int i = from; i <= to - part.length; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (buf[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private boolean startsWith(int from, int to, byte[] prefix) {
            if (to - from < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buf[from + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Point {
        String metric;
        String type;
        long time = Long.MIN_VALUE;
        double value = Double.NaN;
        String name;
        String url;
        String status;
        String expected;
        String errorCode;
        String check;
    }
}
