package io.loadsmith.tool.jmeter;

import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.Renderer;
import io.loadsmith.render.TemplateEngine;
import io.loadsmith.render.escape.Xml;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code jmeter/plan.jmx}, a JMeter 5.6 test plan, and the files it uploads. */
public final class JMeterRenderer implements Renderer {
    /** The main script, relative to the output folder. */
    public static final String SCRIPT = "jmeter/plan.jmx";

    @Override
    public RenderResult render(TestPlan plan, RenderOptions options) {
        JMeterViewBuilder builder = new JMeterViewBuilder(plan);
        JMeterViews.Plan view = builder.build(options.sourceName());
        TemplateEngine engine = TemplateEngine.create("jmeter", Xml::escape, options.templateOverrides());
        List<RenderedFile> files = new ArrayList<>();
        files.add(RenderedFile.text(SCRIPT, engine.render("plan.jmx", view)));
        files.addAll(builder.dataFiles());
        return new RenderResult(files, builder.diagnostics());
    }
}
