package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.TestPlan;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.ExpectedRequests;
import io.loadsmith.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled sample, generated for each tool and run by the real tool for three seconds against a
 * server that answers each operation as the plan expects ({@link PlanServer}): the tool reports no
 * error and no failed check, every operation is sent, each request carries the method, path,
 * query, headers, cookies and body the plan gives it (decoded and compared value by value), and
 * every value found at run time (a token, an extracted id) is one the server handed out. The plan's
 * thresholds are left out: three seconds judge the script, not the system.
 */
class SampleRunTest {
    @TempDir
    Path dir;

    static List<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Samples.Sample sample : Samples.all()) {
            // The plan server speaks HTTP only: WebSocketRunTest runs the WebSocket sample against the demo API.
            if (sample.name().equals("websocket-plan")) {
                continue;
            }
            for (LoadTool tool : LoadTools.all()) {
                runs.add(Arguments.of(sample, tool));
            }
        }
        return runs;
    }

    /** Specs whose flows create, use and delete: the repository's, and with the corpus suite its larger real ones. */
    static List<Path> flows() {
        Path specs = io.loadsmith.testing.TestPaths.samples().resolve("specs");
        List<Path> flows = new ArrayList<>(List.of(specs.resolve("safety/openapi.yaml"), specs.resolve("plausible/openapi.yaml"),
                specs.resolve("multifile/openapi.yaml"), specs.resolve("lenient/multifile/openapi.yaml")));
        if (io.loadsmith.testing.Corpus.enabled()) {
            Path corpus = io.loadsmith.testing.TestPaths.corpus().resolve("specs");
            for (String name : List.of("oas301-swagger-parser-stripe-converted.yaml", "oas30-github-api.github.com.json",
                    "swagger2-kubernetes-openapi-spec.json", "oas30-oai-link-example.yaml", "oas30-oai-petstore-expanded.json",
                    "swagger2-azure-autorest-lro.json")) {
                flows.add(corpus.resolve(name));
            }
        }
        return flows;
    }

    /**
     * The generated k6 script of each flow against the stateful plan server, which answers 404 to
     * an id it never handed out or has deleted: none may be asked for.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void noFlowUsesAnIdItDidNotCreateOrHasDeleted(Path spec) throws Exception {
        TestPlan imported = Loadsmith.importFile(spec, ImportOptions.defaults().withThinkTime(null)).plan();
        PlanOptions options = new PlanOptions(null, List.of(), null, 2, null, Duration.ofSeconds(3), List.of());
        TestPlan plan = Loadsmith.customize(imported, options).plan().toBuilder().thresholds(List.of()).build();
        Path out = dir.resolve("flow");
        Loadsmith.write(out, Loadsmith.render(plan, LoadTools.K6).files());
        try (PlanServer server = new PlanServer(plan)) {
            Map<String, String> env = new HashMap<>(ExpectedRequests.environment(plan));
            env.put("BASE_URL", server.baseUrl());
            ToolRun run = ToolRun.run(LoadTools.K6, out, env, 300);
            assertTrue(server.requests().size() >= plan.requests().size(), "a whole iteration ran:\n" + run.output());
            assertEquals(List.of(), server.notFound(), "ids used that the flow did not create, or after their delete");
        }
    }

    /** The stateful server sees a use after delete: the check above can fail. */
    @org.junit.jupiter.api.Test
    void theStatefulServerRefusesAnIdAfterItsDelete() throws Exception {
        io.loadsmith.model.HttpRequest create = io.loadsmith.model.HttpRequest.builder(io.loadsmith.model.HttpMethod.POST, "/things")
                .name("create").extract(new io.loadsmith.model.Extraction.FromJson("thingId", io.loadsmith.model.JsonPath.parse("$.id")))
                .build();
        io.loadsmith.model.HttpRequest delete = io.loadsmith.model.HttpRequest.builder(io.loadsmith.model.HttpMethod.DELETE,
                "/things/{thingId}").name("delete").pathParam("thingId", io.loadsmith.model.Text.ref("thingId")).build();
        io.loadsmith.model.HttpRequest read = io.loadsmith.model.HttpRequest.builder(io.loadsmith.model.HttpMethod.GET,
                "/things/{thingId}").name("read").pathParam("thingId", io.loadsmith.model.Text.ref("thingId")).build();
        TestPlan plan = TestPlan.builder("use after delete", "http://127.0.0.1:8080/api")
                .scenario(new io.loadsmith.model.Scenario("flow", 1, List.of(create, delete, read)))
                .workload(io.loadsmith.model.Workload.ClosedWorkload.constant(1, Duration.ofSeconds(1))).build();
        Path out = dir.resolve("after-delete");
        Loadsmith.write(out, Loadsmith.render(plan, LoadTools.K6).files());
        try (PlanServer server = new PlanServer(plan)) {
            ToolRun.run(LoadTools.K6, out, Map.of("BASE_URL", server.baseUrl()), 120);
            assertFalse(server.notFound().isEmpty(), "read after delete: " + server.requests().size() + " requests");
            assertTrue(server.notFound().get(0).startsWith("read ") && server.notFound().get(0).endsWith("(deleted)]"),
                    server.notFound().get(0));
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("runs")
    void everyRequestReachesTheWireAsThePlanSays(Samples.Sample sample, LoadTool tool) throws Exception {
        TestPlan imported = Loadsmith.importFile(sample.path(), ImportOptions.defaults().withThinkTime(null)).plan();
        // Eight users per unit of weight: every scenario runs in every tool (each iteration picks one by weight;
        // Artillery picks one per arriving user: with weights 3:1 and 32 arrivals, the odds of a scenario with none
        // are 1 in 10,000).
        int users = 8 * imported.scenarios().stream().mapToInt(io.loadsmith.model.Scenario::weight).sum();
        PlanOptions options = new PlanOptions(null, List.of(), null, users, null, Duration.ofSeconds(3), List.of());
        TestPlan plan = Loadsmith.customize(imported, options).plan().toBuilder().thresholds(List.of()).build();
        Path out = dir.resolve("out");
        Loadsmith.write(out, Loadsmith.render(plan, tool).files());

        try (PlanServer server = new PlanServer(plan)) {
            Map<String, String> env = new HashMap<>(ExpectedRequests.environment(plan));
            env.put("BASE_URL", server.baseUrl());
            ToolRun run = ToolRun.run(tool, out, env, 120).requireClean();
            assertEquals(List.of(), server.notFound(), "ids used that the flow did not create, or after their delete");
            WireCheck check = new WireCheck(plan, env, tool.equals(LoadTools.K6));
            Map<String, WireCheck.Received> byName = check.check(server.requests(), r -> r.path().endsWith("/oauth/token"));
            byName.forEach((name, received) -> assertFalse(received.requests().isEmpty(),
                    name + " was never sent by " + tool.id() + "\n" + run.output()));
            Set<String> tokens = server.requests().stream().filter(r -> r.path().endsWith("/oauth/token"))
                    .map(r -> new String(r.responseBody(), java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("^.*\"access_token\":\"([^\"]+)\".*$", "$1"))
                    .collect(Collectors.toSet());
            Map<String, Set<String>> extracted = check.extractedValues(byName);
            for (WireCheck.Received operation : byName.values()) {
                operation.captured().forEach((variable, values) -> {
                    Set<String> allowed = variable.equals(WireCheck.TOKEN) ? tokens : extracted.get(variable);
                    assertTrue(allowed != null && allowed.containsAll(values), operation.expected().name() + " sent " + variable
                            + " values " + values + " that the server never handed out: " + allowed);
                });
            }
        }
    }
}
