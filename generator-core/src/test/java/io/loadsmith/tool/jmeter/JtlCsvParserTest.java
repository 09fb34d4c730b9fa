package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JTL CSV reader on the shapes JMeter writes that the corpus does not cover. */
class JtlCsvParserTest {
    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

    @TempDir
    Path dir;

    private RunResult parse(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("r.jtl"), text);
        return new JtlCsvParser(LoadTools.JMETER).parse(file, Set.of());
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndLineBreaksAndCrlfLineEnds() throws Exception {
        RunResult result = parse(HEADER + "\r\n"
                + "1000,5,\"a, \"\"quoted\"\" label\",200,OK,t 1-1,text,true,,10,3,1,1,http://x/?a=1,4,0,1\r\n"
                + "1001,7,plain,500,\"Internal\nError\",t 1-1,text,false,\"Test failed:\n\nreceived 500, expected 200\",11,4,1,1,\"http://x/,\",6,0,0\r\n"
                + "1002,9,plain,200,OK,t 1-1,text,true,,12,5,1,1,http://x/\"odd\"quote,8,0,0\r\n");
        assertEquals(3, result.total().requests());
        assertEquals(1, result.operation("a, \"quoted\" label").stats().requests());
        assertEquals(2, result.operation("plain").stats().requests());
        assertEquals(1, result.total().failures());
        assertEquals(1L, result.total().failuresByKind().get("5xx"));
        assertEquals(33L, result.total().bytesReceived());
        assertEquals(12L, result.total().bytesSent());
        assertEquals(9.0, result.total().latencyMs().max());
    }

    @Test
    void otherDelimitersAndNoHeader() throws Exception {
        RunResult semicolons = parse("timeStamp;elapsed;label;responseCode;success\n1000;5;a;200;true\n1001;6;b;404;false\n");
        assertEquals(2, semicolons.total().requests());
        assertEquals(1L, semicolons.total().failuresByKind().get("4xx"));
        RunResult headerless = parse("1795312788668,5,a,200,OK,t 1-1,text,true,,10,3,1,1\n"
                + "1795312788669,6,a,200,OK,t 1-1,text,false,bad,10,3,1,1\n");
        assertEquals(2, headerless.total().requests());
        assertEquals(1, headerless.total().failures());
        assertEquals(6.0, headerless.total().latencyMs().max());
        assertTrue(headerless.warnings().get(0).startsWith("no header row"), headerless.warnings().toString());
    }

    @Test
    void aRowCutShortAtTheEndIsLeftOutWithAWarning() throws Exception {
        RunResult result = parse(HEADER + "\n1000,5,a,200,OK,t 1-1,text,true,,10,3,1,1,u,4,0,1\n1001,6,a,200,\"OK");
        assertEquals(1, result.total().requests());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("middle of a row")), result.warnings().toString());
        RunResult noNewline = parse(HEADER + "\n1000,5,a,200,OK,t 1-1,text,true,,10,3,1,1,u,4,0,1");
        assertEquals(1, noNewline.total().requests());
    }

    @Test
    void transactionRowsAreNotRequests() throws Exception {
        RunResult result = parse(HEADER + "\n1000,5,get,200,OK,t 1-1,text,true,,10,3,1,1,u,4,0,1\n"
                + "1000,5,group,200,\"Number of samples in transaction : 1, number of failing samples : 0\",t 1-1,,true,,10,3,1,1,null,4,0,1\n");
        assertEquals(1, result.total().requests());
        assertNull(result.operation("group"));
    }
}
