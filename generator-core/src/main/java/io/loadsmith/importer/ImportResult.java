package io.loadsmith.importer;

import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import java.util.List;

/** A plan and what the importer wants the user to know about it. */
public record ImportResult(TestPlan plan, List<Diagnostic> diagnostics) {
    public ImportResult {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
        diagnostics = List.copyOf(diagnostics);
    }
}
