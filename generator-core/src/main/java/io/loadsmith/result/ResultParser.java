package io.loadsmith.result;

import io.loadsmith.tool.LoadTool;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads one native output format of one tool into a {@link RunResult}. Parsers are pure functions
 * of the file: they stream it, keep memory flat whatever its size, and throw
 * {@link ResultParseException} naming the file and the place when it cannot be read. A file cut
 * short (a killed run) gives the figures of what it holds and a warning.
 */
public interface ResultParser {
    /** The tool whose output this is. */
    LoadTool tool();

    /**
     * Where this parser comes when a file's format is detected: the first that accepts a file reads
     * it, so a format that would accept others' files (JMeter's CSV, which takes any CSV with a
     * header) comes last.
     */
    default int order() {
        return 50;
    }

    /** The format's name, as result.json's {@code format} gives it: {@code jmeter-jtl-csv}. */
    String format();

    /**
     * Whether the file looks like this format.
     *
     * @param head the file's first characters (at most 64 KiB, gzip already undone), as UTF-8
     */
    boolean accepts(Path file, String head);

    /**
     * Reads the file.
     *
     * @param extraPercentiles percentiles to compute beyond p50, p75, p90, p95 and p99 (99.9 for p99.9)
     */
    RunResult parse(Path file, Set<Double> extraPercentiles);
}
