package io.loadsmith.importer;

import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import java.util.List;

/**
 * A plan and what the importer wants the user to know about it.
 *
 * @param report     a longer account of the import, written beside the scripts (for a HAR: what
 *                   was left out, correlated and scrubbed; for a spec: each scenario's steps, what
 *                   was generated, left out or made a variable); null when the importer has none
 * @param reportPath the file name the report is written to, beside {@code .env.example}
 */
public record ImportResult(TestPlan plan, List<Diagnostic> diagnostics, String report, String reportPath) {
    /** The report of a HAR import. */
    public static final String REPORT_PATH = "import-report.md";
    /** The report of a spec import. */
    public static final String SPEC_REPORT_PATH = "generate-report.md";

    public ImportResult {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
        diagnostics = List.copyOf(diagnostics);
        reportPath = reportPath == null ? REPORT_PATH : reportPath;
    }

    public ImportResult(TestPlan plan, List<Diagnostic> diagnostics, String report) {
        this(plan, diagnostics, report, REPORT_PATH);
    }

    public ImportResult(TestPlan plan, List<Diagnostic> diagnostics) {
        this(plan, diagnostics, null);
    }
}
