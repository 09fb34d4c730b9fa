package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.RecordedRequest;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GraphQL sample plan run by each real tool against the demo API's GraphQL endpoint: every
 * operation arrives with the plan's document, operation name and variables, the ids the mutations
 * returned are the ids later operations send, every request is reported under its operation name,
 * and an operation the server answers with errors (status 200) is a failure of kind graphql.
 */
class GraphQlRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLAN = TestPaths.samples().resolve("plans/graphql.plan.yaml");

    @TempDir
    Path dir;

    static List<LoadTool> tools() {
        return LoadTools.all();
    }

    private JsonNode run(LoadTool tool, DemoApi api, Path plan, String duration) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", RunEndToEndTest.jar().toString(), "run", plan.toString(),
                "--tool", tool.id(), "--tool-path", Tools.executable(tool).toString(), "--vus", "2", "--duration", duration,
                "--base-url", api.baseUrl(), "--results", dir.resolve("results").toString()));
        Processes.Result run = Processes.run(command, dir, Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET), 300);
        Path folder;
        try (Stream<Path> folders = Files.list(dir.resolve("results"))) {
            folder = folders.findFirst().orElseThrow(() -> new AssertionError(run.stdout() + run.stderr()));
        }
        JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
        return JSON.createObjectNode().put("exitCode", run.exitCode()).put("output", run.stdout() + run.stderr()).set("result", result);
    }

    /** The plan's operations: document and variables by operation name. */
    private static Map<String, JsonNode> operations() throws Exception {
        Map<String, JsonNode> operations = new HashMap<>();
        for (JsonNode step : new YAMLMapper().readTree(PLAN.toFile()).at("/scenarios/0/steps")) {
            if (step.has("graphql")) {
                operations.put(step.get("graphql").asText(), step);
            }
        }
        return operations;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void everyOperationArrivesAsThePlanSaysAndIsReportedUnderItsName(LoadTool tool) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            JsonNode run = run(tool, api, PLAN, "4s");
            JsonNode result = run.get("result");
            assertEquals(0, run.get("exitCode").asInt(), run.get("output").asText());
            Map<String, JsonNode> operations = operations();
            Map<String, Integer> arrived = new HashMap<>();
            Set<String> createdBooks = new HashSet<>();
            Set<String> createdOrders = new HashSet<>();
            for (RecordedRequest request : api.requests()) {
                if (!request.path().equals("/api/graphql")) {
                    continue;
                }
                assertEquals("POST", request.method());
                assertTrue(request.headers().get("content-type").get(0).startsWith("application/json"), request.headers().toString());
                JsonNode body = JSON.readTree(request.body());
                String name = body.path("operationName").asText();
                JsonNode step = operations.get(name);
                assertTrue(step != null, "an operation of the plan: " + body);
                assertEquals(step.get("query").asText(), body.path("query").asText(), name + ": the document as the plan has it");
                arrived.merge(name, 1, Integer::sum);
                JsonNode response = JSON.readTree(request.responseBody());
                assertTrue(response.path("errors").isMissingNode(), name + " " + body + " -> " + response);
                switch (name) {
                    case "CreateBook" -> {
                        assertEquals(step.at("/variables/input"), body.at("/variables/input"));
                        createdBooks.add(response.at("/data/createBook/id").asText());
                    }
                    case "GetBook" -> assertTrue(createdBooks.contains(body.at("/variables/id").asText()), "a created book: " + body);
                    case "PlaceOrder" -> {
                        assertTrue(createdBooks.contains(body.at("/variables/input/bookId").asText()), "a created book: " + body);
                        assertEquals(2, body.at("/variables/input/quantity").asInt(), "a number stays a number");
                        createdOrders.add(response.at("/data/createOrder/id").asText());
                    }
                    case "GetOrder" -> assertTrue(createdOrders.contains(body.at("/variables/id").asText()), "a created order: " + body);
                    default -> assertEquals(step.get("variables"), body.get("variables"));
                }
            }
            assertEquals(operations.keySet(), arrived.keySet(), "every operation arrived");
            Map<String, Long> reported = new HashMap<>();
            for (JsonNode operation : result.get("operations")) {
                reported.put(operation.get("name").asText(), operation.at("/requests").asLong());
                assertEquals(0, operation.at("/failures").asLong(), operation.toString());
            }
            for (Map.Entry<String, Integer> operation : arrived.entrySet()) {
                long count = reported.getOrDefault(operation.getKey(), 0L);
                // Locust's master writes its CSV once a second, and not again at the end.
                assertTrue(count > 0 && count <= operation.getValue() && (tool != LoadTools.LOCUST ? count == operation.getValue()
                        : operation.getValue() - count <= 2), operation + " reported " + count + ": " + reported);
            }
        }
    }

    /**
     * The demo API's schema and the sample operation document, imported (not a plan file) and run
     * by each tool: every operation arrives with its document, the ids the mutations created are the
     * ids the later operations send, and no response has errors.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void importedOperationsReuseTheIdsTheirMutationsCreate(LoadTool tool) throws Exception {
        Path schema = TestPaths.samples().resolve("src/main/resources/io/loadsmith/samples/demo/bookshop.graphqls");
        Path operations = TestPaths.samples().resolve("graphql/operations.graphql");
        try (DemoApi api = DemoApi.start(0)) {
            io.loadsmith.Generation generation = io.loadsmith.Loadsmith.generate(schema, io.loadsmith.importer.ImportOptions.defaults()
                            .withGraphQl(new io.loadsmith.importer.GraphQlOptions(List.of(operations), "/graphql")),
                    new io.loadsmith.PlanOptions(api.baseUrl(), List.of("Authorization: Bearer from-the-environment"), null, 1, null,
                            java.time.Duration.ofSeconds(3), List.of()), List.of(tool), io.loadsmith.render.RenderOptions.defaults());
            Path out = Files.createDirectories(dir.resolve("out"));
            io.loadsmith.Loadsmith.write(out, generation.files());
            String env = generation.plan().variables().stream().filter(io.loadsmith.model.Variable::secret).findFirst().orElseThrow().env();
            ToolRun.run(tool, out, Map.of("BASE_URL", api.baseUrl(), env, token(api)), 120).requireClean();
            Set<String> books = new HashSet<>();
            Set<String> orders = new HashSet<>();
            Map<String, Integer> arrived = new HashMap<>();
            for (RecordedRequest request : api.requests()) {
                if (!request.path().equals("/api/graphql")) {
                    continue;
                }
                JsonNode body = JSON.readTree(request.body());
                JsonNode response = JSON.readTree(request.responseBody());
                String name = body.path("operationName").asText();
                arrived.merge(name, 1, Integer::sum);
                assertTrue(response.path("errors").isMissingNode(), name + " " + body + " -> " + response);
                switch (name) {
                    case "CreateBook" -> books.add(response.at("/data/createBook/id").asText());
                    case "GetBook" -> assertTrue(books.contains(body.at("/variables/id").asText()), "a created book: " + body);
                    case "PlaceOrder" -> {
                        assertTrue(books.contains(body.at("/variables/input/bookId").asText()), "a created book: " + body);
                        orders.add(response.at("/data/createOrder/id").asText());
                    }
                    case "GetOrder" -> assertTrue(orders.contains(body.at("/variables/id").asText()), "a created order: " + body);
                    default -> { }
                }
            }
            assertEquals(Set.of("CreateBook", "GetBook", "PlaceOrder", "GetOrder", "Books"), arrived.keySet());
        }
    }

    private static String token(DemoApi api) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(api.baseUrl() + "/oauth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + DemoApi.CLIENT_ID
                        + "&client_secret=" + DemoApi.CLIENT_SECRET)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /**
     * Each hostile string (quotes, line breaks, {@code ${...}}, {@code {{ }}}, {@code __groovy}, ...)
     * inside a GraphQL document and as a variable's key and value reaches the wire as the plan
     * has it, in every tool: nothing in them is run or expanded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void hostileTextInDocumentsAndVariablesStaysData(LoadTool tool) throws Exception {
        List<io.loadsmith.model.Step> steps = new ArrayList<>();
        List<String> hostile = io.loadsmith.render.escape.HostileStrings.ALL;
        for (int i = 0; i < hostile.size(); i++) {
            String text = hostile.get(i);
            io.loadsmith.model.Json variables = new io.loadsmith.model.Json.JsonObject(List.of(
                    new io.loadsmith.model.Json.Member("text", io.loadsmith.model.Json.string(text)),
                    new io.loadsmith.model.Json.Member(text, io.loadsmith.model.Json.string(text))));
            steps.add(io.loadsmith.model.GraphQl.request("Q" + i, "/graphql",
                    "query Q" + i + "($text: String) {\n  echo(text: $text) # " + text + "\n}", variables).build());
        }
        io.loadsmith.model.TestPlan plan = io.loadsmith.model.TestPlan.builder("hostile GraphQL", "http://127.0.0.1:9")
                .scenario(new io.loadsmith.model.Scenario("all", 1, steps))
                .workload(io.loadsmith.model.Workload.ClosedWorkload.constant(1, java.time.Duration.ofSeconds(2))).build();
        Path out = dir.resolve("out");
        io.loadsmith.Loadsmith.write(out, io.loadsmith.Loadsmith.render(plan, tool).files());
        try (RecordingServer server = new RecordingServer("{\"data\": {\"echo\": \"ok\"}}")) {
            ToolRun.run(tool, out, Map.of("BASE_URL", server.baseUrl()), 120).requireClean();
            // Every request equals one of the plan's, document and variables value by value.
            Map<String, WireCheck.Received> byName = new WireCheck(plan, Map.of()).check(server.requests(), r -> false);
            byName.forEach((name, received) -> assertTrue(!received.requests().isEmpty(), name + " was never sent"));
            for (RecordedRequest request : server.requests()) {
                JsonNode body = JSON.readTree(request.body());
                int i = Integer.parseInt(body.path("operationName").asText().substring(1));
                assertTrue(body.path("query").asText().endsWith("# " + hostile.get(i) + "\n}"), body.toString());
                assertEquals(hostile.get(i), body.at("/variables/text").asText());
                assertEquals(hostile.get(i), body.path("variables").path(hostile.get(i)).asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void aGraphQlErrorInA200ResponseIsAFailureOfItsOwnKind(LoadTool tool) throws Exception {
        String plan = Files.readString(PLAN).replace("id: {$var: bookId}", "id: no-such-book");
        Path broken = Files.writeString(dir.resolve("broken.plan.yaml"), plan);
        try (DemoApi api = DemoApi.start(0)) {
            JsonNode result = run(tool, api, broken, "3s").get("result");
            long missing = api.requests().stream().filter(r -> r.path().equals("/api/graphql")
                    && new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("no-such-book")).count();
            assertTrue(missing > 0);
            if (tool == LoadTools.ARTILLERY) {
                // Artillery's expect plugin counts failed expectations by kind, not by request: the result says so.
                assertTrue(result.get("warnings").toString().contains(missing + " notHasProperty (a GraphQL response with errors"),
                        result.get("warnings").toString());
            }
            for (JsonNode operation : result.get("operations")) {
                String name = operation.get("name").asText();
                if (name.equals("GetBook") && tool == LoadTools.ARTILLERY) {
                    assertEquals(0, operation.at("/failures").asLong(), operation.toString());
                } else if (name.equals("GetBook")) {
                    assertEquals(operation.at("/requests").asLong(), operation.at("/failures").asLong(), operation.toString());
                    assertEquals(operation.at("/failures").asLong(), operation.at("/failuresByKind/graphql").asLong(), operation.toString());
                } else {
                    assertEquals(0, operation.at("/failures").asLong(), operation.toString());
                }
            }
        }
    }
}
