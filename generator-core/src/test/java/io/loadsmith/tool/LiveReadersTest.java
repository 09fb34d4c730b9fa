package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line's figures, read from what each tool writes or serves while it runs (in the
 * formats of the recorded runs under samples/results), as the tool grows it between two looks.
 * Gatling's is in GatlingToolTest.
 */
class LiveReadersTest {
    @TempDir
    Path run;

    private Path console() {
        return run.resolve("tool.log");
    }

    private void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static LiveReader.Snapshot snapshot(long requests, long failures, Double p95) {
        return new LiveReader.Snapshot(requests, failures, p95);
    }

    @Test
    void k6ServesItsFiguresOnItsRestApi() throws Exception {
        Map<String, String> metrics = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/metrics/", exchange -> {
            String body = metrics.get(exchange.getRequestURI().getPath().substring("/v1/metrics/".length()));
            byte[] bytes = (body == null ? "{\"errors\":[{\"title\":\"metric not found\"}]}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String address = "127.0.0.1:" + server.getAddress().getPort();
            LiveReader reader = LoadTools.K6.liveReader(run, console(), List.of("k6", "run", "--address", address, "script.js"));
            assertNull(reader.read(), "no requests yet");

            metrics.put("http_reqs", "{\"data\":{\"type\":\"metrics\",\"id\":\"http_reqs\",\"attributes\":{\"type\":\"counter\","
                    + "\"sample\":{\"count\":200,\"rate\":19.8}}}}");
            assertEquals(snapshot(200, 0, null), reader.read(), "neither failures nor durations served yet");

            metrics.put("http_req_failed", "{\"data\":{\"attributes\":{\"sample\":{\"passes\":7,\"fails\":193,\"rate\":0.035}}}}");
            metrics.put("http_req_duration", "{\"data\":{\"attributes\":{\"sample\":{\"avg\":20.1,\"p(95)\":43.25}}}}");
            assertEquals(snapshot(200, 7, 43.25), reader.read(), "failures: the failed rate of the requests");

            metrics.put("http_req_duration", "{\"data\":{\"attributes\":{\"sample\":{\"avg\":20.1}}}}");
            assertEquals(snapshot(200, 7, null), reader.read(), "no p95 among the trend's figures");
        } finally {
            server.stop(0);
        }
        assertNull(LoadTools.K6.liveReader(run, console(), List.of("k6", "run", "--address", "127.0.0.1:9", "script.js")).read(),
                "k6 not serving (yet, or any more)");
        assertNull(LoadTools.K6.liveReader(run, console(), List.of("k6", "run", "script.js")).read(), "no address: no figures");
        assertNull(LoadTools.K6.liveReader(run, console(), List.of("k6", "run", "--address")).read());
    }

    @Test
    void locustsFiguresAreTheLastAggregatedRowOfItsHistory() throws Exception {
        Path history = run.resolve("stats_stats_history.csv");
        LiveReader reader = LoadTools.LOCUST.liveReader(run, console(), List.of());
        assertEquals(snapshot(0, 0, null), reader.read(), "no file yet");
        String header = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,"
                + "Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,"
                + "Total Min Response Time,Total Max Response Time,Total Average Content Size\n";
        append(history, header);
        assertEquals(snapshot(0, 0, null), reader.read(), "a header only");
        append(history, "1796108183,0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,0,0,0\n"
                + "1796108184,2,POST,createBook,0.0,0.0,3,3,3,3,3,4,4,4,4,4,4,10,1,2,2.5,1,4,161.0\n"
                + "1796108184,2,,Aggregated,5.0,0.5,3,3,3,4,5,7,8,9,9,9,9,12,1,3,3.1,1,9,150.0\n"
                + "1796108185,2,GET,listBooks,0.0,0.0,3,3,3,3,3,4,4,4,4,4,4,99,9,2,2.5,1,4,161.0\n");
        assertEquals(snapshot(12, 1, 7.0), reader.read(), "the last Aggregated row, not a later operation's");
        append(history, "1796108186,2,,Aggregated,5.0,0.5,3,3,3,4,5,N/A,8,9,9,9,9,40,x,3,3.1,1,9,150.0\n"
                + "1796108187,2,,Aggregated,cut short\n");
        assertEquals(snapshot(40, 1, null), reader.read(),
                "a row cut short is passed over; a figure that is no number keeps the last one read");
    }

    @Test
    void locustWithoutANameColumnHasNoFigures() throws Exception {
        Files.writeString(run.resolve("stats_stats_history.csv"), "Timestamp,Type\n1,Aggregated\n");
        assertEquals(snapshot(0, 0, null), LoadTools.LOCUST.liveReader(run, console(), List.of()).read());
    }

    @Test
    void artilleryAddsUpThePeriodicReportsOfItsConsole() throws Exception {
        LiveReader reader = LoadTools.ARTILLERY.liveReader(run, console(), List.of());
        assertEquals(snapshot(0, 0, null), reader.read());
        append(console(), """
                Phase started: steady (index: 0, duration: 15s) 01:58:17(+0000)

                --------------------------------------
                Metrics for period to: 01:58:20(+0000) (width: 2.606s)
                --------------------------------------

                errors.ETIMEDOUT: .............................................................. 2
                http.codes.200: ................................................................ 38
                http.codes.201: ................................................................ 14
                http.codes.399: ................................................................ 1
                http.codes.400: ................................................................ 4
                http.codes.500: ................................................................ 1
                http.downloaded_bytes: ......................................................... 3898
                http.requests: ................................................................. 56
                http.response_time:
                  min: ......................................................................... 0
                  p95: ......................................................................... 432.7
                  p99: ......................................................................... 450.4
                vusers.session_length:
                  p95: ......................................................................... 459.5
                """);
        assertEquals(snapshot(56, 7, 432.7), reader.read(), "4xx, 5xx and errors fail; the session length's p95 is no request's");
        append(console(), """
                --------------------------------------
                Metrics for period to: 01:58:30(+0000) (width: 9.9s)
                --------------------------------------

                http.codes.500: ................................................................ 11
                http.requests: ................................................................. 200
                http.response_time:
                  p95: ......................................................................... 12.1
                """);
        assertEquals(snapshot(256, 18, 12.1), reader.read(), "counts add up; p95 is the latest period's");
        append(console(), """
                All VUs finished. Total time: 17 seconds

                --------------------------------
                Summary report @ 01:58:34(+0000)
                --------------------------------

                http.codes.500: ................................................................ 12
                http.requests: ................................................................. 256
                http.response_time:
                  p95: ......................................................................... 400.0
                """);
        assertEquals(snapshot(256, 18, 12.1), reader.read(), "the summary repeats the totals");
    }

    @Test
    void jmeterCountsTheRowsOfItsJtlAndTakesP95OfTheRecentOnes() throws Exception {
        Path jtl = run.resolve("results.jtl");
        LiveReader reader = LoadTools.JMETER.liveReader(run, console(), List.of());
        assertEquals(snapshot(0, 0, null), reader.read());
        StringBuilder rows = new StringBuilder("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
                + "failureMessage,bytes\n");
        for (int i = 1; i <= 100; i++) {
            rows.append("1796108205").append(100 + i).append(',').append(i).append(",createBook,201,Created,shopper 1-1,text,")
                    .append(i % 10 == 0 ? "false" : "true").append(",,334\n");
        }
        rows.append("1796108205999,500,journey,200,\"Number of samples in transaction : 3, number of failing samples : 0\",t,,true,,0\n");
        rows.append("1796108205999,oops,broken,200,OK,t,text,true,,0\n");
        append(jtl, rows.toString());
        assertEquals(snapshot(101, 10, 95.0), reader.read(),
                "a transaction's row is no request; a row without a number counts but has no latency");
        append(jtl, "1796108206000,7,short\n");
        assertEquals(snapshot(101, 10, 95.0), reader.read(), "a row with fewer columns is passed over");

        StringBuilder latest = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            latest.append("1796108207000,").append(i).append(",getBook,200,OK,t,text,true,,10\n");
        }
        append(jtl, latest.toString());
        assertEquals(snapshot(2101, 10, 1900.0), reader.read(), "p95 of the last 2000 samples only: 1 to 2000 ms");
    }
}
