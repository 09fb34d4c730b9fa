package io.loadsmith.tool.gatling;

import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.LogTail;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatling's figures so far, from the table it prints to its console every few seconds (the run's
 * tool.log): the {@code > Global | total | OK | KO} line of the latest one. Its console has no
 * percentiles while the run goes on.
 */
final class GatlingLiveReader implements LiveReader {
    /** Counts are grouped the locale's way: {@code 3,853}, {@code 3.853}, {@code 3 853}. */
    private static final Pattern GLOBAL = Pattern.compile("^> Global\\s*\\|([^|]+)\\|([^|]+)\\|([^|]+)$");

    private final LogTail console;
    private Snapshot last;

    GatlingLiveReader(Path console) {
        this.console = new LogTail(console);
    }

    @Override
    public Snapshot read() {
        try {
            for (String line : console.newLines()) {
                Matcher global = GLOBAL.matcher(line.strip());
                if (global.matches()) {
                    last = new Snapshot(count(global.group(1)), count(global.group(3)), null);
                } else if (line.contains("---- Global Information")) {
                    // The closing report: what follows is not a later count.
                    console.stop();
                    break;
                }
            }
        } catch (IOException e) {
            // the file is being written: what was read so far stands
        }
        return last;
    }

    private static long count(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
