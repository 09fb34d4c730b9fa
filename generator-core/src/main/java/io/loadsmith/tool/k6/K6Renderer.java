package io.loadsmith.tool.k6;

import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.Renderer;
import io.loadsmith.render.TemplateEngine;
import io.loadsmith.render.escape.JavaScript;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code k6/script.js} and the data files it opens. */
public final class K6Renderer implements Renderer {
    /** The main script, relative to the output folder. */
    public static final String SCRIPT = "k6/script.js";

    @Override
    public RenderResult render(TestPlan plan, RenderOptions options) {
        K6ViewBuilder builder = new K6ViewBuilder(plan);
        K6Views.Script view = builder.build(options.sourceName());
        TemplateEngine engine = TemplateEngine.create("k6", JavaScript::escape, options.templateOverrides());
        List<RenderedFile> files = new ArrayList<>();
        files.add(RenderedFile.text(SCRIPT, engine.render("script.js", view)));
        files.addAll(builder.dataFiles());
        return new RenderResult(files, builder.diagnostics());
    }
}
