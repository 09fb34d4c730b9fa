package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.ThinkTime;
import io.loadsmith.model.Workload;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.RecordedRequest;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan's workload is each script's default, and the user's own command-line flags win, as in
 * any script of that tool: the bookshop plan asks for a minute of up to 6 users (constant, or
 * ramping in stages), and each tool is run with 2 users for 5 seconds the way its users say so
 * (k6 --vus/--duration, Locust -u/-r/-t, Artillery --overrides, JMeter -J properties, Gatling -D
 * system properties). The run ends
 * in seconds, and the demo API saw about 2 users' iterations of 1 s think time each.
 */
class OverrideRunTest {
    private static final int USERS = 2;
    private static final int SECONDS = 5;

    @TempDir
    Path dir;

    static List<Arguments> runs() {
        List<Arguments> runs = new java.util.ArrayList<>();
        for (LoadTool tool : LoadTools.all()) {
            runs.add(Arguments.of(tool, false));
            runs.add(Arguments.of(tool, true));
        }
        return runs;
    }

    @ParameterizedTest(name = "{0}, plan in stages: {1}")
    @MethodSource("runs")
    void theUsersOwnUsersAndDurationWin(LoadTool tool, boolean stages) throws Exception {
        TestPlan imported = Loadsmith.importFile(TestPaths.samples().resolve("specs/bookshop/openapi.yaml"),
                ImportOptions.defaults().withThinkTime(ThinkTime.fixed(Duration.ofSeconds(1)))).plan();
        Workload minute = stages
                ? new Workload.ClosedWorkload(0, List.of(new Workload.UserStage(Duration.ofSeconds(20), 6),
                        new Workload.UserStage(Duration.ofSeconds(40), 6)))
                : new Workload.ClosedWorkload(6, List.of(new Workload.UserStage(Duration.ofSeconds(60), 6)));
        TestPlan plan = imported.toBuilder().workload(minute).build();
        Path out = dir.resolve("out");
        Loadsmith.write(out, Loadsmith.render(plan, tool).files());

        try (DemoApi api = DemoApi.start(0)) {
            Map<String, String> env = new HashMap<>(Map.of("BASE_URL", api.baseUrl(), "OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                    "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET));
            List<String> options = switch (tool.id()) {
                case "k6" -> List.of("--vus", Integer.toString(USERS), "--duration", SECONDS + "s");
                case "locust" -> List.of("-u", Integer.toString(USERS), "-r", Integer.toString(USERS), "-t", SECONDS + "s");
                case "artillery" -> List.of("--overrides", "{\"config\": {\"phases\": [{\"duration\": 1, \"arrivalCount\": " + USERS
                        + "}], \"variables\": {\"testSeconds\": " + SECONDS + "}}}");
                case "jmeter" -> List.of("-Jthreads=" + USERS, "-Jrampup=0", "-Jduration=" + SECONDS);
                case "gatling" -> List.of("-Dusers=" + USERS, "-Dduration=" + SECONDS);
                default -> throw new IllegalArgumentException("no workload flags known for " + tool);
            };
            if (tool.equals(LoadTools.LOCUST) && stages) {
                // Locust takes no -u/-r/-t beside a shape class: the locustfile says how to switch it off.
                env.put("LOADSMITH_SHAPE", "off");
            }
            long start = System.nanoTime();
            ToolRun.run(tool, out, env, options, 120).requireClean();
            double wall = (System.nanoTime() - start) / 1e9;
            assertTrue(wall < 40, tool + " ran " + wall + " s: the plan's minute, not the user's " + SECONDS + " s");

            // Each iteration runs the book's journey (which creates one book) or the health check, then thinks for 1 s:
            // about users x seconds / (1 s + its requests).
            List<RecordedRequest> started = api.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().endsWith("/books") || r.path().endsWith("/health")).toList();
            int iterations = started.size();
            assertTrue(iterations >= USERS * (SECONDS - 2) / 2 && iterations <= USERS * (SECONDS + 1),
                    tool + ": " + iterations + " iterations for " + USERS + " users in " + SECONDS + " s");
            System.out.printf("%s%s: %d iterations of %d users in %.1f s%n", tool.id(), stages ? " (stages)" : "", iterations,
                    USERS, wall);
        }
    }
}
