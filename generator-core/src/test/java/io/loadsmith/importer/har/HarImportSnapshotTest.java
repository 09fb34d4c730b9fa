package io.loadsmith.importer.har;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.plan.PlanFileWriter;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.testing.Snapshots;
import io.loadsmith.testing.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HAR importer's spec: for the bundled recordings (and, with LOADSMITH_CORPUS, several of the
 * corpus), the plan (as a plan file, after the diagnostics) and the import report; for the bookshop
 * one, every tool's script.
 */
class HarImportSnapshotTest {
    private static final Path BOOKSHOP = TestPaths.samples().resolve("hars/bookshop.har");
    private static final List<String> SAMPLES = List.of("bookshop", "browser-forms");

    static List<String> recordings() {
        List<String> all = new java.util.ArrayList<>(SAMPLES);
        all.addAll(Corpus.ifEnabled(() -> List.of("har-to-k6-full", "gatling-chrome-form-encoding",
                "gatling-recorder-chrome61-redirect-post", "gatling-recorder-charles42-multipart", "har2locust-reqres.in",
                "mitmproxy-insomnia")));
        return all;
    }

    private static Path file(String name) {
        return SAMPLES.contains(name) ? TestPaths.samples().resolve("hars/" + name + ".har")
                : TestPaths.corpus().resolve("har/" + name + ".har");
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void plan(String name) {
        ImportResult result = Loadsmith.importHar(file(name), ImportOptions.defaults());
        String diagnostics = result.diagnostics().stream().map(d -> "# " + d).collect(Collectors.joining("\n"));
        Snapshots.verify(diagnostics + "\n" + PlanFileWriter.write(result.plan()), name, ".yaml");
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void report(String name) {
        Snapshots.verify(Loadsmith.importHar(file(name), ImportOptions.defaults()).report(), name, ".md");
    }

    @ParameterizedTest
    @MethodSource("io.loadsmith.testing.ToolSource#all")
    void bookshopScript(LoadTool tool) {
        List<RenderedFile> files = Loadsmith.render(Loadsmith.importHar(BOOKSHOP, ImportOptions.defaults()).plan(), tool).files();
        ScriptChecks.check(files);
        String text = files.stream().filter(f -> !f.path().startsWith(tool.id() + "/files/"))
                .map(f -> "==> " + f.path() + " <==\n" + new String(f.content(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        Snapshots.verify(text, tool.id(), ".txt");
    }
}
