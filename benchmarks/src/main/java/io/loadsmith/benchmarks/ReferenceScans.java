package io.loadsmith.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The two reference readers issue 4 gives its speed goals against, measured in the same run as
 * {@code loadsmith report} so that the figures can be compared whatever the machine's speed that day:
 * a single-threaded byte-at-a-time scan of a JTL with an HdrHistogram per label, and a Jackson
 * streaming loop over a k6 NDJSON file. Neither is a full parser: the JTL scan reads the timeStamp,
 * elapsed, label and success columns of JMeter's default layout (quotes minded, labels kept as
 * written); the NDJSON loop reads every token of every line and records http_req_duration per name.
 *
 * <p>{@code java -cp benchmarks.jar io.loadsmith.benchmarks.ReferenceScans jtl|ndjson FILE}: prints
 * the requests, failures and labels found, and the milliseconds taken (the JVM's start left out).
 */
public final class ReferenceScans {
    private ReferenceScans() {}

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        String found = args[0].equals("jtl") ? jtl(Path.of(args[1])) : ndjson(Path.of(args[1]));
        System.out.printf("%s in %.0f ms%n", found, (System.nanoTime() - start) / 1e6);
    }

    private static String jtl(Path file) throws IOException {
        byte[][] keys = new byte[1024][];
        Histogram[] histograms = new Histogram[1024];
        long rows = 0;
        long failures = 0;
        int labels = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 22];
            int keep = 0;
            boolean header = true;
            int n;
            while ((n = in.read(buf, keep, buf.length - keep)) > 0) {
                int limit = keep + n;
                int pos = 0;
                rows:
                while (true) {
                    // One row: fields 1 (elapsed), 2 (label) and 7 (success) of the default columns.
                    int i = pos;
                    int field = 0;
                    int fieldStart = pos;
                    long elapsed = 0;
                    int labelStart = 0;
                    int labelEnd = 0;
                    boolean ok = true;
                    boolean quoted = false;
                    while (true) {
                        if (i >= limit) {
                            break rows;
                        }
                        byte c = buf[i];
                        if (c == '"') {
                            quoted = !quoted;
                        } else if (!quoted && c == '\n') {
                            break;
                        } else if (!quoted && c == ',') {
                            if (field == 2) {
                                labelStart = fieldStart;
                                labelEnd = i;
                            } else if (field == 7) {
                                ok = buf[fieldStart] == 't';
                            }
                            field++;
                            fieldStart = i + 1;
                        } else if (field == 1) {
                            elapsed = elapsed * 10 + (c - '0');
                        }
                        i++;
                    }
                    pos = i + 1;
                    if (header) {
                        header = false;
                        continue;
                    }
                    int hash = 1;
                    for (int j = labelStart; j < labelEnd; j++) {
                        hash = 31 * hash + buf[j];
                    }
                    int slot = (hash ^ (hash >>> 16)) & (keys.length - 1);
                    while (keys[slot] != null && !Arrays.equals(keys[slot], 0, keys[slot].length, buf, labelStart, labelEnd)) {
                        slot = (slot + 1) & (keys.length - 1);
                    }
                    if (keys[slot] == null) {
                        keys[slot] = Arrays.copyOfRange(buf, labelStart, labelEnd);
                        histograms[slot] = new Histogram(3);
                        labels++;
                    }
                    histograms[slot].recordValue(elapsed);
                    rows++;
                    if (!ok) {
                        failures++;
                    }
                }
                keep = limit - pos;
                System.arraycopy(buf, pos, buf, 0, keep);
            }
        }
        return rows + " requests, " + failures + " failures, " + labels + " labels";
    }

    private static String ndjson(Path file) throws IOException {
        Map<String, Histogram> byName = new HashMap<>();
        long requests = 0;
        JsonFactory factory = new JsonFactory();
        try (JsonParser parser = factory.createParser(Files.newInputStream(file))) {
            // The file is a sequence of root-level objects; Jackson reads them one after the other.
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String metric = null;
                String type = null;
                String name = null;
                double value = Double.NaN;
                int depth = 1;
                while (depth > 0) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        depth--;
                    } else if (token == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken next = parser.nextToken();
                        if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
                            depth++;
                        } else if (field.equals("metric")) {
                            metric = parser.getText();
                        } else if (field.equals("type") && depth == 1) {
                            type = parser.getText();
                        } else if (field.equals("value")) {
                            value = parser.getDoubleValue();
                        } else if (field.equals("name") && depth == 3) {
                            name = parser.getText();
                        }
                    }
                }
                if ("Point".equals(type) && "http_req_duration".equals(metric) && name != null) {
                    byName.computeIfAbsent(name, k -> new Histogram(3)).recordValue(Math.round(value * 1000));
                    requests++;
                }
            }
        }
        return requests + " requests, " + byName.size() + " names";
    }
}
