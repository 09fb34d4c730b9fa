package io.loadsmith.cli;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.samples.demo.DemoApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code loadsmith demo}: the bundled bookshop API, load-tested for 15 seconds, end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the bundled bookshop demo API on 127.0.0.1, load-test it for a few seconds and print "
                + "the normalized summary.", "",
                "It uses JMeter unless --tool says otherwise; JMeter is fetched from Maven Central once when it is not "
                        + "installed. The run folder (scripts, raw results, result.json) stays in --results."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--tool"}, paramLabel = "TOOL", defaultValue = "jmeter",
            completionCandidates = ToolNames.class, description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String tool;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "15s", description = "How long (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--vus", paramLabel = "N", defaultValue = "4", description = "Virtual users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "loadsmith-results",
            description = "Where the run folder goes (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--tool-path", paramLabel = "PATH", description = "The tool's executable, when it is not on the PATH.")
    Path toolPath;

    @Option(names = "--slow", paramLabel = "RULE", description = {"Makes one operation of the demo API slower, as a regression "
            + "would: 'METHOD PATH=TIME', e.g. 'GET /books/{bookId}=30ms' (then loadsmith compare shows it). Repeatable."})
    List<String> slow = new java.util.ArrayList<>();

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        LoadTool chosen = GenerateCommand.tools(tool).get(0);
        List<String> launcher = RunCommand.launcher(chosen, toolPath, System.getenv(), this.spec.commandLine().getErr());
        Path spec = Files.createTempFile("loadsmith-bookshop", ".yaml");
        try (InputStream in = DemoApi.class.getResourceAsStream("/io/loadsmith/samples/bookshop/openapi.yaml");
             DemoApi api = DemoApi.start(0)) {
            if (in == null) {
                throw new IllegalStateException("the bookshop spec is missing from the samples jar");
            }
            for (String rule : slow) {
                api.delay(rule);
            }
            Files.copy(in, spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            this.spec.commandLine().getOut().println("demo API on " + api.baseUrl() + " (client id " + DemoApi.CLIENT_ID + ")");
            // No think time: the demo shows what the tool and the API do, not a realistic user.
            PlanOptions options = new PlanOptions(api.baseUrl(), List.of(), null, users, null, parse(duration), List.of("p95<500ms",
                    "error-rate<1%"));
            Generation generation = Loadsmith.generate(spec, ImportOptions.defaults().withThinkTime(null), options, List.of(chosen),
                    RenderOptions.defaults());
            Map<String, String> credentials = Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID, "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET);
            return RunCommand.execute(this.spec, chosen, launcher, generation, results, api.baseUrl(), credentials, null, null, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    private static Duration parse(String text) {
        return PlanMixin.duration(text);
    }
}
