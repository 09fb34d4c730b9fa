package io.loadsmith.tool.artillery;

import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.LogTail;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Artillery's figures so far, summed from the periodic reports it prints to its console (the run's tool.log). */
final class ArtilleryLiveReader implements LiveReader {
    private static final Pattern COUNTER = Pattern.compile("^(http\\.requests|http\\.codes\\.(\\d+)|errors\\.[^:]+):\\s*\\.*\\s*(\\d+)\\s*$");
    private static final Pattern P95 = Pattern.compile("^\\s*p95:\\s*\\.*\\s*([\\d.]+)\\s*$");

    private final LogTail console;
    private long requests;
    private long failures;
    private Double p95;
    private boolean inLatency;

    ArtilleryLiveReader(Path console) {
        this.console = new LogTail(console);
    }

    @Override
    public Snapshot read() {
        try {
            for (String line : console.newLines()) {
                if (!line(line)) {
                    break;
                }
            }
        } catch (IOException e) {
            // the file is being written: what was read so far stands
        }
        return new Snapshot(requests, failures, p95);
    }

    /** Reads one line of the console; false at the summary report, whose figures repeat the totals of the periodic ones. */
    private boolean line(String line) {
        if (line.contains("Summary report")) {
            console.stop();
            return false;
        }
        Matcher counter = COUNTER.matcher(line.strip());
        if (counter.matches()) {
            long value = Long.parseLong(counter.group(3));
            if (counter.group(1).equals("http.requests")) {
                requests += value;
            } else if (counter.group(1).startsWith("errors.")
                    || counter.group(2) != null && Integer.parseInt(counter.group(2)) >= 400) {
                failures += value;
            }
            return true;
        }
        if (line.strip().startsWith("http.response_time:")) {
            inLatency = true;
            return true;
        }
        Matcher p = P95.matcher(line);
        if (inLatency && p.matches()) {
            p95 = Double.parseDouble(p.group(1));
            inLatency = false;
        }
        return true;
    }
}
