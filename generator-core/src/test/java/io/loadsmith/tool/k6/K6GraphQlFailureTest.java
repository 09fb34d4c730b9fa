package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6 counts a request by its status alone: a GraphQL response with errors (status 200) is a
 * failure of kind graphql through its failed "no GraphQL errors" check, the next point of the file.
 */
class K6GraphQlFailureTest {
    @TempDir
    Path dir;

    private static String duration(String name, String time) {
        return "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"" + time + "\",\"value\":4.5,"
                + "\"tags\":{\"name\":\"" + name + "\",\"status\":\"200\",\"expected_response\":\"true\"}}}\n";
    }

    private static String check(String check, int value, String time) {
        return "{\"metric\":\"checks\",\"type\":\"Point\",\"data\":{\"time\":\"" + time + "\",\"value\":" + value
                + ",\"tags\":{\"check\":\"" + check + "\",\"group\":\"\"}}}\n";
    }

    @Test
    void aFailedGraphQlCheckFailsItsRequest() throws Exception {
        String t1 = "2026-12-01T10:00:00.100Z";
        String t2 = "2026-12-01T10:00:01.200Z";
        Path file = Files.writeString(dir.resolve("samples.ndjson"), duration("GetBook", t1)
                + check("GetBook: status is 200", 1, t1)
                + check("GetBook: no GraphQL errors", 0, t1)
                + duration("GetBook", t2)
                + check("GetBook: no GraphQL errors", 1, t2)
                + duration("say \\\"hi\\\"", t2)
                + check("say \\\"hi\\\": body has $.x", 0, t2)
                + check("say \\\"hi\\\": no GraphQL errors", 0, t2));
        RunResult result = ResultParsers.parse(file, LoadTools.K6, Set.of());
        assertEquals(2, result.operation("GetBook").stats().requests());
        assertEquals(1, result.operation("GetBook").stats().failures());
        assertEquals(Map.of("graphql", 1L), result.operation("GetBook").stats().failuresByKind());
        // A name with quotes reads back; another check that failed is not a GraphQL failure.
        assertEquals(1, result.operation("say \"hi\"").stats().failures());
        assertEquals(Map.of("graphql", 2L), result.total().failuresByKind());
        assertEquals(2, result.timeSeries().stream().mapToLong(s -> s.failures()).sum());
    }
}
