package io.loadsmith.tool.locust;

import io.loadsmith.tool.LiveReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Locust's figures so far: the last Aggregated row of its stats history ({@code --csv-full-history}). */
final class LocustLiveReader implements LiveReader {
    private final Path history;
    private long requests;
    private long failures;
    private Double p95;

    LocustLiveReader(Path history) {
        this.history = history;
    }

    @Override
    public Snapshot read() {
        try {
            aggregated();
        } catch (IOException e) {
            // the file is being written: what was read so far stands
        }
        return new Snapshot(requests, failures, p95);
    }

    private void aggregated() throws IOException {
        if (!Files.isRegularFile(history)) {
            return;
        }
        List<String> lines = Files.readAllLines(history);
        if (lines.size() < 2) {
            return;
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int name = header.indexOf("Name");
        for (int i = lines.size() - 1; i > 0; i--) {
            String[] fields = lines.get(i).split(",", -1);
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

    private static long parse(String value, long otherwise) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
