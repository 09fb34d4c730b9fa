package io.loadsmith.cli;

import io.loadsmith.result.Comparison;
import io.loadsmith.result.ComparisonReport;
import io.loadsmith.result.HtmlReport;
import io.loadsmith.result.JUnitReport;
import io.loadsmith.result.RegressionLimit;
import io.loadsmith.result.ResultJson;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** What {@code report} and {@code run} write besides the terminal summary, and the baseline they compare with. */
final class ResultOutputs {
    @Option(names = "--json", paramLabel = "FILE", description = "Write the normalized result (result.json's format) to FILE.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML with one test case per threshold to FILE.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Write a Markdown summary (for a pull request or $GITHUB_STEP_SUMMARY) to FILE.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the HTML report (charts, sortable table of operations; one file that opens offline) to FILE.")
    Path html;

    @Option(names = "--baseline", paramLabel = "PATH",
            description = "Compare with this earlier run (any results file, a result.json or a run folder): exit 4 when a "
                    + "--max-regression limit is crossed.")
    Path baseline;

    @Option(names = "--max-regression", paramLabel = "LIMIT",
            description = "With --baseline: how much worse a figure may get, as loadsmith compare takes it (default: "
                    + "p95:+10%%, '*: p95:+10%%', error-rate:+1pp). Repeatable.")
    List<String> limits = new ArrayList<>();

    /** The baseline read and the limits checked before anything runs: a mistake there should not cost a test run. */
    RunResult readBaseline() {
        if (baseline == null) {
            if (!limits.isEmpty()) {
                throw new IllegalArgumentException("--max-regression needs --baseline");
            }
            return null;
        }
        limits();
        return ResultParsers.parse(baseline, null, Set.of());
    }

    private List<RegressionLimit> limits() {
        return limits(limits);
    }

    /** {@code --max-regression} values read, or the default limits when there are none. */
    static List<RegressionLimit> limits(List<String> expressions) {
        List<RegressionLimit> parsed = new ArrayList<>();
        for (String limit : expressions.isEmpty() ? Comparison.DEFAULT_LIMITS : expressions) {
            try {
                parsed.add(RegressionLimit.parse(limit));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--max-regression: " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    /**
     * Prints the comparison with the baseline (if any), writes the files asked for, and gives the
     * exit code: 4 when a threshold or a regression limit failed.
     */
    int finish(RunResult result, RunResult baselineResult, String source, String workload, Path runFolder, PrintWriter out) {
        Comparison comparison = baselineResult == null ? null : Comparison.of(baselineResult, result, limits());
        if (runFolder != null || html != null) {
            String page = HtmlReport.write(result, source, workload, comparison);
            if (runFolder != null) {
                // A run folder always gets its report.
                ReportCommand.write(runFolder.resolve("report.html"), page);
            }
            if (html != null) {
                ReportCommand.write(html, page);
            }
        }
        if (comparison != null) {
            out.print("\n" + ComparisonReport.text(comparison, baseline.toString(), source));
            out.flush();
        }
        if (json != null) {
            ReportCommand.write(json, ResultJson.write(result));
        }
        if (junit != null) {
            ReportCommand.write(junit, JUnitReport.write(result));
        }
        if (markdown != null) {
            ReportCommand.write(markdown, Summary.markdown(result, source, comparison, baseline == null ? null : baseline.toString()));
        }
        boolean passed = result.passed() && (comparison == null || comparison.passed());
        return passed ? ExitCodes.OK : ExitCodes.THRESHOLDS_BREACHED;
    }
}
