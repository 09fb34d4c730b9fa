package io.loadsmith.importer.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.Loadsmith;
import io.loadsmith.importer.HarOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.plan.PlanFileWriter;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Param;
import io.loadsmith.model.Step;
import io.loadsmith.model.Text;
import io.loadsmith.model.ThinkTime;
import io.loadsmith.model.Variable;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BOOKSHOP = TestPaths.samples().resolve("hars/bookshop.har");
    /** A browser recording of a form post answered by a redirect, and a multipart upload recorded as text. */
    private static final Path FORMS = TestPaths.samples().resolve("hars/browser-forms.har");

    @TempDir
    Path dir;

    // ---- reading

    @Test
    void aFileThatIsNotAHarIsRefusedInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("x.har"), "{\"logs\": {\"entries\": []}}");
        ImportException e = assertThrows(ImportException.class, () -> Loadsmith.importHar(file, ImportOptions.defaults()));
        assertEquals(file + ": /: not a HAR file: it has no 'log' object (export the recording as HAR from the browser's "
                + "network panel or the proxy)", e.getMessage());
    }

    @Test
    void truncatedJsonNamesTheLine() throws Exception {
        String text = Files.readString(BOOKSHOP);
        Path file = Files.writeString(dir.resolve("cut.har"), text.substring(0, text.length() / 2));
        ImportException e = assertThrows(ImportException.class, () -> Loadsmith.importFile(file, ImportOptions.defaults()));
        assertTrue(e.getMessage().startsWith(file + ": line "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void entriesWithoutAMethodOrUrlAreSkippedWithTheirPlace() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://api.example.com/a", 200);
        har.entries.addObject().putObject("request").put("method", "GET");
        har.entry("GET", "https://api.example.com/b", 200);
        ImportResult result = har.importWith(HarOptions.defaults());
        assertEquals(List.of("GET /a", "GET /b"), names(result));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING
                && d.subject().startsWith("/log/entries/1") && d.message().equals("entry skipped: it has no request method or URL")),
                result.diagnostics().toString());
    }

    @Test
    void entriesAreReplayedInStartOrder() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://api.example.com/second", 200).put("startedDateTime", "2026-01-01T00:00:01.000Z");
        har.entry("GET", "https://api.example.com/first", 200).put("startedDateTime", "2026-01-01T00:00:00.000Z");
        assertEquals(List.of("GET /first", "GET /second"), names(har.importWith(HarOptions.defaults())));
    }

    // ---- filtering

    @Test
    void whatCannotBeReplayedIsLeftOutAndReported() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://app.example.com/", 200);
        har.entry("CONNECT", "https://app.example.com:443", 200);
        har.entry("GET", "https://app.example.com/cancelled", 0);
        har.entry("GET", "wss://app.example.com/socket", 101);
        har.entry("GET", "data:image/png;base64,AAAA", 200);
        har.entry("GET", "https://app.example.com/logo.png", 200);
        har.entry("GET", "https://app.example.com/site.css", 200).with("response", r -> r.putObject("content").put("mimeType", "text/css"));
        har.entry("GET", "https://cdn.other.com/lib", 200);
        ImportResult result = har.importWith(HarOptions.defaults());
        assertEquals(List.of("GET /"), names(result));
        String report = result.report();
        for (String reason : List.of("1 CONNECT tunnels", "1 cancelled, blocked or failed entries", "1 WebSocket connections",
                "1 URLs that are not http or https", "2 static assets", "1 requests to other hosts")) {
            assertTrue(report.contains(reason), reason + " in\n" + report);
        }
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING
                && d.message().startsWith("left out 1 WebSocket connections")));
    }

    @Test
    void keepStaticAndIncludeHostChangeWhatIsKept() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://app.example.com/", 200);
        har.entry("GET", "https://app.example.com/logo.png", 200);
        har.entry("GET", "https://api.example.com/items", 200);
        assertEquals(List.of("GET /", "GET /logo.png"), names(har.importWith(new HarOptions("recorded", List.of(), List.of(),
                true, true, null))));
        ImportResult api = har.importWith(new HarOptions("recorded", List.of("api.*"), List.of(), false, true, null));
        assertEquals(List.of("GET /items"), names(api));
        assertEquals("https://api.example.com", api.plan().baseUrl());
        assertEquals(List.of("GET /"), names(har.importWith(new HarOptions("recorded", List.of("*.example.com"),
                List.of("api.example.com"), false, true, null))));
    }

    @Test
    void aRedirectIsFollowedByTheToolNotReplayedTwice() {
        ImportResult result = Loadsmith.importHar(FORMS, ImportOptions.defaults());
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(List.of("GET /messages/new", "POST /messages", "POST /photos"), requests.stream().map(HttpRequest::name).toList());
        HttpRequest post = requests.get(1);
        // The POST got a 302 whose target answered 200: the tool follows it, so 200 is what it sees.
        assertEquals(List.of(Check.StatusCheck.is(200)), post.checks());
        assertTrue(result.report().contains("redirect follow-ups"), result.report());
    }

    @Test
    void aChainOfRedirectsIsFollowedToItsEnd() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://app.example.com/a", 302).with("response", r -> r.put("redirectURL", "/b"));
        har.entry("GET", "https://app.example.com/b", 301).with("response", r -> r.put("redirectURL", "https://app.example.com/c"));
        har.entry("GET", "https://app.example.com/c", 201);
        har.entry("GET", "https://app.example.com/d", 200);
        List<HttpRequest> requests = har.importWith(HarOptions.defaults()).plan().requests();
        assertEquals(List.of("GET /a", "GET /d"), requests.stream().map(HttpRequest::name).toList());
        assertEquals(List.of(Check.StatusCheck.is(201)), requests.get(0).checks());
    }

    // ---- requests

    @Test
    void formValuesAreDecodedOnceForTheToolToEncode() {
        // Chrome records a form's values percent-encoded in postData.text and in postData.params alike.
        HttpRequest post = Loadsmith.importHar(FORMS, ImportOptions.defaults()).plan().requests().stream()
                .filter(r -> r.body() instanceof Body.FormBody).findFirst().orElseThrow();
        List<String> values = ((Body.FormBody) post.body()).fields().stream().map(f -> f.value().literalValue()).toList();
        assertEquals(List.of("H@llo w\u00f6rld!"), values);
    }

    @Test
    void aMultipartBodyRecordedAsTextIsSplitIntoItsParts() {
        HttpRequest upload = Loadsmith.importHar(FORMS, ImportOptions.defaults()).plan().requests().get(2);
        List<Body.MultipartPart> parts = ((Body.MultipartBody) upload.body()).parts();
        assertEquals(new Body.MultipartField("title", io.loadsmith.model.Text.of("Holiday")), parts.get(0));
        Body.MultipartFile photo = (Body.MultipartFile) parts.get(1);
        assertEquals(List.of("photo", "beach.txt", "text/plain", "sand and sea"), List.of(photo.name(), photo.fileName(),
                photo.contentType(), new String(photo.content(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void browserOnlyHeadersAndPseudoHeadersAreDropped() throws Exception {
        Har har = new Har();
        Entry entry = har.entry("GET", "https://api.example.com/a", 200);
        ArrayNode headers = (ArrayNode) entry.path("request").path("headers");
        for (String[] header : new String[][] {{":authority", "api.example.com"}, {"Content-Length", "0"}, {"sec-ch-ua", "x"},
                {"Accept", "application/json"}, {"Connection", "keep-alive"}, {"If-None-Match", "\"abc\""}}) {
            headers.addObject().put("name", header[0]).put("value", header[1]);
        }
        HttpRequest request = har.importWith(HarOptions.defaults()).plan().requests().get(0);
        assertEquals(List.of(Param.of("Accept", "application/json")), request.headers());
    }

    // ---- correlation

    @Test
    void theBookshopRecordingCorrelatesItsTokenAndIds() {
        ImportResult result = Loadsmith.importHar(BOOKSHOP, ImportOptions.defaults());
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(List.of("POST /api/oauth/token", "POST /api/books", "GET /api/books/{bookId}", "PUT /api/books/{bookId}",
                "POST /api/orders", "GET /api/orders/{orderId}", "DELETE /api/books/{bookId}"), names(result));
        assertEquals(List.of(new Extraction.FromJson("accessToken", io.loadsmith.model.JsonPath.of("access_token"))),
                requests.get(0).extractions());
        assertEquals(List.of(new Extraction.FromJson("bookId", io.loadsmith.model.JsonPath.of("id"))), requests.get(1).extractions());
        assertEquals(Text.concat(Text.of("Bearer "), Text.ref("accessToken")), header(requests.get(2), "authorization"));
        assertEquals(Text.ref("bookId"), requests.get(2).pathParam("bookId"));
        Json.JsonObject order = (Json.JsonObject) ((Body.JsonBody) requests.get(4).body()).value();
        assertEquals(new Json.JsonString(Text.ref("bookId")), order.get("bookId"));
        // The client sent the title first: an echo in the response is not correlated.
        assertFalse(result.plan().requests().stream().flatMap(r -> r.extractions().stream())
                .anyMatch(x -> x.variable().toLowerCase().contains("title")));
        assertEquals(List.of("COOKIE_SESSION", "CLIENT_SECRET"), result.plan().variables().stream().map(Variable::env).toList());
        assertTrue(result.plan().variables().stream().allMatch(Variable::secret));
        assertTrue(result.report().contains("`bookId`: JSON $.id of the response to `POST /api/books` → path of "
                + "`GET /api/books/{bookId}`"), result.report());
    }

    @Test
    void withoutCorrelationTheRecordedIdsStayButTheTokenIsStillAnEnvironmentVariable() {
        ImportResult result = Loadsmith.importHar(BOOKSHOP, ImportOptions.defaults().withHar(
                new HarOptions("recorded", List.of(), List.of(), false, false, null)));
        HttpRequest get = result.plan().requests().get(2);
        assertTrue(get.path().matches("/api/books/[0-9a-f-]{36}"), get.path());
        assertEquals(Text.concat(Text.of("Bearer "), Text.ref("AUTHORIZATION")), header(get, "authorization"));
        assertTrue(result.plan().requests().stream().allMatch(r -> r.extractions().isEmpty()));
    }

    @Test
    void hiddenInputsAndNumericIdsAreCorrelated() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://shop.example.com/form", 200).with("response", r -> r.putObject("content")
                .put("mimeType", "text/html").put("text", "<form><input type=\"hidden\" value=\"c5f1e2d3a4b5\" name=\"csrf_token\">"
                        + "<input name=\"q\" value=\"x\"></form>"));
        har.entry("POST", "https://shop.example.com/cart", 200).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/x-www-form-urlencoded").put("text", "csrf_token=c5f1e2d3a4b5&sku=12"))
                .with("response", r -> r.putObject("content").put("mimeType", "application/json").put("text", "{\"cartId\": 987654}"));
        har.entry("POST", "https://shop.example.com/checkout", 200).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/json").put("text", "{\"cart\": 987654}"));
        List<HttpRequest> requests = har.importWith(HarOptions.defaults()).plan().requests();
        assertEquals(List.of(new Extraction.FromRegex("csrfToken", "value=[\"']([^\"']*)[\"'][^>]*?name=[\"']csrf_token[\"']", 1)),
                requests.get(0).extractions());
        assertEquals(new Body.FormBody(List.of(new Param("csrf_token", Text.ref("csrfToken")), Param.of("sku", "12"))),
                requests.get(1).body());
        assertEquals(List.of(new Extraction.FromJson("cartId", io.loadsmith.model.JsonPath.of("cartId"))),
                requests.get(1).extractions());
        Json.JsonObject checkout = (Json.JsonObject) ((Body.JsonBody) requests.get(2).body()).value();
        assertEquals(new Json.JsonRef("cartId"), checkout.get("cart"), "a number stays a number");
    }

    @Test
    void anIdOnlyTheLocationHeaderGaveIsReadFromIt() throws Exception {
        Har har = new Har();
        har.entry("POST", "https://api.example.com/api/jobs", 202).with("response", r -> ((ArrayNode) r.path("headers")).addObject()
                .put("name", "Location").put("value", "https://api.example.com/api/jobs/j-77f3a9?v=1"));
        har.entry("GET", "https://api.example.com/api/jobs/j-77f3a9", 200);
        ImportResult result = har.importWith(HarOptions.defaults());
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(List.of(new Extraction.FromHeader("jobId", "location", "\\/api\\/jobs\\/([^/?#\\s]+)")),
                requests.get(0).extractions());
        assertEquals("GET /api/jobs/{jobId}", requests.get(1).name());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(((Extraction.FromHeader) requests.get(0).extractions().get(0))
                .pattern()).matcher("https://api.example.com/api/jobs/j-77f3a9?v=1");
        assertTrue(m.find() && m.group(1).equals("j-77f3a9"));
        for (io.loadsmith.tool.LoadTool tool : io.loadsmith.tool.LoadTools.all()) {
            io.loadsmith.testing.ScriptChecks.check(Loadsmith.render(result.plan(), tool).files());
        }
        Path planFile = Files.writeString(dir.resolve("plan.yaml"), io.loadsmith.importer.plan.PlanFileWriter.write(result.plan()));
        assertEquals(result.plan(), Loadsmith.readPlan(planFile).plan(), "the pattern survives a plan file");
    }

    @Test
    void afterARedirectTheTargetsResponseIsWhatValuesComeFrom() throws Exception {
        Har har = new Har();
        har.entry("POST", "https://app.example.com/login", 302).with("response", r -> {
            ((ArrayNode) r.path("headers")).addObject().put("name", "Location").put("value", "/home");
            ((ArrayNode) r.path("headers")).addObject().put("name", "Set-Cookie").put("value", "sid=s3ss10n-0001; Path=/");
        });
        har.entry("GET", "https://app.example.com/home", 200).with("response", r -> r.putObject("content")
                .put("mimeType", "text/html").put("text", "<input type=\"hidden\" name=\"csrf\" value=\"t0k3n-4242\">"));
        har.entry("POST", "https://app.example.com/save", 200).with("request", r -> {
            r.putObject("postData").put("mimeType", "application/x-www-form-urlencoded").put("text", "csrf=t0k3n-4242");
            ((ArrayNode) r.path("headers")).addObject().put("name", "Cookie").put("value", "sid=s3ss10n-0001");
        });
        List<HttpRequest> requests = har.importWith(HarOptions.defaults()).plan().requests();
        assertEquals(List.of("POST /login", "POST /save"), requests.stream().map(HttpRequest::name).toList());
        assertEquals("csrf", requests.get(0).extractions().get(0).variable());
        assertEquals(List.of(), requests.get(1).cookies(), "the cookie the redirect set is the jar's");
    }

    @Test
    void graphQlCallsAreNamedByTheirOperationAndIdsInVariablesAreCorrelated() throws Exception {
        Har har = new Har();
        har.entry("POST", "https://shop.example.com/graphql", 200).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/json").put("text", "{\"operationName\":\"CreateBook\",\"query\":\"mutation CreateBook("
                        + "$t: String!) { createBook(title: $t) { id } }\",\"variables\":{\"t\":\"Dune\"}}"))
                .with("response", r -> r.putObject("content").put("mimeType", "application/json")
                        .put("text", "{\"data\":{\"createBook\":{\"id\":\"bk-7f3a9c21\"}}}"));
        har.entry("POST", "https://shop.example.com/graphql", 200).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/json").put("text", "{\"query\":\"query GetBook($id: ID!) { book(id: $id) { title } }\","
                        + "\"variables\":{\"id\":\"bk-7f3a9c21\"}}"));
        har.entry("POST", "https://shop.example.com/graphql", 200).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/json").put("text", "{\"query\":\"{ shop: bookstore { name } }\"}"));
        har.entry("POST", "https://shop.example.com/search", 200).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/json").put("text", "{\"query\":\"dune\"}"));
        List<HttpRequest> requests = har.importWith(HarOptions.defaults()).plan().requests();
        assertEquals(List.of("CreateBook", "GetBook", "bookstore", "POST /search"), requests.stream().map(HttpRequest::name).toList());
        assertTrue(requests.get(0).checks().contains(new Check.NoGraphQlErrors()), requests.get(0).checks().toString());
        assertTrue(!requests.get(3).checks().contains(new Check.NoGraphQlErrors()), "a search for the word query is no GraphQL call");
        String variable = requests.get(0).extractions().get(0).variable();
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) requests.get(1).body()).value();
        Json.JsonObject variables = (Json.JsonObject) body.members().stream().filter(m -> m.key().equals("variables")).findFirst()
                .orElseThrow().value();
        assertEquals(java.util.Set.of(variable), variables.references(), "the id the mutation returned: " + variables);
    }

    @Test
    void aRecordedWebSocketConnectionIsASessionWithItsMessagesCorrelated() throws Exception {
        Har har = new Har();
        har.entry("POST", "https://shop.example.com/api/oauth/token", 200).with("response", r -> r.putObject("content")
                .put("mimeType", "application/json").put("text", "{\"access_token\":\"tk-5b1e0c9a77d2\",\"token_type\":\"Bearer\"}"));
        har.entry("POST", "https://shop.example.com/api/orders", 201).with("request", r -> r.putObject("postData")
                .put("mimeType", "application/json").put("text", "{\"bookId\":\"b1\",\"quantity\":1}"))
                .with("response", r -> r.putObject("content").put("mimeType", "application/json")
                        .put("text", "{\"id\":\"ord-93c1f0d4\",\"status\":\"placed\"}"));
        ObjectNode socket = har.entry("GET", "wss://shop.example.com/api/updates?access_token=tk-5b1e0c9a77d2", 101).node();
        socket.put("_resourceType", "websocket");
        ((ArrayNode) socket.path("request").path("headers")).addObject().put("name", "Sec-WebSocket-Protocol").put("value", "bookshop.v1");
        ArrayNode messages = socket.putArray("_webSocketMessages");
        double t = Instant.parse("2026-01-01T00:00:00.050Z").toEpochMilli() / 1000.0;
        messages.addObject().put("type", "send").put("time", t).put("opcode", 1).put("data", "{\"type\":\"subscribe\",\"orderId\":\"ord-93c1f0d4\"}");
        messages.addObject().put("type", "receive").put("time", t + 0.01).put("opcode", 1).put("data", "{\"type\":\"subscribed\",\"orderId\":\"ord-93c1f0d4\"}");
        messages.addObject().put("type", "receive").put("time", t + 0.02).put("opcode", 1).put("data", "{\"type\":\"status\",\"status\":\"placed\"}");
        messages.addObject().put("type", "send").put("time", t + 1.52).put("opcode", 2).put("data", "AAEC");
        messages.addObject().put("type", "send").put("time", t + 1.53).put("opcode", 1).put("data", "ping");
        messages.addObject().put("type", "receive").put("time", t + 1.54).put("opcode", 1).put("data", "pong");
        har.entry("GET", "https://shop.example.com/api/orders/ord-93c1f0d4", 200);
        ImportResult result = har.importWith(HarOptions.defaults());
        List<Step> steps = result.plan().scenarios().get(0).steps();
        assertEquals(4, steps.size(), steps.toString());
        WebSocketSession session = (WebSocketSession) steps.get(2);
        assertEquals("WS /api/updates", session.name());
        assertEquals("bookshop.v1", session.subprotocol());
        String token = result.plan().requests().get(0).extractions().get(0).variable();
        assertEquals(List.of(new Param("access_token", Text.ref(token))), session.query(), "the token the recording fetched");
        String order = result.plan().requests().get(1).extractions().get(0).variable();
        Json subscribe = ((WebSocketSession.Send) session.actions().get(0)).json();
        assertEquals(java.util.Set.of(order), subscribe.references(), "the id of the order the journey placed: " + subscribe);
        WebSocketSession.Expect subscribed = (WebSocketSession.Expect) session.actions().get(1);
        assertEquals("WS /api/updates: subscribed", subscribed.name());
        assertEquals(JsonPath.parse("$.type"), subscribed.path());
        assertEquals(Text.of("subscribed"), subscribed.equals());
        assertEquals(new WebSocketSession.Pause(Duration.ofMillis(1520)), session.actions().get(2), "the user's pause before ping");
        assertEquals(WebSocketSession.Send.text(Text.of("ping")), session.actions().get(3));
        WebSocketSession.Expect pong = (WebSocketSession.Expect) session.actions().get(4);
        assertEquals("WS /api/updates: reply", pong.name());
        assertEquals(null, pong.path());
        assertEquals(5, session.actions().size(), "the status push after the first reply is not waited for");
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("1 binary WebSocket message(s) left out")),
                result.diagnostics().toString());
        assertTrue(!PlanFileWriter.write(result.plan()).contains("tk-5b1e0c9a77d2"), "the recorded token is nowhere in the plan");
    }

    private WebSocketSession recordedSession(HarOptions options, String protocol) throws Exception {
        Har har = new Har();
        ObjectNode socket = har.entry("GET", "wss://chat.example.com/socket", 101).node();
        socket.put("_resourceType", "websocket");
        ((ArrayNode) socket.path("request").path("headers")).addObject().put("name", "Sec-WebSocket-Protocol").put("value", protocol);
        ArrayNode messages = socket.putArray("_webSocketMessages");
        // The connection starts at t and takes 1 ms (the builder's entries).
        double t = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() / 1000.0;
        messages.addObject().put("type", "send").put("time", t + 0.501).put("opcode", 1).put("data", "ping");
        messages.addObject().put("type", "receive").put("time", t + 0.6).put("opcode", 1).put("data", "pong");
        messages.addObject().put("type", "send").put("time", t + 0.7).put("opcode", 1).put("data", "ping again");
        messages.addObject().put("type", "receive").put("time", t + 0.75).put("opcode", 1).put("data", "pong");
        har.entry("GET", "https://chat.example.com/rooms", 200);
        return (WebSocketSession) har.importWith(options).plan().scenarios().get(0).steps().get(0);
    }

    @Test
    void aSessionKeepsTheUsersPausesAsTheThinkTimeOptionSays() throws Exception {
        WebSocketSession recorded = recordedSession(HarOptions.defaults(), "chat.v2, chat.v1");
        assertEquals(List.of(new WebSocketSession.Pause(Duration.ofMillis(500)), WebSocketSession.Send.text(Text.of("ping"))),
                recorded.actions().subList(0, 2), "half a second after the connection opened");
        assertEquals(WebSocketSession.Send.text(Text.of("ping again")), recorded.actions().get(3), "a tenth of a second is no pause");
        assertEquals("WS /socket: reply", ((WebSocketSession.Expect) recorded.actions().get(2)).name());
        assertEquals("WS /socket: reply 2", ((WebSocketSession.Expect) recorded.actions().get(4)).name());
        assertEquals(5, recorded.actions().size());
        assertEquals("chat.v2", recorded.subprotocol(), "the first protocol the client offered");
        assertEquals(new WebSocketSession.Pause(Duration.ofMillis(250)),
                recordedSession(new HarOptions("scale:0.5", List.of(), List.of(), false, true, null), "chat.v2").actions().get(0));
        assertEquals(new WebSocketSession.Pause(Duration.ofSeconds(1)),
                recordedSession(new HarOptions("fixed:1s", List.of(), List.of(), false, true, null), "chat.v2").actions().get(0));
        assertEquals(WebSocketSession.Send.text(Text.of("ping")),
                recordedSession(new HarOptions("none", List.of(), List.of(), false, true, null), "chat.v2").actions().get(0));
        assertNull(recordedSession(HarOptions.defaults(), "not a token").subprotocol(), "a protocol no handshake can carry is dropped");
    }

    @Test
    void cookiesARecordedResponseSetAreLeftToTheCookieJar() throws Exception {
        Har har = new Har();
        har.entry("POST", "https://app.example.com/login", 200).with("response", r -> ((ArrayNode) r.path("headers")).addObject()
                .put("name", "Set-Cookie").put("value", "JSESSIONID=0123456789abcdef; Path=/; HttpOnly"));
        har.entry("GET", "https://app.example.com/home", 200).with("request", r -> ((ArrayNode) r.path("headers")).addObject()
                .put("name", "Cookie").put("value", "JSESSIONID=0123456789abcdef; theme=dark-blue-theme"));
        ImportResult result = har.importWith(HarOptions.defaults());
        HttpRequest home = result.plan().requests().get(1);
        assertEquals(List.of(new Param("theme", Text.ref("COOKIE_THEME"))), home.cookies());
        assertTrue(result.report().contains("cookie JSESSIONID: set by the response of POST https://app.example.com/login, "
                + "sent by the tool's cookie jar"), result.report());
    }

    @Test
    void secretsInQueriesBodiesAndHeadersBecomeEnvironmentVariables() throws Exception {
        Har har = new Har();
        har.entry("POST", "https://api.example.com/login?api_key=AKIA1234567890", 200).with("request", r -> {
            r.putObject("postData").put("mimeType", "application/json").put("text", "{\"user\":\"ada\",\"password\":\"hunter2-hunter2\"}");
            ((ArrayNode) r.path("headers")).addObject().put("name", "X-Api-Key").put("value", "AKIA1234567890");
        });
        har.entry("GET", "https://api.example.com/me?next=/x/hunter2-hunter2", 200);
        ImportResult result = har.importWith(HarOptions.defaults());
        HttpRequest login = result.plan().requests().get(0);
        assertEquals(new Param("api_key", Text.ref("API_KEY")), login.query().get(0));
        assertEquals(Text.ref("API_KEY"), header(login, "X-Api-Key"), "the same value gets the same variable");
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) login.body()).value();
        assertEquals(new Json.JsonString(Text.ref("PASSWORD")), body.get("password"));
        // Swept: the password also turned up in another request's query.
        assertEquals(new Param("next", Text.concat(Text.of("/x/"), Text.ref("PASSWORD"))), result.plan().requests().get(1).query().get(0));
        assertFalse(result.report().contains("hunter2-hunter2") || result.report().contains("AKIA1234567890"));
    }

    // ---- think time and pages

    @Test
    void pausesFollowTheRecordingOrTheOption() throws Exception {
        Har har = new Har();
        har.entry("GET", "https://app.example.com/a", 200).put("startedDateTime", "2026-01-01T00:00:00.000Z").put("time", 500);
        har.entry("GET", "https://app.example.com/b", 200).put("startedDateTime", "2026-01-01T00:00:02.500Z").put("time", 50);
        har.entry("GET", "https://app.example.com/c", 200).put("startedDateTime", "2026-01-01T00:00:02.600Z");
        assertEquals(List.of(Duration.ofSeconds(2)), pauses(har.importWith(HarOptions.defaults())));
        assertEquals(List.of(Duration.ofSeconds(1)), pauses(har.importWith(new HarOptions("scale:0.5", List.of(), List.of(),
                false, true, null))));
        assertEquals(List.of(Duration.ofSeconds(3)), pauses(har.importWith(new HarOptions("fixed:3s", List.of(), List.of(),
                false, true, null))));
        assertEquals(List.of(), pauses(har.importWith(new HarOptions("none", List.of(), List.of(), false, true, null))));
        assertThrows(IllegalArgumentException.class, () -> new HarOptions("sometimes", List.of(), List.of(), false, true, null));
    }

    @Test
    void pagesBecomeGroups() throws Exception {
        Har har = new Har();
        ((ObjectNode) har.root.path("log")).withArray("pages").addObject().put("id", "p1").put("title", "Home");
        ((ObjectNode) har.root.path("log")).withArray("pages").addObject().put("id", "p2").put("title", "Cart");
        har.entry("GET", "https://app.example.com/", 200).put("pageref", "p1");
        har.entry("GET", "https://app.example.com/cart", 200).put("pageref", "p2");
        har.entry("GET", "https://app.example.com/cart/items", 200).put("pageref", "p2");
        List<Step> steps = har.importWith(HarOptions.defaults()).plan().scenarios().get(0).steps();
        assertEquals(List.of("Home", "Cart"), steps.stream().map(s -> ((Group) s).name()).toList());
        assertEquals(2, ((Group) steps.get(1)).steps().size());
    }

    // ---- spec

    @Test
    void withASpecStepsTakeTheOperationsNamesAndChecks() {
        ImportResult result = Loadsmith.importHar(BOOKSHOP, ImportOptions.defaults().withHar(new HarOptions("recorded", List.of(),
                List.of(), false, true, TestPaths.samples().resolve("specs/bookshop/openapi.yaml"))));
        assertEquals(List.of("POST /api/oauth/token", "createBook", "getBook", "updateBook", "createOrder", "getOrder", "deleteBook"),
                names(result));
        assertTrue(result.report().contains("`createBook` ×1"), result.report());
        assertTrue(result.report().contains("Operations the recording never called: listBooks, health"), result.report());
    }

    @Test
    void theMostLiteralPathTemplateNamesARequest() throws Exception {
        // /books/{id} comes first in the document: a recorded /books/new is still the new-book form, not a book.
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                servers: [{url: "https://api.example.com/v1"}]
                paths:
                  /books/{id}:
                    get:
                      operationId: getBook
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {"200": {description: ok}}
                  /books/new:
                    get:
                      operationId: newBookForm
                      responses: {"200": {description: ok}}
                  /{section}/new:
                    get:
                      operationId: newInSection
                      parameters: [{name: section, in: path, required: true, schema: {type: string}}]
                      responses: {"200": {description: ok}}
                """);
        Har har = new Har();
        har.entry("GET", "https://api.example.com/v1/books/new", 200);
        har.entry("GET", "https://api.example.com/v1/books/42", 200);
        har.entry("GET", "https://api.example.com/v1/authors/new", 200);
        har.entry("GET", "https://api.example.com/v1/books/42/reviews", 200);
        ImportResult result = har.importWith(new HarOptions("recorded", List.of(), List.of(), false, true, spec));
        assertEquals(List.of("newBookForm", "getBook", "newInSection", "GET /v1/books/42/reviews"), names(result));
    }

    @Test
    void aRecordedStatusTheSpecDoesNotListIsNamedAndTheMethodMustMatchToo() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                servers: [{url: "https://api.example.com/v1/"}]
                paths:
                  /books:
                    get:
                      operationId: listBooks
                      responses: {"200": {description: ok}}
                    post:
                      operationId: createBook
                      responses: {"201": {description: created}}
                  /books/{id}:
                    delete:
                      operationId: deleteBook
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {"2XX": {description: gone}}
                """);
        Har har = new Har();
        har.entry("GET", "https://api.example.com/v1/books/", 200);
        har.entry("POST", "https://api.example.com/v1/books", 500);
        har.entry("DELETE", "https://api.example.com/v1/books/7", 204);
        har.entry("DELETE", "https://api.example.com/v1/books/8", 299);
        har.entry("DELETE", "https://api.example.com/v1/books/9", 300);
        har.entry("PUT", "https://api.example.com/v1/books/7", 200);
        har.entry("GET", "https://api.example.com/books", 200);
        ImportResult result = har.importWith(new HarOptions("recorded", List.of(), List.of(), false, true, spec));
        assertEquals(List.of("listBooks", "createBook", "deleteBook", "deleteBook", "deleteBook", "PUT /v1/books/7", "listBooks"),
                names(result), "a trailing slash and a path without the server's prefix match; PUT is no operation of the spec");
        List<String> warnings = result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .map(d -> d.subject() + ": " + d.message()).toList();
        assertTrue(warnings.contains("createBook: the recording got status 500, which the spec does not list (201); "
                + "the recorded status is checked"), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.startsWith("deleteBook: the recording got status 300")).count(), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("status 204") || w.contains("status 299") || w.contains("status 200")),
                "within 2XX, and listBooks' 200, are what the spec lists: " + warnings);
        assertTrue(result.report().contains("1 recorded request") || result.report().contains("PUT /v1/books/7"), result.report());
    }

    // ---- helpers

    private static List<String> names(ImportResult result) {
        return result.plan().requests().stream().map(HttpRequest::name).toList();
    }

    private static Text header(HttpRequest request, String name) {
        return request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Param::value).findFirst().orElseThrow();
    }

    private static List<Duration> pauses(ImportResult result) {
        List<Duration> pauses = new ArrayList<>();
        for (Step step : result.plan().scenarios().get(0).steps()) {
            if (step instanceof ThinkTime pause) {
                assertTrue(pause.isFixed());
                pauses.add(pause.min());
            }
        }
        return pauses;
    }

    private static Body bodyOf(ImportResult result, String path) {
        return result.plan().requests().stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no request " + path + " in " + names(result))).body();
    }

    private static void post(Har har, String path, java.util.function.Consumer<ObjectNode> postData) {
        har.entry("POST", "https://api.example.com" + path, 200).with("request", r -> postData.accept(r.putObject("postData")));
    }

    @Test
    void recordedBodiesKeepTheirKind() throws Exception {
        Har har = new Har();
        post(har, "/base64", d -> d.put("mimeType", "image/png").put("text", "iVBO\nRw0K").put("encoding", "base64"));
        post(har, "/not-base64", d -> d.put("mimeType", "text/plain").put("text", "x").put("_encoding", "base64"));
        post(har, "/octets", d -> d.put("mimeType", "application/octet-stream").put("text", "\u00ff\u0001ab"));
        post(har, "/image", d -> d.put("mimeType", "image/gif").put("text", "GIF89a"));
        post(har, "/controls", d -> d.put("mimeType", "application/x-custom").put("text", "a\u0002b"));
        post(har, "/tabs", d -> d.put("mimeType", "application/x-custom").put("text", "a\tb\r\nc"));
        post(har, "/xml", d -> d.put("mimeType", "application/soap+xml").put("text", "<a>\u0001</a>"));
        post(har, "/json", d -> d.put("mimeType", "application/vnd.api+json").put("text", "{\"a\": [1, true, null, \"x\"]}"));
        post(har, "/bad-json", d -> d.put("mimeType", "application/json").put("text", "{\"a\": "));
        post(har, "/untyped", d -> d.put("text", "raw bytes"));
        post(har, "/empty", d -> d.put("mimeType", "text/plain").put("text", ""));
        post(har, "/params-only", d -> d.put("mimeType", "text/plain").putArray("params").addObject().put("name", "a").put("value", "1"));
        post(har, "/protobuf", d -> d.put("mimeType", "application/x-protobuf").put("text", "ab"));
        ImportResult result = har.importWith(HarOptions.defaults());

        assertEquals(new Body.BinaryBody("image/png", "iVBORw0K"), bodyOf(result, "/base64"), "a MIME-wrapped base64 body");
        assertEquals(new Body.RawBody("text/plain", Text.of("x")), bodyOf(result, "/not-base64"), "one character is no base64");
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().equals("the body is marked base64 but is not; it is sent as text")),
                result.diagnostics().toString());
        assertEquals(new Body.BinaryBody("application/octet-stream", "/wFhYg=="), bodyOf(result, "/octets"), "Latin-1 characters as bytes");
        assertEquals(new Body.BinaryBody("image/gif", "R0lGODlh"), bodyOf(result, "/image"));
        assertEquals(new Body.BinaryBody("application/x-custom", "YQJi"), bodyOf(result, "/controls"), "control characters: binary");
        assertEquals(new Body.RawBody("application/x-custom", Text.of("a\tb\r\nc")), bodyOf(result, "/tabs"), "tabs and line ends are text");
        assertEquals(new Body.RawBody("application/soap+xml", Text.of("<a>\u0001</a>")), bodyOf(result, "/xml"), "XML is text");
        assertEquals(new Body.JsonBody("application/vnd.api+json", new Json.JsonObject(List.of(new Json.Member("a", new Json.JsonArray(
                List.of(Json.number(1), new Json.JsonBoolean(true), new Json.JsonNull(), Json.string("x"))))))), bodyOf(result, "/json"));
        assertEquals(new Body.RawBody("application/json", Text.of("{\"a\": ")), bodyOf(result, "/bad-json"));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().equals("the JSON body does not parse; it is sent as recorded")));
        assertEquals(new Body.BinaryBody("application/octet-stream", "cmF3IGJ5dGVz"), bodyOf(result, "/untyped"),
                "a body without a type is bytes");
        assertEquals(Body.none(), bodyOf(result, "/empty"));
        assertEquals(new Body.RawBody("text/plain", Text.empty()), bodyOf(result, "/params-only"));
        assertEquals(new Body.BinaryBody("application/x-protobuf", "YWI="), bodyOf(result, "/protobuf"));
    }

    @Test
    void multipartBodiesAreSplitIntoTheirParts() throws Exception {
        Har har = new Har();
        post(har, "/params", d -> {
            d.put("mimeType", "multipart/form-data; boundary=x");
            var params = d.putArray("params");
            params.addObject().put("name", "title").put("value", "Dune");
            params.addObject().put("name", "cover").put("value", "PNG").put("fileName", "cover.png").put("contentType", "image/png");
            params.addObject().put("name", "notes").put("value", "n").put("fileName", "notes.txt");
        });
        post(har, "/crlf", d -> d.put("mimeType", "multipart/form-data; boundary=\"b1\"").put("text",
                "--b1\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nDune\r\n"
                        + "--b1\r\nContent-Disposition: form-data; name=\"cover\"; filename=\"c.png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n"
                        + "--b1\r\nContent-Disposition: form-data; filename=\"nameless.txt\"\r\n\r\nskipped\r\n"
                        + "--b1\r\nno blank line here\r\n"
                        + "--b1--\r\n--b1\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nend\r\n"));
        post(har, "/lf-first-line", d -> d.put("mimeType", "multipart/form-data").put("text",
                "--zz\nContent-Disposition: form-data; name=\"a\"\n\n1\n--zz\nContent-Disposition: form-data; name=\"f\"; "
                        + "filename=\"\"\n\n2\n--zz--\n"));
        post(har, "/no-boundary", d -> d.put("mimeType", "multipart/form-data").put("text", "no boundary at all"));
        post(har, "/no-parts", d -> d.put("mimeType", "multipart/form-data; boundary=q").put("text", "--q\r\ngarbage\r\n--q--"));
        ImportResult result = har.importWith(HarOptions.defaults());

        assertEquals(new Body.MultipartBody(List.of(new Body.MultipartField("title", Text.of("Dune")),
                Body.MultipartFile.of("cover", "cover.png", "image/png", "PNG".getBytes(StandardCharsets.UTF_8)),
                Body.MultipartFile.of("notes", "notes.txt", "application/octet-stream", "n".getBytes(StandardCharsets.UTF_8)))),
                bodyOf(result, "/params"));
        assertEquals(new Body.MultipartBody(List.of(new Body.MultipartField("title", Text.of("Dune")),
                Body.MultipartFile.of("cover", "c.png", "image/png", "PNG".getBytes(StandardCharsets.UTF_8)))),
                bodyOf(result, "/crlf"), "parts without a name or a blank line are passed over; nothing after the closing boundary");
        assertEquals(new Body.MultipartBody(List.of(new Body.MultipartField("a", Text.of("1")), new Body.MultipartField("f", Text.of("2")))),
                bodyOf(result, "/lf-first-line"), "the boundary from the first line; an empty file name is a field");
        assertEquals(new Body.RawBody("multipart/form-data", Text.of("no boundary at all")), bodyOf(result, "/no-boundary"));
        assertEquals(new Body.RawBody("multipart/form-data; boundary=q", Text.of("--q\r\ngarbage\r\n--q--")), bodyOf(result, "/no-parts"));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().equals("the multipart body has no boundary; it is sent as recorded")));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().equals(
                "the multipart body has no parts that parse; it is sent as recorded")));
    }

    /** A HAR built entry by entry. */
    private final class Har {
        final ObjectNode root = JSON.createObjectNode();
        final ArrayNode entries;
        private Instant next = Instant.parse("2026-01-01T00:00:00Z");

        Har() {
            ObjectNode log = root.putObject("log");
            log.put("version", "1.2");
            log.putObject("creator").put("name", "test").put("version", "1");
            entries = log.putArray("entries");
        }

        Entry entry(String method, String url, int status) {
            ObjectNode entry = entries.addObject();
            entry.put("startedDateTime", next.toString());
            next = next.plusMillis(10);
            entry.put("time", 1);
            ObjectNode request = entry.putObject("request");
            request.put("method", method).put("url", url).put("httpVersion", "HTTP/1.1");
            request.putArray("headers");
            request.putArray("cookies");
            ObjectNode response = entry.putObject("response");
            response.put("status", status);
            response.putArray("headers");
            response.putObject("content").put("mimeType", "application/json");
            return new Entry(entry);
        }

        ImportResult importWith(HarOptions options) throws Exception {
            Path file = dir.resolve("recording-" + System.nanoTime() + ".har");
            Files.writeString(file, JSON.writeValueAsString(root));
            return Loadsmith.importHar(file, ImportOptions.defaults().withHar(options));
        }
    }

    private record Entry(ObjectNode node) {
        Entry put(String field, String value) {
            node.put(field, value);
            return this;
        }

        Entry put(String field, int value) {
            node.put(field, value);
            return this;
        }

        Entry with(String part, java.util.function.Consumer<ObjectNode> edit) {
            edit.accept((ObjectNode) node.path(part));
            return this;
        }

        com.fasterxml.jackson.databind.JsonNode path(String field) {
            return node.path(field);
        }
    }
}
