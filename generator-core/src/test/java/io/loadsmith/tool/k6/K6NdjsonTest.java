package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import io.loadsmith.tool.LoadTools;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6's JSON output (--out json) point by point, written by hand: requests by name or URL, their
 * failure kinds, bytes, GraphQL checks, WebSocket handshakes, replies and missed replies, and
 * damaged or cut lines.
 */
class K6NdjsonTest {
    private static final K6NdjsonParser PARSER = new K6NdjsonParser(LoadTools.K6);

    @TempDir
    Path dir;

    private static String point(String metric, String time, double value, String tags) {
        return "{\"metric\":\"" + metric + "\",\"type\":\"Point\",\"data\":{\"time\":\"2026-01-01T00:00:" + time + "Z\",\"value\":"
                + value + ",\"tags\":{" + tags + "}}}";
    }

    private static final List<String> LINES = List.of(
            "{\"type\":\"Metric\",\"data\":{\"name\":\"http_req_duration\",\"type\":\"trend\"},\"metric\":\"http_req_duration\"}",
            point("http_req_duration", "01.000", 20.5, "\"name\":\"getBook\",\"status\":\"200\",\"expected_response\":\"true\""),
            point("http_reqs", "01.000", 1, "\"name\":\"getBook\""),
            point("http_req_duration", "01.500", 5, "\"url\":\"http://x/books\",\"status\":\"404\",\"expected_response\":\"false\""),
            "not json at all",
            point("http_req_duration", "03.000", 1000, "\"name\":\"getBook\",\"status\":\"0\",\"expected_response\":\"false\","
                    + "\"error_code\":\"1050\""),
            point("data_received", "03.000", 1000, ""),
            point("data_received", "03.100", 2500, ""),
            point("data_sent", "03.100", 300, ""),
            point("http_req_duration", "04.000", 8, "\"name\":\"CreateBook\",\"status\":\"200\",\"expected_response\":\"true\""),
            point("checks", "04.000", 0, "\"check\":\"CreateBook: no GraphQL errors\""),
            point("checks", "04.000", 0, "\"check\":\"getBook: status is 200\""),
            point("ws_connecting", "05.000", 3, "\"name\":\"WS /socket\",\"status\":\"101\""),
            point("ws_connecting", "05.500", 4, "\"name\":\"WS /socket\",\"status\":\"401\""),
            point("ws_reply_time", "06.000", 12, "\"name\":\"WS /socket: pong\""),
            point("checks", "07.000", 0, "\"name\":\"WS /socket: pong\",\"check\":\"WS /socket: pong: received\""),
            "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2026-");

    @Test
    void everyPointOfARequestCountsAsK6TaggedIt() throws Exception {
        Path file = Files.writeString(dir.resolve("samples.ndjson"), String.join("\n", LINES));
        assertTrue(PARSER.accepts(file, LINES.get(0)));
        RunResult result = PARSER.parse(file, Set.of());
        assertEquals("k6-json", result.format());
        assertEquals(Instant.parse("2026-01-01T00:00:00.980Z"), result.start(), "the first request started its 20 ms before its point");
        Stats total = result.total();
        assertEquals(8, total.requests());
        assertEquals(5, total.failures());
        assertEquals(Map.of("timeout", 2L, "4xx", 2L, "graphql", 1L), total.failuresByKind());
        assertEquals(3500L, total.bytesReceived());
        assertEquals(300L, total.bytesSent());
        assertEquals(List.of("getBook", "http://x/books", "CreateBook", "WS /socket", "WS /socket: pong"),
                result.operations().stream().map(OperationResult::name).toList(), "a request without a name by its URL");
        Map<String, Stats> byName = new java.util.HashMap<>();
        result.operations().forEach(o -> byName.put(o.name(), o.stats()));
        assertEquals(Map.of("timeout", 1L), byName.get("getBook").failuresByKind(), "error 1050 without a response: a timeout");
        assertEquals(Map.of("graphql", 1L), byName.get("CreateBook").failuresByKind(), "its GraphQL check failed");
        assertEquals(Map.of("4xx", 1L), byName.get("WS /socket").failuresByKind(), "a handshake answered 401");
        assertEquals(2, byName.get("WS /socket: pong").requests(), "a reply and a missed one");
        assertEquals(Map.of("timeout", 1L), byName.get("WS /socket: pong").failuresByKind());
        assertEquals(List.of("the last line is cut short (was the run stopped?); it is left out",
                "1 lines are not JSON objects and were skipped"), result.warnings());
    }

    @Test
    void linesAcrossTheReadBufferAndALineLongerThanItAllCount() throws Exception {
        // The reader holds 4 MiB at a time: 60,000 points (about 9 MiB) cross its end twice, and one
        // point whose tags alone take 5 MiB makes it grow.
        StringBuilder text = new StringBuilder(16 << 20);
        for (int i = 0; i < 60_000; i++) {
            if (i == 30_000) {
                text.append(point("http_req_duration", "02.000", 40, "\"name\":\"upload\",\"status\":\"200\",\"body\":\""
                        + "x".repeat(5 << 20) + "\"")).append('\n');
            }
            text.append(point("http_req_duration", String.format("%02d.%03d", 1 + i % 2, i % 1000), 1 + i % 10,
                    "\"name\":\"getBook\",\"status\":\"200\",\"expected_response\":\"true\"")).append('\n');
        }
        Path file = Files.writeString(dir.resolve("large.ndjson"), text);
        assertTrue(Files.size(file) > 14 << 20, "larger than three buffers: " + Files.size(file));
        RunResult result = PARSER.parse(file, Set.of());
        Map<String, Long> requests = new java.util.LinkedHashMap<>();
        result.operations().forEach(o -> requests.put(o.name(), o.stats().requests()));
        assertEquals(Map.of("getBook", 60_000L, "upload", 1L), requests);
        assertEquals(0, result.total().failures());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aGzipStreamReadsAsThePlainFileAndOneCutShortCountsWhatItHolds() throws Exception {
        Path plain = Files.writeString(dir.resolve("samples.ndjson"), String.join("\n", LINES));
        Path gzip = dir.resolve("samples.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(String.join("\n", LINES).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(PARSER.parse(plain, Set.of()).total(), PARSER.parse(gzip, Set.of()).total());
        byte[] bytes = Files.readAllBytes(gzip);
        Path cut = Files.write(dir.resolve("cut.ndjson.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 12));
        RunResult partial = PARSER.parse(cut, Set.of());
        assertTrue(partial.warnings().contains("the gzip stream ends early (was the run stopped?): the points before it are counted"),
                partial.warnings().toString());
    }

    @Test
    void aFileWhoseFirstLineIsNoJsonIsNoK6Output() throws Exception {
        Path file = Files.writeString(dir.resolve("x.ndjson"), "timestamp,metric\n" + LINES.get(1) + "\n");
        ResultParseException e = assertThrows(ResultParseException.class, () -> PARSER.parse(file, Set.of()));
        assertTrue(e.getMessage().startsWith(file + ": line 1: not k6 JSON output: "), e.getMessage());
    }
}
