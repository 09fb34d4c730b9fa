package io.loadsmith.cli;

import io.loadsmith.model.Threshold;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.RunResults;
import io.loadsmith.result.Summary;
import io.loadsmith.result.Thresholds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadsmith report}: one tool's results file, read into the normalized result and judged. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Reads a load tool's results into Loadsmith's normalized result, prints a summary and judges "
                + "thresholds.", "",
                "PATH is a results file, in any of the output formats of the tools Loadsmith knows (a JTL, a JSON "
                        + "stream or summary, CSV files, a report) or a result.json with its thresholds, or a run folder. The format is detected from the "
                        + "file unless --from says which tool wrote it."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "A results file or a run folder; several are the workers of one run (one file each), merged into one result.")
    List<Path> paths;

    @Option(names = "--from", paramLabel = "TOOL", completionCandidates = ToolNames.class,
            description = "The tool that wrote it: ${COMPLETION-CANDIDATES}.")
    String from;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "A threshold to judge, e.g. p95<500ms, error-rate<1%%, throughput>100/s, 'createBook: p99<800ms'. Repeatable.")
    List<String> thresholds = new ArrayList<>();

    @Mixin
    ResultOutputs outputs;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        LoadTool tool;
        try {
            tool = from == null ? null : LoadTools.byId(from);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--from: " + e.getMessage());
        }
        List<Threshold> judged = new ArrayList<>();
        for (String expression : thresholds) {
            judged.add(Threshold.parse(expression));
        }
        RunResult baseline = outputs.readBaseline();
        Set<Double> extra = Thresholds.extraPercentiles(judged);
        RunResult result;
        String source = String.join(" + ", paths.stream().map(Path::toString).toList());
        if (paths.size() == 1) {
            result = ResultParsers.parse(paths.get(0), tool, extra);
        } else {
            List<RunResult> parts = parseAll(tool, extra);
            result = RunResults.merge(parts, paths.stream().map(Path::toString).toList(), extra);
        }
        // A result.json comes judged on its run's thresholds: --threshold judges it afresh.
        if (!judged.isEmpty()) {
            result = Thresholds.judge(result, judged);
        }
        spec.commandLine().getOut().print(Summary.text(result, source));
        spec.commandLine().getOut().flush();
        return outputs.finish(result, baseline, source, null, null, spec.commandLine().getOut());
    }

    /**
     * The workers' files, one after the other: reading them on two threads at once was slower
     * than one by one (bench/merge.sh: 2.5 s against 2.1 s for 3 x 300 MB), each parser being
     * bound by memory rather than by one core.
     */
    private List<RunResult> parseAll(LoadTool tool, Set<Double> extra) {
        List<RunResult> parts = new ArrayList<>();
        for (Path path : paths) {
            parts.add(ResultParsers.parse(path, tool, extra));
        }
        return parts;
    }

    /** Written beside the target and moved into place, so a reader never sees half a file. */
    static void write(Path file, String content) {
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            // Not Files.createTempFile: its files are private (0600); this one gets the umask's mode, as any other.
            Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
