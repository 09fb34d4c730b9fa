package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.Loadsmith;
import io.loadsmith.model.Auth;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.model.Workload;
import io.loadsmith.render.escape.HostileStrings;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.DemoUpdates;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WebSocket sessions run by each tool against the demo API's
 * update channel: every session connects, sends the plan's messages in order with the id the REST
 * call before it created, gets the expected replies, and the server's log of sessions agrees with
 * the counts the tool reports; hostile text in messages and expected values stays data.
 */
class WebSocketRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLAN = TestPaths.samples().resolve("plans/websocket.plan.yaml");

    @TempDir
    Path dir;

    static List<LoadTool> tools() {
        return LoadTools.all();
    }

    /** {@code loadsmith run} of a plan file against the demo API: the exit code and the tool's output, and result.json. */
    private JsonNode run(LoadTool tool, DemoApi api, Path plan) throws Exception {
        List<String> command = List.of("java", "-jar", RunEndToEndTest.jar().toString(), "run", plan.toString(),
                "--tool", tool.id(), "--tool-path", Tools.executable(tool).toString(), "--vus", "2", "--duration", "4s",
                "--base-url", api.baseUrl(), "--results", dir.resolve("results").toString());
        Processes.Result run = Processes.run(command, dir, Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET), 300);
        Path folder;
        try (Stream<Path> folders = Files.list(dir.resolve("results"))) {
            folder = folders.findFirst().orElseThrow(() -> new AssertionError(run.stdout() + run.stderr()));
        }
        return JSON.createObjectNode().put("exitCode", run.exitCode()).put("output", run.stdout() + run.stderr())
                .set("result", JSON.readTree(folder.resolve("result.json").toFile()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void everySessionSendsThePlansMessagesAndGetsItsReplies(LoadTool tool) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            JsonNode run = run(tool, api, PLAN);
            assertEquals(0, run.get("exitCode").asInt(), run.get("output").asText());
            JsonNode result = run.get("result");

            Set<String> orders = api.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/orders"))
                    .map(r -> json(r.responseText()).path("id").asText()).collect(Collectors.toSet());
            Map<Long, List<DemoUpdates.Message>> sessions = api.webSocketMessages().stream()
                    .collect(Collectors.groupingBy(DemoUpdates.Message::session, LinkedHashMap::new, Collectors.toList()));
            assertTrue(sessions.size() >= 2, "sessions: " + sessions.size());
            for (List<DemoUpdates.Message> session : sessions.values()) {
                List<JsonNode> sent = session.stream().filter(DemoUpdates.Message::received).map(m -> json(m.text())).toList();
                // The last session may have been stopped with the test; every message it sent is in the plan's order.
                assertTrue(!sent.isEmpty() && sent.size() <= 2, "messages of a session: " + session);
                assertEquals("subscribe", sent.get(0).path("type").asText(), session.toString());
                assertTrue(orders.contains(sent.get(0).path("orderId").asText()), "the id of an order the test placed: " + sent.get(0));
                if (sent.size() == 2) {
                    assertEquals(json("{\"type\":\"ping\",\"id\":1}"), sent.get(1));
                }
                List<String> replies = session.stream().filter(m -> !m.received()).map(m -> json(m.text()).path("type").asText()).toList();
                assertEquals(List.of("subscribed", "status", "pong").subList(0, replies.size()), replies);
            }
            // The sessions in which the server sent each reply: what each expected message should count.
            Map<String, Long> replied = new LinkedHashMap<>();
            replied.put("orderUpdates", (long) sessions.size());
            Map<String, String> replies = Map.of("subscribed", "subscribed", "orderStatus", "status", "pong", "pong");
            replies.forEach((name, type) -> replied.put(name, sessions.values().stream().filter(s -> s.stream()
                    .anyMatch(m -> !m.received() && json(m.text()).path("type").asText().equals(type))).count()));
            // Locust's master writes its CSV once a second and not again at the end, and stops users mid-task;
            // JMeter's scheduler stops a thread at the end of the duration while its sampler waits for a reply,
            // and that sample is not written: the sessions of the run's last second and a half may be missing
            // from their figures.
            long end = api.webSocketMessages().stream().mapToLong(DemoUpdates.Message::nanoTime).max().orElseThrow();
            long lastSecond = sessions.values().stream().filter(s -> s.get(0).nanoTime() > end - 1_500_000_000L).count();
            Map<String, JsonNode> operations = new LinkedHashMap<>();
            result.get("operations").forEach(o -> operations.put(o.get("name").asText(), o));
            replied.forEach((name, expected) -> {
                JsonNode operation = operations.get(name);
                assertTrue(operation != null, name + " is reported: " + operations.keySet());
                assertEquals(0, operation.path("failures").asLong(), operation.toString());
                long reported = operation.path("requests").asLong();
                boolean cutAtTheEnd = tool == LoadTools.LOCUST || tool == LoadTools.JMETER;
                assertTrue(!cutAtTheEnd ? reported == expected : reported <= expected && expected - reported <= lastSecond,
                        name + " reported " + reported + ", the server's log has " + expected + " of " + sessions.size()
                        + " sessions, " + lastSecond + " in the last 1.5 s");
            });
        }
    }

    /**
     * A journey recorded against one demo API (token, order, the order's updates over a WebSocket
     * with the token in its URL, as browsers send it, the order read back), written as a browser
     * writes a HAR, imported and replayed against a fresh demo API: the session connects only with
     * a token of the fresh API and subscribes to the order the replay placed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void aRecordedSessionReplaysWithTheNewApisTokenAndOrder(LoadTool tool) throws Exception {
        String token;
        String order;
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        try (DemoApi recorded = DemoApi.start(0)) {
            token = token(recorded);
            HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(recorded.baseUrl() + "/orders"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build(), HttpResponse.BodyHandlers.ofString());
            order = json(placed.body()).path("id").asText();
            com.fasterxml.jackson.databind.node.ArrayNode entries = root.putObject("log").put("version", "1.2").putArray("entries");
            String origin = recorded.baseUrl();
            entry(entries, "2026-11-30T10:00:00.000Z", "POST", origin + "/oauth/token", List.of(),
                    "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=" + DemoApi.CLIENT_ID
                    + "&client_secret=" + DemoApi.CLIENT_SECRET, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"}");
            entry(entries, "2026-11-30T10:00:00.100Z", "POST", origin + "/orders", List.of("Authorization", "Bearer " + token),
                    "application/json", ORDER, 201, placed.body());
            com.fasterxml.jackson.databind.node.ObjectNode socket = entry(entries, "2026-11-30T10:00:00.200Z", "GET",
                    origin.replaceFirst("^http", "ws") + "/updates?access_token=" + token,
                    List.of("Sec-WebSocket-Protocol", DemoUpdates.SUBPROTOCOL), null, null, 101, null);
            socket.put("_resourceType", "websocket");
            double t = java.time.Instant.parse("2026-11-30T10:00:00.250Z").toEpochMilli() / 1000.0;
            com.fasterxml.jackson.databind.node.ArrayNode messages = socket.putArray("_webSocketMessages");
            messages.addObject().put("type", "send").put("time", t).put("opcode", 1)
                    .put("data", "{\"type\":\"subscribe\",\"orderId\":\"" + order + "\"}");
            messages.addObject().put("type", "receive").put("time", t + 0.003).put("opcode", 1)
                    .put("data", "{\"type\":\"subscribed\",\"orderId\":\"" + order + "\"}");
            messages.addObject().put("type", "receive").put("time", t + 0.004).put("opcode", 1)
                    .put("data", "{\"type\":\"status\",\"orderId\":\"" + order + "\",\"status\":\"placed\"}");
            entry(entries, "2026-11-30T10:00:00.400Z", "GET", origin + "/orders/" + order, List.of("Authorization", "Bearer " + token),
                    null, null, 200, placed.body());
        }
        Path har = Files.writeString(dir.resolve("updates.har"), JSON.writeValueAsString(root));
        try (DemoApi fresh = DemoApi.start(0)) {
            String base = fresh.baseUrl().replaceFirst("/api$", "");
            io.loadsmith.Generation generation = Loadsmith.generate(har, io.loadsmith.importer.ImportOptions.defaults().withBaseUrl(base),
                    new io.loadsmith.PlanOptions(null, List.of(), null, 1, null, Duration.ofSeconds(3), List.of()), List.of(tool),
                    io.loadsmith.render.RenderOptions.defaults());
            Path out = Files.createDirectories(dir.resolve("out"));
            Loadsmith.write(out, generation.files());
            for (io.loadsmith.render.RenderedFile file : generation.files()) {
                String text = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
                for (String recorded : List.of(token, order, DemoApi.CLIENT_SECRET)) {
                    assertTrue(!text.contains(recorded), file.path() + " holds the recorded " + recorded);
                }
            }
            ToolRun.run(tool, out, Map.of("BASE_URL", base, "CLIENT_SECRET", DemoApi.CLIENT_SECRET), 120).requireClean();
            Set<String> orders = fresh.orderIds();
            List<DemoUpdates.Message> subscriptions = fresh.webSocketMessages().stream().filter(DemoUpdates.Message::received).toList();
            assertTrue(!subscriptions.isEmpty(), "the session connected with a token of the fresh API");
            for (DemoUpdates.Message message : subscriptions) {
                assertTrue(orders.contains(json(message.text()).path("orderId").asText()), "an order the replay placed: " + message.text());
            }
        }
    }

    private static final String ORDER = "{\"bookId\":\"b-1\",\"quantity\":1,\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}";

    /** A HAR entry as browsers write one; headers as name, value pairs. */
    private static com.fasterxml.jackson.databind.node.ObjectNode entry(com.fasterxml.jackson.databind.node.ArrayNode entries,
            String started, String method, String url, List<String> headers, String mimeType, String body, int status, String response) {
        com.fasterxml.jackson.databind.node.ObjectNode entry = entries.addObject().put("startedDateTime", started).put("time", 5);
        com.fasterxml.jackson.databind.node.ObjectNode request = entry.putObject("request").put("method", method).put("url", url)
                .put("httpVersion", "HTTP/1.1");
        com.fasterxml.jackson.databind.node.ArrayNode list = request.putArray("headers");
        for (int i = 0; i < headers.size(); i += 2) {
            list.addObject().put("name", headers.get(i)).put("value", headers.get(i + 1));
        }
        if (mimeType != null) {
            list.addObject().put("name", "Content-Type").put("value", mimeType);
            request.putObject("postData").put("mimeType", mimeType).put("text", body);
        }
        com.fasterxml.jackson.databind.node.ObjectNode answer = entry.putObject("response").put("status", status);
        answer.putArray("headers");
        com.fasterxml.jackson.databind.node.ObjectNode content = answer.putObject("content").put("mimeType", "application/json");
        if (response != null) {
            content.put("text", response);
        }
        return entry;
    }

    /** A handshake the server refuses (no token) is a failure of the session, and its expected messages are not waited for. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void aRefusedHandshakeIsAFailureOfTheSession(LoadTool tool) throws Exception {
        Path plan = Files.writeString(dir.resolve("refused.plan.yaml"), Files.readString(PLAN)
                .replace("        subprotocol: bookshop.v1\n", "        subprotocol: bookshop.v1\n        auth: false\n"));
        try (DemoApi api = DemoApi.start(0)) {
            JsonNode result = run(tool, api, plan).get("result");
            assertTrue(api.webSocketMessages().isEmpty(), "no session was opened");
            Map<String, JsonNode> operations = new LinkedHashMap<>();
            result.get("operations").forEach(o -> operations.put(o.get("name").asText(), o));
            JsonNode session = operations.get("orderUpdates");
            assertTrue(session != null && session.path("requests").asLong() > 0, operations.keySet().toString());
            assertEquals(session.path("requests").asLong(), session.path("failures").asLong(), session.toString());
            // Node's WebSocket client (Artillery) does not say the status of a refused handshake.
            assertEquals(session.path("failures").asLong(), session.at(tool == LoadTools.ARTILLERY ? "/failuresByKind/other"
                    : "/failuresByKind/4xx").asLong(), session.toString());
            for (String expect : List.of("subscribed", "orderStatus", "pong")) {
                assertEquals(0, operations.containsKey(expect) ? operations.get(expect).path("requests").asLong() : 0,
                        expect + " was not waited for: " + operations.get(expect));
            }
        }
    }

    /**
     * Each hostile string is sent as a text message, and as a value and a key of a JSON message,
     * and expected back as a value: the server receives it exactly, and the tool matches the reply
     * it expects (a mismatch would be a timeout, a failure).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void hostileTextInMessagesStaysData(LoadTool tool) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            String token = token(api);
            List<String> hostile = HostileStrings.ALL;
            List<WebSocketSession.Action> actions = new ArrayList<>();
            for (int i = 0; i < hostile.size(); i++) {
                String text = hostile.get(i);
                actions.add(WebSocketSession.Send.text(Text.of(text)));
                actions.add(new WebSocketSession.Expect("error " + i, JsonPath.parse("$.type"), Text.of("error"), Duration.ofSeconds(5),
                        List.of()));
                actions.add(WebSocketSession.Send.json(new Json.JsonObject(List.of(new Json.Member("type", Json.string("ping")),
                        new Json.Member("id", Json.string(text)), new Json.Member(text, Json.string(text))))));
                actions.add(new WebSocketSession.Expect("pong " + i, JsonPath.parse("$.id"), Text.of(text), Duration.ofSeconds(5),
                        List.of()));
            }
            runSession(tool, api, token, "hostile", actions, Duration.ofSeconds(10));

            Map<Long, List<String>> sent = api.webSocketMessages().stream().filter(DemoUpdates.Message::received)
                    .collect(Collectors.groupingBy(DemoUpdates.Message::session, Collectors.mapping(DemoUpdates.Message::text,
                            Collectors.toList())));
            assertTrue(!sent.isEmpty());
            for (List<String> messages : sent.values()) {
                for (int i = 0; i < messages.size(); i++) {
                    String text = hostile.get(i / 2);
                    if (i % 2 == 0) {
                        assertEquals(text, messages.get(i), "text message " + i / 2);
                    } else {
                        JsonNode message = json(messages.get(i));
                        assertEquals(text, message.path("id").asText(), messages.get(i));
                        assertEquals(text, message.path(text).asText(), messages.get(i));
                    }
                }
            }
            assertTrue(sent.values().stream().anyMatch(m -> m.size() == 2 * hostile.size()), "a whole session: " + sent);
        }
    }

    /**
     * A JSON message with every JSON type (null, empty and nested objects and arrays, booleans,
     * integers, decimals) reaches the server as that JSON, and the reply, which echoes it, matches
     * an expectation of the whole message's text and expectations of values inside it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void everyJsonTypeIsSentAsJsonAndTheWholeReplyMatches(LoadTool tool) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            String token = token(api);
            Json value = Json.object(List.of(new Json.Member("none", new Json.JsonNull()), new Json.Member("empty", Json.object(List.of())),
                    new Json.Member("list", Json.array(List.of())), new Json.Member("yes", new Json.JsonBoolean(true)),
                    new Json.Member("no", new Json.JsonBoolean(false)), new Json.Member("count", Json.number(42)),
                    new Json.Member("below", Json.number(-7)), new Json.Member("share", new Json.JsonNumber(new java.math.BigDecimal("3.25"))),
                    new Json.Member("nested", Json.object(List.of(new Json.Member("a", Json.array(List.of(Json.number(1), Json.string("two"),
                            new Json.JsonNull(), Json.object(List.of(new Json.Member("b", new Json.JsonBoolean(false))))))))))));
            String sent = "{\"type\":\"ping\",\"id\":{\"none\":null,\"empty\":{},\"list\":[],\"yes\":true,\"no\":false,"
                    + "\"count\":42,\"below\":-7,\"share\":3.25,\"nested\":{\"a\":[1,\"two\",null,{\"b\":false}]}}}";
            String reply = sent.replace("\"ping\"", "\"pong\"");
            List<WebSocketSession.Action> actions = List.of(
                    WebSocketSession.Send.json(Json.object(List.of(new Json.Member("type", Json.string("ping")), new Json.Member("id", value)))),
                    new WebSocketSession.Expect("whole", null, Text.of(reply), Duration.ofSeconds(5), List.of()),
                    WebSocketSession.Send.json(Json.object(List.of(new Json.Member("type", Json.string("ping")), new Json.Member("id", value)))),
                    new WebSocketSession.Expect("inside", JsonPath.parse("$.id.nested.a[1]"), Text.of("two"), Duration.ofSeconds(5), List.of()));
            runSession(tool, api, token, "types", actions, Duration.ofSeconds(8));

            List<DemoUpdates.Message> messages = api.webSocketMessages();
            List<String> received = messages.stream().filter(DemoUpdates.Message::received).map(DemoUpdates.Message::text).toList();
            assertTrue(received.size() >= 2, "messages: " + messages);
            // As JSON (its spacing is the tool's), numbers by value.
            java.util.Comparator<JsonNode> numbers = (a, b) -> a.isNumber() && b.isNumber()
                    ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
            for (String text : received) {
                assertTrue(json(sent).equals(numbers, json(text)), "sent " + text + ", the plan's message is " + sent);
            }
            // Each session sent its second message only once the whole reply to its first matched.
            Map<Long, Long> perSession = messages.stream().filter(DemoUpdates.Message::received)
                    .collect(Collectors.groupingBy(DemoUpdates.Message::session, Collectors.counting()));
            assertTrue(perSession.values().stream().anyMatch(n -> n == 2), "sessions and their messages: " + perSession);
        }
    }

    /**
     * Runs a plan of one session on /updates, authenticated with a token of the demo API, for one
     * user over {@code duration} (long enough for JMeter to compile each sampler's Groovy script
     * on its first session); the tool must report no failure.
     */
    private void runSession(LoadTool tool, DemoApi api, String token, String name, List<WebSocketSession.Action> actions,
            Duration duration) throws Exception {
        WebSocketSession session = new WebSocketSession(name, "/updates", List.of(),
                List.of(new Param("Authorization", Text.concat(Text.of("Bearer "), Text.ref("TOKEN")))), null, true, actions);
        TestPlan plan = TestPlan.builder(name + " WebSocket", "http://127.0.0.1:9/api").auth(Auth.none())
                .variable(new Variable("TOKEN", "TOKEN", null, true, "a token of the demo API"))
                .scenario(new Scenario("all", 1, List.of(session)))
                .workload(Workload.ClosedWorkload.constant(1, duration)).build();
        Path out = dir.resolve("out");
        Loadsmith.write(out, Loadsmith.render(plan, tool).files());
        ToolRun.run(tool, out, Map.of("BASE_URL", api.baseUrl(), "TOKEN", token), 120).requireClean();
    }

    private static String token(DemoApi api) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + DemoApi.CLIENT_ID
                        + "&client_secret=" + DemoApi.CLIENT_SECRET)).build(), HttpResponse.BodyHandlers.ofString());
        return json(response.body()).path("access_token").asText();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
