package io.loadsmith.tool.gatling;

import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.Renderer;
import io.loadsmith.render.TemplateEngine;
import io.loadsmith.render.escape.Xml;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code gatling/} as a Maven project that runs as it is: the simulation in
 * {@code src/test/java}, its data files and logging setup in {@code src/test/resources}, and a
 * {@code pom.xml} with Gatling and its Maven plugin.
 */
public final class GatlingRenderer implements Renderer {
    /** The main script, relative to the output folder. */
    public static final String SCRIPT = "gatling/src/test/java/loadsmith/LoadsmithSimulation.java";
    /** The simulation's class, as Gatling is told to run it. */
    public static final String SIMULATION = "loadsmith.LoadsmithSimulation";
    static final String SOURCES = "gatling/src/test/java";
    static final String RESOURCES = "gatling/src/test/resources";
    /** The Gatling version the pom asks for and Loadsmith installs. */
    public static final String GATLING_VERSION = "3.15.1";
    static final String MAVEN_PLUGIN_VERSION = "4.21.12";

    @Override
    public RenderResult render(TestPlan plan, RenderOptions options) {
        GatlingViewBuilder builder = new GatlingViewBuilder(plan, RESOURCES);
        GatlingViews.Simulation view = builder.build(options.sourceName());
        TemplateEngine java = TemplateEngine.create("gatling", "java", JavaText::escape, options.templateOverrides());
        TemplateEngine xml = TemplateEngine.create("gatling", "xml", Xml::escape, options.templateOverrides());
        List<RenderedFile> files = new ArrayList<>();
        files.add(RenderedFile.text(SCRIPT, java.render("simulation.java", view)));
        Pom pom = new Pom(GATLING_VERSION, MAVEN_PLUGIN_VERSION);
        files.add(RenderedFile.text("gatling/pom.xml", xml.render("pom.xml", pom)));
        files.add(RenderedFile.text(RESOURCES + "/logback-test.xml", xml.render("logback-test.xml", pom)));
        files.addAll(builder.dataFiles());
        return new RenderResult(files, builder.diagnostics());
    }

    /** What the pom names: the versions of Gatling and its Maven plugin. */
    record Pom(String gatlingVersion, String pluginVersion) {}
}
