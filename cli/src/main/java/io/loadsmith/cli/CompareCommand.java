package io.loadsmith.cli;

import io.loadsmith.result.Comparison;
import io.loadsmith.result.ComparisonReport;
import io.loadsmith.result.RegressionLimit;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadsmith compare}: a run against a baseline run, per operation, judged on regression limits. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares a run with a baseline run: both runs' figures per operation, the operations only one "
                + "has, and a verdict on regression limits (exit 4 when one is crossed).", "",
                "BASELINE and CURRENT are each any results file Loadsmith reads (a tool's output or a result.json) or a "
                        + "run folder. Where both runs carry exact latency histograms, a latency limit counts only when "
                        + "the difference is also beyond the noise (Mann-Whitney U test, p < 0.01)."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The run to compare with.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The run to judge.")
    Path current;

    @Option(names = "--max-regression", paramLabel = "LIMIT",
            description = {"How much worse a figure may get: [SCOPE: ]FIGURE:AMOUNT, e.g. p95:+10%%, max:+200ms, "
                    + "error-rate:+1pp, throughput:-5%%, 'createBook: p99:+10%%', '*: p95:+10%%' (every operation). "
                    + "Figures: p50, p75, p90, p95, p99, max, mean, error-rate, throughput. Repeatable.",
                    "Default: p95:+10%%, '*: p95:+10%%', error-rate:+1pp."})
    List<String> limits = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown summary (for a pull request or $GITHUB_STEP_SUMMARY) to FILE.")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML with one test case per limit to FILE.")
    Path junit;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        List<RegressionLimit> parsed = ResultOutputs.limits(limits);
        RunResult before = ResultParsers.parse(baseline, null, Set.of());
        RunResult now = ResultParsers.parse(current, null, Set.of());
        Comparison comparison = Comparison.of(before, now, parsed);
        spec.commandLine().getOut().print(ComparisonReport.text(comparison, baseline.toString(), current.toString()));
        spec.commandLine().getOut().flush();
        if (markdown != null) {
            ReportCommand.write(markdown, ComparisonReport.markdown(comparison, baseline.toString(), current.toString()));
        }
        if (junit != null) {
            ReportCommand.write(junit, ComparisonReport.junit(comparison));
        }
        return comparison.passed() ? ExitCodes.OK : ExitCodes.THRESHOLDS_BREACHED;
    }
}
