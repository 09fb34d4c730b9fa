package io.loadsmith.tool.artillery;

import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.Renderer;
import io.loadsmith.render.TemplateEngine;
import io.loadsmith.render.escape.JavaScript;
import io.loadsmith.render.escape.Yaml;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code artillery/scenario.yml}, and {@code artillery/processor.js} when the plan needs one. */
public final class ArtilleryRenderer implements Renderer {
    /** The main script, relative to the output folder. */
    public static final String SCRIPT = "artillery/scenario.yml";
    public static final String PROCESSOR = "artillery/processor.js";

    @Override
    public RenderResult render(TestPlan plan, RenderOptions options) {
        ArtilleryViewBuilder builder = new ArtilleryViewBuilder(plan);
        ArtilleryViews.Script view = builder.build(options.sourceName());
        List<RenderedFile> files = new ArrayList<>();
        files.add(RenderedFile.text(SCRIPT,
                TemplateEngine.create("artillery", "yaml", Yaml::escape, options.templateOverrides()).render("scenario.yml", view)));
        if (view.hasProcessor()) {
            files.add(RenderedFile.text(PROCESSOR, TemplateEngine.create("artillery", "js", JavaScript::escape,
                    options.templateOverrides()).render("processor.js", builder.processor())));
        }
        files.addAll(builder.dataFiles());
        return new RenderResult(files, builder.diagnostics());
    }
}
