package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k6's CSV output: a request is named by its name tag, else its URL, and a row cut short still counts. */
class K6CsvRowsTest {
    @TempDir
    Path dir;

    @Test
    void aRequestIsNamedByItsNameTagElseItsUrlAndAShortRowIsNotAnError() throws Exception {
        String header = "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,"
                + "scenario,service,status,subproto,tls_version,url,extra_tags,metadata";
        Path csv = Files.write(dir.resolve("samples.csv"), List.of(header,
                "http_req_duration,1764633600,12.5,,,,true,,GET,getBook,HTTP/1.1,default,,200,,,http://h/books/1,,",
                "http_req_duration,1764633601,20,,,,true,,GET,,HTTP/1.1,default,,200,,,http://h/books,,",
                // found by fuzzing: a row cut after the value (a killed run), with neither name nor URL
                "http_req_duration,1764633602,7"));
        RunResult result = ResultParsers.parse(csv, null, Set.of());
        assertEquals(List.of("getBook", "http://h/books", ""), result.operations().stream().map(o -> o.name()).toList());
        assertEquals(3, result.total().requests());
    }
}
