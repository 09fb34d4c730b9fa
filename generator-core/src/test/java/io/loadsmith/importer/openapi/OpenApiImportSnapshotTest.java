package io.loadsmith.importer.openapi;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.plan.PlanFileWriter;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.Snapshots;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The importer's spec: each sample's plan, dumped as a plan file, with the diagnostics it reported. */
class OpenApiImportSnapshotTest {
    static java.util.List<Samples.Sample> samples() {
        return Samples.all().stream().filter(s -> !s.name().endsWith("-plan")).toList();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void imports(Samples.Sample sample) {
        ImportResult result = Loadsmith.importFile(sample.path(), ImportOptions.defaults());
        String diagnostics = result.diagnostics().stream().map(d -> "# " + d).collect(Collectors.joining("\n"));
        Snapshots.verify(diagnostics + "\n" + PlanFileWriter.write(result.plan()), sample.name(), ".yaml");
    }
}
