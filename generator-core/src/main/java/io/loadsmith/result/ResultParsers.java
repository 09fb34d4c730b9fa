package io.loadsmith.result;

import io.loadsmith.result.artillery.ArtilleryJsonParser;
import io.loadsmith.result.jmeter.JtlCsvParser;
import io.loadsmith.result.jmeter.JtlXmlParser;
import io.loadsmith.result.k6.K6CsvParser;
import io.loadsmith.result.k6.K6NdjsonParser;
import io.loadsmith.result.k6.K6SummaryParser;
import io.loadsmith.result.locust.LocustCsvParser;
import io.loadsmith.result.locust.LocustJsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Every parser, and which one reads a given file. */
public final class ResultParsers {
    private static final int HEAD = 64 * 1024;
    /** The order matters: the first parser that accepts a file reads it. */
    private static final List<ResultParser> ALL = List.of(new JtlXmlParser(), new K6SummaryParser(), new ArtilleryJsonParser(),
            new K6NdjsonParser(), new LocustJsonParser(), new LocustCsvParser(), new K6CsvParser(), new JtlCsvParser());
    /**
     * Files a run folder may hold, in the order they are preferred: every sample before a summary
     * (a k6 run folder has both samples.ndjson.gz and k6's own summary.json).
     */
    private static final List<String> RUN_FILES = List.of("result.jtl", "results.jtl", "samples.ndjson.gz", "samples.ndjson",
            "report.json", "stats_stats.csv", "locust_stats.csv", "results.json", "summary.json", "samples.csv");

    private ResultParsers() {}

    public static List<ResultParser> all() {
        return ALL;
    }

    /**
     * The parser for a file, from its first bytes.
     *
     * @param tool null, or the tool it must come from (k6, locust, artillery, jmeter)
     */
    public static ResultParser detect(Path file, String tool) {
        if (!Files.isRegularFile(file)) {
            throw new ResultParseException(file, null, Files.exists(file) ? "not a file" : "no such file");
        }
        String head = head(file);
        if (head.isBlank()) {
            throw new ResultParseException(file, null, "the file is empty");
        }
        for (ResultParser parser : ALL) {
            if ((tool == null || parser.tool().equals(tool.toLowerCase(Locale.ROOT))) && parser.accepts(file, head)) {
                return parser;
            }
        }
        throw new ResultParseException(file, null, "not a results file that Loadsmith knows"
                + (tool == null ? "" : " from " + tool) + ": expected a JMeter JTL (CSV or XML), a k6 summary, JSON or CSV "
                + "output, Locust's --csv or --json files, or an Artillery --output report");
    }

    /** Reads a file, or the results in a run folder. */
    public static RunResult parse(Path path, String tool, Set<Double> extraPercentiles) {
        Path file = Files.isDirectory(path) ? runFile(path) : path;
        return detect(file, tool).parse(file, extraPercentiles);
    }

    /** The results file of a run folder. */
    public static Path runFile(Path dir) {
        for (String name : RUN_FILES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jtl")).sorted().findFirst()
                    .orElseThrow(() -> new ResultParseException(dir, null, "no results file in this folder (looked for "
                            + String.join(", ", RUN_FILES) + ", *.jtl)"));
        } catch (IOException e) {
            throw new ResultParseException(dir, null, "cannot list it: " + e.getMessage(), e);
        }
    }

    private static String head(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int a = raw.read();
            int b = raw.read();
            raw.reset();
            InputStream in = a == 0x1f && b == 0x8b ? new GZIPInputStream(raw) : raw;
            byte[] bytes = in.readNBytes(HEAD);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        }
    }
}
