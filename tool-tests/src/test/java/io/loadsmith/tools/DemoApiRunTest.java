package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.ThinkTime;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.RecordedRequest;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bookshop sample, generated for Locust, Artillery and JMeter and run by the real tool for a
 * few seconds against the demo API. From the API's own log: every operation arrives with the
 * method, path, query, headers and body the plan gives it; the OAuth 2.0 token is fetched once
 * and sent by every request; each created book and order id comes back in the requests that
 * follow; the rate matches the workload; and the tool reports no error.
 */
class DemoApiRunTest {
    private static final Path SPEC = TestPaths.samples().resolve("specs/bookshop/openapi.yaml");
    private static final Duration DURATION = Duration.ofSeconds(8);
    private static final int CLOSED_USERS = 3;
    private static final double OPEN_RATE = 4;
    private static final Duration THINK = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    static List<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (LoadTool tool : LoadTools.all()) {
            runs.add(Arguments.of(tool, "closed"));
            runs.add(Arguments.of(tool, "open"));
        }
        return runs;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void runsAgainstTheDemoApiAsPlanned(LoadTool tool, String model) throws Exception {
        boolean open = model.equals("open");
        // Open: 4 arrivals/s with at most 8 users, so that Locust's pacing (users / rate = 2 s) fits the run.
        // Artillery's users each pick one scenario and repeat it in a closed workload: with three, both
        // scenarios (equal weights) are picked only 3 times in 4; with twelve, all but once in 2000 runs.
        int users = !open && tool == LoadTools.ARTILLERY ? 12 : CLOSED_USERS;
        PlanOptions options = open ? new PlanOptions(null, List.of(), null, 8, OPEN_RATE, DURATION, List.of())
                : new PlanOptions(null, List.of(), null, users, null, DURATION, List.of());
        // A think time of a second and a half: a fraction of a second is a pause in every tool too (Artillery once read 0.5 as none).
        Generation generation = Loadsmith.generate(SPEC, ImportOptions.defaults().withThinkTime(ThinkTime.fixed(THINK)), options,
                List.of(tool), RenderOptions.defaults());
        Path out = Files.createDirectories(dir.resolve("out"));
        Loadsmith.write(out, generation.files());

        try (DemoApi api = DemoApi.start(0)) {
            Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                    "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET);
            ToolRun run = ToolRun.run(tool, out, env, 180).requireClean();
            List<RecordedRequest> received = api.requests();

            WireCheck check = new WireCheck(generation.plan(), env);
            Map<String, WireCheck.Received> byName = check.check(received, r -> r.path().endsWith("/oauth/token"));
            for (HttpRequest request : generation.plan().requests()) {
                assertFalse(byName.get(request.name()).requests().isEmpty(), request.name() + " was never called");
            }

            List<RecordedRequest> tokenRequests = received.stream().filter(r -> r.path().endsWith("/oauth/token")).toList();
            assertEquals(1, tokenRequests.size(), "the token is fetched once for the whole test");
            assertEquals(200, tokenRequests.get(0).status());
            Set<String> tokens = api.issuedTokens();
            Map<String, Set<String>> extracted = check.extractedValues(byName);
            for (WireCheck.Received operation : byName.values()) {
                operation.captured().forEach((variable, values) -> {
                    Set<String> allowed = variable.equals(WireCheck.TOKEN) ? tokens : extracted.get(variable);
                    assertTrue(allowed.containsAll(values), operation.expected().name() + " sent " + variable + " values "
                            + values + " that the API never handed out");
                });
            }
            assertFalse(byName.get("getBook").captured().get("bookId").isEmpty(), "getBook reuses created ids");
            assertFalse(byName.get("getOrder").captured().get("orderId").isEmpty(), "getOrder reuses created ids");
            assertFalse(byName.get("createOrder").captured().get("bookId").isEmpty(), "createOrder orders the book it created");
            assertTrue(received.stream().allMatch(r -> r.status() < 400), "no request was refused: "
                    + received.stream().filter(r -> r.status() >= 400).map(r -> r.method() + " " + r.path() + " " + r.status()).toList());

            // Iterations: each runs one scenario, the book's journey (which creates one book) or the health check.
            assertEquals(List.of("books", "health"), generation.plan().scenarios().stream().map(s -> s.name()).toList());
            int iterations = byName.get("createBook").requests().size() + byName.get("health").requests().size();
            double seconds = DURATION.toMillis() / 1000.0;
            if (open) {
                double expected = OPEN_RATE * seconds;
                assertWithin(expected, iterations, 0.15, tool + ": iterations at " + OPEN_RATE + "/s for " + seconds + " s");
            } else {
                // Each user repeats: the think time after 7 requests of the book's journey, or after the health check.
                double books = byName.get("createBook").requests().size() / (double) iterations;
                double iteration = THINK.toMillis() / 1000.0 + books * iterationLatency(byName);
                double expected = users * seconds / iteration;
                assertWithin(expected, iterations, 0.25, tool + ": iterations of " + users + " users for " + seconds
                        + " s at " + String.format("%.2f", iteration) + " s each");
            }
            System.out.printf("%s %s: %d iterations, %d requests%n", tool.id(), model, iterations, received.size());
        }
    }

    /** The time a book's journey spends in requests: the mean gap from its first request to its last, measured per run. */
    private static double iterationLatency(Map<String, WireCheck.Received> byName) {
        List<RecordedRequest> first = byName.get("createBook").requests();
        List<RecordedRequest> last = byName.get("deleteBook").requests();
        int n = Math.min(first.size(), last.size());
        if (n == 0) {
            return 0;
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.max(0, last.get(i).nanoTime() - first.get(i).nanoTime());
        }
        return total / 1e9 / n;
    }

    private static void assertWithin(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= expected * tolerance,
                what + ": " + actual + ", expected " + String.format("%.1f", expected) + " +/- " + (int) (tolerance * 100) + "%");
    }
}
