package io.loadsmith.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes large result files shaped like real ones, for bench/results.sh: a JMeter JTL with
 * JMeter 5.6's default CSV columns, and a k6 {@code --out json} stream with every metric k6 writes
 * per request (as in ../shared/corpus/outputs-generated). Seeded, so the same size gives the same file.
 *
 * <p>{@code java -cp benchmarks.jar io.loadsmith.benchmarks.ResultFiles jtl|ndjson FILE MEGABYTES}
 */
public final class ResultFiles {
    private static final String[] LABELS = {"createBook", "listBooks", "getBook", "updateBook", "deleteBook", "createOrder",
            "getOrder", "health", "GET /api/items", "POST /api/orders", "GET /api/flaky", "GET /api/slow", "login",
            "search products", "checkout: pay", "Transaction \"A\", with, commas", "Requête HTTP", "oauth2 token", "listOrders",
            "getInventory"};

    private ResultFiles() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        long bytes = Long.parseLong(args[2]) * 1_000_000L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            if (args[0].equals("jtl")) {
                jtl(out, bytes);
            } else {
                ndjson(out, bytes);
            }
        }
        System.out.println(file + ": " + Files.size(file) + " bytes");
    }

    private static void jtl(OutputStream out, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long written = write(out, "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
                + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n");
        long time = 1_795_312_788_668L;
        StringBuilder row = new StringBuilder(256);
        while (written < bytes) {
            int label = random.nextInt(LABELS.length);
            int elapsed = latency(random);
            boolean failed = random.nextInt(100) < 3;
            time += random.nextInt(3);
            row.setLength(0);
            row.append(time).append(',').append(elapsed).append(',').append(csv(LABELS[label])).append(',')
                    .append(failed ? "500" : "200").append(',').append(failed ? "Internal Server Error" : "OK").append(',')
                    .append("users 1-").append(1 + random.nextInt(50)).append(",text,").append(!failed).append(',')
                    .append(failed ? "\"Test failed: code expected to equal /\n\n****** received  : [[[5]]]00\"" : "").append(',')
                    .append(300 + random.nextInt(2000)).append(',').append(150 + random.nextInt(300)).append(",50,50,")
                    .append("http://127.0.0.1:18080/api/items?q=apple+pie&page=").append(random.nextInt(10)).append(',')
                    .append(Math.max(0, elapsed - random.nextInt(3))).append(",0,").append(random.nextInt(5) == 0 ? 1 : 0)
                    .append('\n');
            written += write(out, row.toString());
        }
    }

    private static void ndjson(OutputStream out, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long written = 0;
        String[] metrics = {"http_reqs", "http_req_duration", "http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
                "http_req_sending", "http_req_waiting", "http_req_receiving", "http_req_failed"};
        for (String metric : metrics) {
            written += write(out, "{\"type\":\"Metric\",\"data\":{\"name\":\"" + metric + "\",\"type\":\"trend\",\"contains\":\"time\","
                    + "\"thresholds\":[],\"submetrics\":null},\"metric\":\"" + metric + "\"}\n");
        }
        long micros = 1_795_312_655_000_000L;
        StringBuilder line = new StringBuilder(512);
        while (written < bytes) {
            micros += random.nextInt(3000);
            String time = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000 + random.nextInt(1000)).toString();
            String name = LABELS[random.nextInt(8)];
            boolean failed = random.nextInt(100) < 3;
            String tags = "{\"expected_response\":\"" + !failed + "\",\"group\":\"::browse\",\"method\":\"GET\",\"name\":\"" + name
                    + "\",\"proto\":\"HTTP/1.1\",\"scenario\":\"browse\",\"status\":\"" + (failed ? 500 : 200) + "\",\"url\":\"" + name + "\"}";
            double duration = latency(random) + random.nextInt(1000) / 1000.0;
            for (String metric : metrics) {
                double value = switch (metric) {
                    case "http_reqs" -> 1;
                    case "http_req_duration" -> duration;
                    case "http_req_failed" -> failed ? 1 : 0;
                    default -> random.nextInt(2000) / 1000.0;
                };
                line.setLength(0);
                line.append("{\"metric\":\"").append(metric).append("\",\"type\":\"Point\",\"data\":{\"time\":\"").append(time)
                        .append("\",\"value\":").append(String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.6f", value))
                        .append(",\"tags\":").append(tags).append("}}\n");
                written += write(out, line.toString());
            }
        }
    }

    /** Mostly fast, a long tail: like a real API. */
    private static int latency(SplittableRandom random) {
        int r = random.nextInt(1000);
        if (r < 900) {
            return 1 + random.nextInt(40);
        } else if (r < 990) {
            return 40 + random.nextInt(400);
        }
        return 440 + random.nextInt(5000);
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static long write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        return bytes.length;
    }
}
