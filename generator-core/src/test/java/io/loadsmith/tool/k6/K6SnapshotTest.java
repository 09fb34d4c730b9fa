package io.loadsmith.tool.k6;

import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.Node;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The k6 template's spec: the whole script for every sample, approved, and parsed by Node as an ES module. */
class K6SnapshotTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renders(Samples.Sample sample) {
        String script = Loadsmith.generate(sample.path(), ImportOptions.defaults(), PlanOptions.none(), List.of(LoadTools.K6),
                RenderOptions.defaults()).files().get(0).text();
        Node.checkModule(script);
        Snapshots.verify(script, sample.name(), ".js");
    }
}
