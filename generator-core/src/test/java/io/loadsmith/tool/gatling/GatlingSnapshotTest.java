package io.loadsmith.tool.gatling;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.testing.Snapshots;
import io.loadsmith.tool.LoadTools;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gatling templates' spec: the simulation and its pom.xml for every sample, approved; the
 * simulation compiled by javac against Gatling's Java DSL, the XML files read by an XML parser.
 */
class GatlingSnapshotTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renders(Samples.Sample sample) {
        RenderResult result = Loadsmith.render(Loadsmith.importFile(sample.path(), ImportOptions.defaults()).plan(),
                LoadTools.GATLING, RenderOptions.defaults());
        ScriptChecks.check(result.files());
        StringBuilder both = new StringBuilder();
        for (RenderedFile file : result.files()) {
            if (file.path().endsWith(".java") || file.path().endsWith("pom.xml")) {
                both.append("=== ").append(file.path()).append(" ===\n").append(file.text());
            }
        }
        Snapshots.verify(both.toString(), sample.name(), ".txt");
    }
}
