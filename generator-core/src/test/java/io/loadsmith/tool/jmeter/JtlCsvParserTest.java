package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void aLargeFileWithManyLabelsAndARowLongerThanTheReadBuffer() throws Exception {
        // The reader holds 4 MiB at a time: 100,000 rows (about 9 MiB) cross its end twice, one
        // failure message of 5 MiB makes it grow, and 300 labels outgrow its table of labels.
        StringBuilder text = new StringBuilder(16 << 20).append(HEADER).append('\n');
        for (int i = 0; i < 100_000; i++) {
            if (i == 50_000) {
                text.append("1795312788000,70,big,500,Error,t 1-1,text,false,\"").append("x".repeat(5 << 20))
                        .append("\",10,3,1,1,http://x/big,4,0,1\n");
            }
            text.append(1795312788000L + i).append(',').append(1 + i % 50).append(",label ").append(i % 300)
                    .append(",200,OK,t 1-1,text,true,,10,3,1,1,http://x/,4,0,1\n");
        }
        Path file = Files.writeString(dir.resolve("large.jtl"), text);
        assertTrue(Files.size(file) > 12 << 20, "larger than three buffers: " + Files.size(file));
        RunResult result = new JtlCsvParser(LoadTools.JMETER, Long.MAX_VALUE).parse(file, Set.of());
        assertEquals(100_001, result.total().requests());
        assertEquals(301, result.operations().size());
        for (int label = 0; label < 300; label++) {
            assertEquals(334 - (label >= 100 ? 1 : 0), result.operation("label " + label).stats().requests(), "label " + label);
        }
        assertEquals(1, result.operation("big").stats().failures());
        assertEquals(Long.valueOf(10L * 100_001), result.total().bytesReceived());
        assertEquals(List.of(), result.warnings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2026/11/22 01:57:35.090|2026-11-22T01:57:35.090", "2026/11/22 01:57:35|2026-11-22T01:57:35",
            "2026-11-22 01:57:35.090|2026-11-22T01:57:35.090", "2026-11-22 01:57:35,090|2026-11-22T01:57:35.090",
            "2026-11-22 01:57:35|2026-11-22T01:57:35", "2026-11-22T01:57:35.09|2026-11-22T01:57:35.090",
            "11/22/2026 01:57:35.090|2026-11-22T01:57:35.090", "22.11.2026 01:57:35.090|2026-11-22T01:57:35.090"})
    void timestampsSavedAsDatesAreReadInTheMachinesZone(String saved, String local) throws Exception {
        // jmeter.save.saveservice.timestamp_format writes the sample's start in JMeter's zone, quoted
        // where it holds the delimiter.
        String field = saved.contains(",") ? '"' + saved + '"' : saved;
        RunResult result = parse("timeStamp,elapsed,label,responseCode,success\n" + field + ",5,a,200,true\n");
        assertEquals(LocalDateTime.parse(local).atZone(ZoneId.systemDefault()).toInstant(), result.start());
        assertEquals(1, result.total().requests());
        assertEquals(5.0, result.total().latencyMs().max());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void timestampsInNoKnownFormatLeaveTheTimeOutWithAWarning() throws Exception {
        RunResult result = parse("timeStamp,elapsed,label,responseCode,success\nyesterday noon,5,a,200,true\n");
        assertEquals(1, result.total().requests());
        assertNull(result.start());
        assertEquals(List.of(), result.timeSeries());
        assertEquals(List.of("timestamps such as 'yesterday noon' are in no known format: the time series is left out"),
                result.warnings());
    }

    @Test
    void aFileIsTakenForAJtlByItsHeaderOrByAFirstRowAsJMeterWritesIt() {
        JtlCsvParser parser = new JtlCsvParser(LoadTools.JMETER);
        Path file = dir.resolve("r.jtl");
        assertTrue(parser.accepts(file, HEADER + "\n"));
        assertTrue(parser.accepts(file, "\uFEFFtimeStamp;elapsed;label\r\n1;2;a\n"), "a byte order mark, semicolons, CRLF");
        assertTrue(parser.accepts(file, "Label,Success\n"), "label and success without a time");
        assertTrue(parser.accepts(file, "1795312788668\t5\ta\t200\ttrue\n"), "no header: a row with true or false");
        assertTrue(parser.accepts(file, "1795312788668|5|a|false"), "no header, no line end");
        assertFalse(parser.accepts(file, "1795312788668,5,a,200\n"), "no true or false");
        assertFalse(parser.accepts(file, "a,true,b\n"), "fewer than four fields");
        assertFalse(parser.accepts(file, "timeStamp,label\n"), "a time without its elapsed");
        assertFalse(parser.accepts(file, "<?xml version=\"1.0\"?><testResults>"));
        assertFalse(parser.accepts(file, "{\"timeStamp\": 1, \"elapsed\": 2}"));
        assertFalse(parser.accepts(file, "\n1795312788668,5,a,200,true\n"), "an empty first line");
    }
}
