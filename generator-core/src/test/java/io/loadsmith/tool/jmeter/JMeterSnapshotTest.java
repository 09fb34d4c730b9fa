package io.loadsmith.tool.jmeter;

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
 * The JMeter templates' spec: the whole plan.jmx for every sample, approved and well-formed XML.
 * (tool-tests loads the same plans in JMeter's own SaveService and runs them.)
 */
class JMeterSnapshotTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renders(Samples.Sample sample) {
        RenderResult result = Loadsmith.render(Loadsmith.importFile(sample.path(), ImportOptions.defaults()).plan(),
                LoadTools.JMETER, RenderOptions.defaults());
        ScriptChecks.check(result.files());
        Snapshots.verify(result.file(LoadTools.JMETER.scriptPath()).text(), sample.name(), ".jmx");
    }
}
