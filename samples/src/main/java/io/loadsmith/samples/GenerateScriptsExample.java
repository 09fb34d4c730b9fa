package io.loadsmith.samples;

import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.WorkloadPreset;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Java API in a few lines: import an OpenAPI document, adjust the plan, render a k6 script,
 * write it.
 *
 * <pre>java -cp ... io.loadsmith.samples.GenerateScriptsExample samples/specs/bookshop/openapi.yaml out</pre>
 */
public final class GenerateScriptsExample {
    private GenerateScriptsExample() {}

    public static void main(String[] args) {
        Path spec = Path.of(args.length > 0 ? args[0] : "samples/specs/bookshop/openapi.yaml");
        Path out = Path.of(args.length > 1 ? args[1] : "out");

        // 1. Import: the same seed always gives the same request data.
        ImportResult imported = Loadsmith.importOpenApi(spec, ImportOptions.defaults().withSeed(42));
        imported.diagnostics().stream().map(Diagnostic::toString).forEach(System.err::println);

        // 2. Adjust: a load profile of 10 users for a minute, and a latency objective.
        TestPlan plan = Loadsmith.customize(imported.plan(), new PlanOptions(null, List.of(), WorkloadPreset.LOAD, 10, null,
                Duration.ofMinutes(1), List.of())).plan();
        plan = plan.toBuilder().threshold(Threshold.parse("p95<500ms")).build();

        // 3. Render and write: files are written atomically under the output folder.
        RenderResult k6 = Loadsmith.render(plan, LoadTools.K6);
        Loadsmith.write(out, k6.files());
        for (RenderedFile file : k6.files()) {
            System.out.println("wrote " + out.resolve(file.path()));
        }
    }
}
