package io.loadsmith.render;

import io.loadsmith.model.Diagnostic;
import java.util.List;

/** The files a renderer produced and what it had to approximate. */
public record RenderResult(List<RenderedFile> files, List<Diagnostic> diagnostics) {
    public RenderResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The file at {@code path}. */
    public RenderedFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rendered file " + path));
    }
}
