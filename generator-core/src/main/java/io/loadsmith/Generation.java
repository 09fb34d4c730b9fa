package io.loadsmith;

import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderedFile;
import java.util.List;

/** What {@link Loadsmith#generate} produced: the plan, the files and every diagnostic on the way. */
public record Generation(TestPlan plan, List<RenderedFile> files, List<Diagnostic> diagnostics) {
    public Generation {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
