package io.loadsmith.tool.jmeter;

import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.LogTail;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** JMeter's figures so far, from the rows it appends to its JTL; p95 over the last 2000 samples. */
final class JtlLiveReader implements LiveReader {
    private final LogTail jtl;
    private int elapsedColumn = -1;
    private int successColumn = -1;
    private int messageColumn = -1;
    private long requests;
    private long failures;
    private final Deque<Long> recent = new ArrayDeque<>();
    private Double p95;

    JtlLiveReader(Path file) {
        this.jtl = new LogTail(file);
    }

    @Override
    public Snapshot read() {
        try {
            for (String line : jtl.newLines()) {
                row(line);
            }
        } catch (IOException e) {
            // the file is being written: what was read so far stands
        }
        if (!recent.isEmpty()) {
            long[] sorted = recent.stream().mapToLong(Long::longValue).sorted().toArray();
            p95 = (double) sorted[(int) Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
        }
        return new Snapshot(requests, failures, p95);
    }

    private void row(String line) {
        String[] fields = line.split(",", -1);
        if (elapsedColumn < 0) {
            List<String> header = Arrays.asList(fields);
            elapsedColumn = header.indexOf("elapsed");
            successColumn = header.indexOf("success");
            messageColumn = header.indexOf("responseMessage");
            return;
        }
        if (fields.length <= Math.max(elapsedColumn, successColumn)
                || messageColumn >= 0 && fields[messageColumn].startsWith("\"Number of samples in transaction")) {
            return;
        }
        requests++;
        if (successColumn >= 0 && fields[successColumn].equals("false")) {
            failures++;
        }
        try {
            recent.addLast(Long.parseLong(fields[elapsedColumn]));
        } catch (NumberFormatException e) {
            return;
        }
        if (recent.size() > 2000) {
            recent.removeFirst();
        }
    }
}
