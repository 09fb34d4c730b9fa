package io.loadsmith.tool.locust;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Locust templates' spec: the whole locustfile for every sample, approved, and compiled by
 * CPython; and its settings file, locust.conf.
 */
class LocustSnapshotTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renders(Samples.Sample sample) {
        RenderResult result = Loadsmith.render(Loadsmith.importFile(sample.path(), ImportOptions.defaults()).plan(),
                LoadTools.LOCUST, RenderOptions.defaults());
        ScriptChecks.check(result.files());
        Snapshots.verify(result.file(LoadTools.LOCUST.scriptPath()).text(), sample.name(), ".py");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void settings(Samples.Sample sample) {
        RenderResult result = Loadsmith.render(Loadsmith.importFile(sample.path(), ImportOptions.defaults()).plan(),
                LoadTools.LOCUST, RenderOptions.defaults());
        Snapshots.verify(result.file(LocustRenderer.SETTINGS).text(), sample.name(), ".conf");
    }
}
