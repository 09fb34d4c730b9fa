package io.loadsmith.tool.artillery;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Artillery templates' spec: scenario.yml and processor.js for every sample, approved, read by
 * a YAML parser and by Node.js.
 */
class ArtillerySnapshotTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renders(Samples.Sample sample) {
        RenderResult result = Loadsmith.render(Loadsmith.importFile(sample.path(), ImportOptions.defaults()).plan(),
                LoadTools.ARTILLERY, RenderOptions.defaults());
        ScriptChecks.check(result.files());
        StringBuilder both = new StringBuilder();
        for (RenderedFile file : result.files()) {
            if (file.path().endsWith(".yml") || file.path().endsWith(".js")) {
                both.append("=== ").append(file.path()).append(" ===\n").append(file.text());
            }
        }
        Snapshots.verify(both.toString(), sample.name(), ".txt");
    }
}
