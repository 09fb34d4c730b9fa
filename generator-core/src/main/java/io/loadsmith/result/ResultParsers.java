package io.loadsmith.result;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.tool.RunFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Every tool's parsers, and which one reads a given file. */
public final class ResultParsers {
    private static final int HEAD = 64 * 1024;

    private ResultParsers() {}

    /** Every parser of every tool, in the order they are tried: by {@link ResultParser#order()}, then by tool. */
    public static List<ResultParser> all() {
        return LoadTools.all().stream().flatMap(t -> t.resultParsers().stream())
                .sorted(Comparator.comparingInt(ResultParser::order)).toList();
    }

    /**
     * The parser for a file, from its first bytes.
     *
     * @param tool null, or the tool it must come from
     */
    public static ResultParser detect(Path file, LoadTool tool) {
        if (!Files.isRegularFile(file)) {
            throw new ResultParseException(file, null, Files.exists(file) ? "not a file" : "no such file");
        }
        String head = head(file);
        if (head.isBlank()) {
            throw new ResultParseException(file, null, "the file is empty");
        }
        for (ResultParser parser : all()) {
            if ((tool == null || parser.tool().equals(tool)) && parser.accepts(file, head)) {
                return parser;
            }
        }
        throw new ResultParseException(file, null, "not a results file that Loadsmith knows"
                + (tool == null ? "" : " from " + tool.id()) + ": expected a result.json or " + expected(tool));
    }

    private static String expected(LoadTool only) {
        List<String> formats = new ArrayList<>();
        for (LoadTool tool : LoadTools.all()) {
            if (only == null || tool.equals(only)) {
                formats.add(tool.displayName() + " (" + String.join(", ", tool.resultParsers().stream().map(ResultParser::format).toList())
                        + ")");
            }
        }
        return "an output of " + String.join(", ", formats);
    }

    /**
     * Reads a file (a tool's output, or a {@code result.json} with its thresholds and verdict), or
     * the results in a run folder.
     */
    public static RunResult parse(Path path, LoadTool tool, Set<Double> extraPercentiles) {
        Path file = Files.isDirectory(path) ? runFile(path) : path;
        if (Files.isRegularFile(file) && ResultJsonReader.accepts(head(file))) {
            return ResultJsonReader.read(file, tool, extraPercentiles);
        }
        return detect(file, tool).parse(file, extraPercentiles);
    }

    /**
     * The results file of a run folder: the {@code result.json} that {@code loadsmith run} leaves,
     * else the first of the files some tool's runs leave, in each tool's order of preference.
     */
    public static Path runFile(Path dir) {
        List<String> names = Stream.concat(Stream.of("result.json"),
                LoadTools.all().stream().flatMap(t -> t.resultFiles().stream())).toList();
        for (String name : names) {
            Optional<Path> candidate = RunFiles.find(dir, name);
            if (candidate.isPresent()) {
                return candidate.get();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jtl")).sorted().findFirst()
                    .orElseThrow(() -> new ResultParseException(dir, null, "no results file in this folder (looked for "
                            + String.join(", ", names) + ", *.jtl)"));
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
