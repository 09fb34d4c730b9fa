package io.loadsmith.run;

import io.loadsmith.render.Tool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running tool has done so far, read from what it writes or serves as it goes: JMeter's
 * JTL, Locust's stats history, Artillery's periodic console reports, k6's REST API (its metrics
 * endpoint, on the address the command gives it). Approximate by design (it is for the progress
 * line; the result comes from the parsers once the tool is done).
 */
final class LiveStats {
    /** Counts so far; p95 of the recent requests, null when unknown. */
    record Snapshot(long requests, long failures, Double p95Ms) {}

    private static final Pattern ARTILLERY_COUNTER = Pattern.compile("^(http\\.requests|http\\.codes\\.(\\d+)|errors\\.[^:]+):\\s*\\.*\\s*(\\d+)\\s*$");
    private static final Pattern ARTILLERY_P95 = Pattern.compile("^\\s*p95:\\s*\\.*\\s*([\\d.]+)\\s*$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tool tool;
    private final Path dir;
    private long offset;
    private byte[] partial = new byte[0];
    private int elapsedColumn = -1;
    private int successColumn = -1;
    private int messageColumn = -1;
    private long requests;
    private long failures;
    private final Deque<Long> recent = new ArrayDeque<>();
    private Double p95;
    private boolean inArtilleryLatency;

    private final String k6Api;
    private HttpClient http;

    LiveStats(Tool tool, Path dir, List<String> command) {
        this.tool = tool;
        this.dir = dir;
        int address = command.indexOf("--address");
        this.k6Api = address >= 0 && address + 1 < command.size() ? "http://" + command.get(address + 1) + "/v1/metrics/" : null;
    }

    Snapshot read() {
        try {
            switch (tool) {
                case JMETER -> jtl(dir.resolve("results.jtl"));
                case LOCUST -> locust(dir.resolve("stats_stats_history.csv"));
                case ARTILLERY -> artillery(dir.resolve("tool.log"));
                case K6 -> {
                    if (!k6()) {
                        return null;
                    }
                }
            }
        } catch (IOException e) {
            return new Snapshot(requests, failures, p95);
        }
        return new Snapshot(requests, failures, p95);
    }

    private List<String> newLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return lines;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 8 << 20)];
            in.seek(offset);
            in.readFully(bytes);
            offset += bytes.length;
            byte[] all = partial.length == 0 ? bytes : concat(partial, bytes);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    lines.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            partial = Arrays.copyOfRange(all, start, all.length);
        }
        return lines;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void jtl(Path file) throws IOException {
        for (String line : newLines(file)) {
            String[] fields = line.split(",", -1);
            if (elapsedColumn < 0) {
                List<String> header = Arrays.asList(fields);
                elapsedColumn = header.indexOf("elapsed");
                successColumn = header.indexOf("success");
                messageColumn = header.indexOf("responseMessage");
                continue;
            }
            if (fields.length <= Math.max(elapsedColumn, successColumn)
                    || messageColumn >= 0 && fields[messageColumn].startsWith("\"Number of samples in transaction")) {
                continue;
            }
            requests++;
            if (successColumn >= 0 && fields[successColumn].equals("false")) {
                failures++;
            }
            try {
                recent.addLast(Long.parseLong(fields[elapsedColumn]));
            } catch (NumberFormatException e) {
                continue;
            }
            if (recent.size() > 2000) {
                recent.removeFirst();
            }
        }
        if (!recent.isEmpty()) {
            long[] sorted = recent.stream().mapToLong(Long::longValue).sorted().toArray();
            p95 = (double) sorted[(int) Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
        }
    }

    private void locust(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2) {
            return;
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        for (int i = lines.size() - 1; i > 0; i--) {
            String[] fields = lines.get(i).split(",", -1);
            int name = header.indexOf("Name");
            if (name >= 0 && fields.length == header.size() && fields[name].equals("Aggregated")) {
                requests = parse(fields[header.indexOf("Total Request Count")], requests);
                failures = parse(fields[header.indexOf("Total Failure Count")], failures);
                try {
                    p95 = Double.parseDouble(fields[header.indexOf("95%")]);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    p95 = null;
                }
                return;
            }
        }
    }

    private void artillery(Path file) throws IOException {
        for (String line : newLines(file)) {
            if (line.contains("Summary report")) {
                // The last block repeats the totals of the periodic ones.
                offset = Long.MAX_VALUE / 2;
                return;
            }
            Matcher counter = ARTILLERY_COUNTER.matcher(line.strip());
            if (counter.matches()) {
                long value = Long.parseLong(counter.group(3));
                if (counter.group(1).equals("http.requests")) {
                    requests += value;
                } else if (counter.group(1).startsWith("errors.")
                        || counter.group(2) != null && Integer.parseInt(counter.group(2)) >= 400) {
                    failures += value;
                }
                continue;
            }
            if (line.strip().startsWith("http.response_time:")) {
                inArtilleryLatency = true;
                continue;
            }
            Matcher p = ARTILLERY_P95.matcher(line);
            if (inArtilleryLatency && p.matches()) {
                p95 = Double.parseDouble(p.group(1));
                inArtilleryLatency = false;
            }
        }
    }

    /**
     * k6's figures so far: {@code http_reqs} counts the requests, {@code http_req_failed} is the
     * rate of failed ones, {@code http_req_duration} has a p(95) of all requests so far. False
     * until k6 serves them (it starts its API server once the script has loaded).
     */
    private boolean k6() throws IOException {
        if (k6Api == null) {
            return false;
        }
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        }
        JsonNode count = k6Metric("http_reqs");
        if (count == null) {
            return false;
        }
        requests = count.path("count").asLong();
        JsonNode failed = k6Metric("http_req_failed");
        failures = failed == null ? 0 : Math.round(failed.path("rate").asDouble() * requests);
        JsonNode duration = k6Metric("http_req_duration");
        p95 = duration == null || !duration.has("p(95)") ? null : duration.path("p(95)").asDouble();
        return true;
    }

    private JsonNode k6Metric(String name) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(k6Api + name))
                    .timeout(Duration.ofMillis(800)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            return JSON.readTree(response.body()).path("data").path("attributes").path("sample");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            return null;
        }
    }

    private static long parse(String value, long otherwise) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
