package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k6's CSV output: a request is named by its name tag, else its URL, and a row cut short still counts. */
class K6CsvRowsTest {
    /** The columns k6 0.48 writes. */
    private static final String HEADER = "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,"
            + "method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata";

    @TempDir
    Path dir;

    @Test
    void aRequestIsNamedByItsNameTagElseItsUrlAndAShortRowIsNotAnError() throws Exception {
        Path csv = Files.write(dir.resolve("samples.csv"), List.of(HEADER,
                "http_req_duration,1764633600,12.5,,,,true,,GET,getBook,HTTP/1.1,default,,200,,,http://h/books/1,,",
                "http_req_duration,1764633601,20,,,,true,,GET,,HTTP/1.1,default,,200,,,http://h/books,,",
                // found by fuzzing: a row cut after the value (a killed run), with neither name nor URL
                "http_req_duration,1764633602,7"));
        RunResult result = ResultParsers.parse(csv, null, Set.of());
        assertEquals(List.of("getBook", "http://h/books", ""), result.operations().stream().map(o -> o.name()).toList());
        assertEquals(3, result.total().requests());
    }

    @Test
    void everyFigureOfTheRowsIsRead() throws Exception {
        Path csv = Files.write(dir.resolve("samples.csv"), List.of(HEADER,
                "http_reqs,1764633600,1,,,,true,,GET,getBook,HTTP/1.1,default,,200,,,http://h/books/1,,",
                "http_req_duration,1764633600,12.5,,,,true,,GET,getBook,HTTP/1.1,default,,200,,,http://h/books/1,,",
                "data_received,1764633600,1500,,,,,,,,,default,,,,,,,",
                "data_sent,1764633600,200.7,,,,,,,,,default,,,,,,,",
                "http_req_duration,1764633602,30,,,,false,,GET,getBook,HTTP/1.1,default,,404,,,http://h/books/2,,",
                "http_req_duration,1764633603,60000,,request timeout,1050,false,,GET,getBook,HTTP/1.1,default,,0,,,http://h/books/3,,",
                "http_req_duration,1764633604,not-a-number,,,,true,,GET,getBook,HTTP/1.1,default,,200,,,http://h/books/4,,",
                "data_received,1764633604,500,,,,,,,,,default,,,,,,,"));
        RunResult result = ResultParsers.parse(csv, null, Set.of());
        assertEquals("k6-csv", result.format());
        assertEquals(java.time.Instant.ofEpochSecond(1764633600), result.start());
        Stats total = result.total();
        assertEquals(3, total.requests(), "a duration that is no number is no request");
        assertEquals(2, total.failures());
        assertEquals(java.util.Map.of("4xx", 1L, "timeout", 1L), total.failuresByKind());
        assertEquals(12.5, total.latencyMs().min(), 0.01);
        assertEquals(60000, total.latencyMs().max(), 60);
        assertEquals(2000L, total.bytesReceived());
        assertEquals(200L, total.bytesSent());
    }

    @Test
    void withoutByteRowsTheBytesAreUnknownNotZero() throws Exception {
        Path csv = Files.write(dir.resolve("samples.csv"), List.of("metric_name,timestamp,metric_value,expected_response,name,status",
                "http_req_duration,1764633600,12.5,true,getBook,200"));
        Stats total = ResultParsers.parse(csv, null, Set.of()).total();
        assertEquals(1, total.requests());
        assertEquals(null, total.bytesReceived());
        assertEquals(null, total.bytesSent());
    }
}
