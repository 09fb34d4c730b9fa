package io.loadsmith.tool.locust;

import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.Renderer;
import io.loadsmith.render.TemplateEngine;
import io.loadsmith.render.escape.Python;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code locust/locustfile.py}, its settings ({@code locust.conf}) and the data files it reads. */
public final class LocustRenderer implements Renderer {
    /** The main script, relative to the output folder. */
    public static final String SCRIPT = "locust/locustfile.py";
    /** Locust's configuration file beside the locustfile, which {@code locust} reads when run in that folder. */
    public static final String SETTINGS = "locust/locust.conf";

    @Override
    public RenderResult render(TestPlan plan, RenderOptions options) {
        LocustViewBuilder builder = new LocustViewBuilder(plan);
        LocustViews.Script view = builder.build(options.sourceName());
        TemplateEngine engine = TemplateEngine.create("locust", Python::escape, options.templateOverrides());
        List<RenderedFile> files = new ArrayList<>();
        files.add(RenderedFile.text(SCRIPT, engine.render("locustfile.py", view)));
        files.add(RenderedFile.text(SETTINGS, engine.render("locust.conf", builder.settings())));
        files.addAll(builder.dataFiles());
        return new RenderResult(files, builder.diagnostics());
    }
}
