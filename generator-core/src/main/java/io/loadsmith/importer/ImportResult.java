package io.loadsmith.importer;

import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import java.util.List;

/**
 * A plan and what the importer wants the user to know about it.
 *
 * @param report a longer account of the import, written beside the scripts (for a HAR: what was
 *               left out, correlated and scrubbed); null when the importer has none
 */
public record ImportResult(TestPlan plan, List<Diagnostic> diagnostics, String report) {
    /** The file name the report is written to, beside {@code .env.example}. */
    public static final String REPORT_PATH = "import-report.md";

    public ImportResult {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
        diagnostics = List.copyOf(diagnostics);
    }

    public ImportResult(TestPlan plan, List<Diagnostic> diagnostics) {
        this(plan, diagnostics, null);
    }
}
