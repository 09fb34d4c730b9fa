package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.OperationResult;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a JTL row says about a failed sample: its status, JMeter's "Non HTTP response" errors, its assertions. */
class JtlFailuresTest {
    private static final JtlCsvParser PARSER = new JtlCsvParser(LoadTools.JMETER);
    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes\n";

    @TempDir
    Path dir;

    private RunResult parse(String rows) throws Exception {
        Path file = Files.writeString(dir.resolve("results.jtl"), HEADER + rows);
        assertTrue(PARSER.accepts(file, HEADER));
        return PARSER.parse(file, Set.of());
    }

    private static Map<String, Stats> byName(RunResult result) {
        Map<String, Stats> stats = new HashMap<>();
        for (OperationResult operation : result.operations()) {
            stats.put(operation.name(), operation.stats());
        }
        return stats;
    }

    @Test
    void eachFailedRowIsTheKindItsFieldsSay() throws Exception {
        RunResult result = parse("""
                1700000000000,10,ok,200,OK,t 1-1,text,true,,100,50
                1700000000010,20,notFound,404,Not Found,t 1-1,text,false,,10,5
                1700000000020,30,serverError,503,Service Unavailable,t 1-1,text,false,,0,0
                1700000000030,40,timeout,Non HTTP response code: java.net.SocketTimeoutException,Non HTTP response message: Read timed out,t 1-1,text,false,,0,0
                1700000000040,50,refused,Non HTTP response code: java.net.ConnectException,Non HTTP response message: Connection refused,t 1-1,text,false,,0,0
                1700000000050,60,assertion,200,OK,t 1-1,text,false,Test failed: text expected to contain /id/,0,0
                1700000000060,70,graphql,200,OK,t 1-1,text,false,"JSONPath not exists: $.errors, expected none",0,0
                1700000000070,80,noCode,,,t 1-1,text,false,Assertion failed,0,0
                1700000000080,90,nothing,,,t 1-1,text,false,,0,0
                1700000000090,5,upper,200,OK,t 1-1,text,TRUE,,7,3
                """.replace("JSONPath not exists: $.errors", JMeterViewBuilder.GRAPHQL_ERRORS_FAILURE));
        Map<String, Stats> stats = byName(result);
        assertEquals(Map.of(), stats.get("ok").failuresByKind());
        assertEquals(Map.of("4xx", 1L), stats.get("notFound").failuresByKind());
        assertEquals(Map.of("5xx", 1L), stats.get("serverError").failuresByKind());
        assertEquals(Map.of("timeout", 1L), stats.get("timeout").failuresByKind());
        assertEquals(Map.of("connection", 1L), stats.get("refused").failuresByKind());
        assertEquals(Map.of("check", 1L), stats.get("assertion").failuresByKind(), "a 200 whose assertion failed");
        assertEquals(Map.of("graphql", 1L), stats.get("graphql").failuresByKind());
        assertEquals(Map.of("check", 1L), stats.get("noCode").failuresByKind(), "no code, a failure message: an assertion");
        assertEquals(Map.of("other", 1L), stats.get("nothing").failuresByKind());
        assertEquals(0, stats.get("upper").failures(), "TRUE is true");
        assertEquals(10, result.total().requests());
        assertEquals(8, result.total().failures());
        assertEquals(117L, result.total().bytesReceived(), "bytes of every row");
        assertEquals(58L, result.total().bytesSent());
    }

    @Test
    void aLatencyThatIsNoNumberIsNoLatencyAndShortRowsAreSkipped() throws Exception {
        RunResult result = parse("""
                1700000000000,10,a,200,OK,t 1-1,text,true,,1,1
                1700000000010,-5,a,200,OK,t 1-1,text,true,,1,1
                1700000000020,soon,a,200,OK,t 1-1,text,true,,1,1
                1700000000030,7,a
                1700000000040,30,a,200,OK,t 1-1,text,true,,1,1
                """);
        Stats a = byName(result).get("a");
        assertEquals(4, a.requests());
        assertEquals(30.0, a.latencyMs().max(), 0.1);
        assertEquals(10.0, a.latencyMs().min(), 0.1, "the rows without a latency have none");
        assertTrue(result.warnings().contains("1 rows with too few fields were skipped"), result.warnings().toString());
    }
}
