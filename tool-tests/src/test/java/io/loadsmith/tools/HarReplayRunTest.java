package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A journey recorded against one demo API (token, create, read, update, order, read order,
 * delete), saved as a HAR by the test from the API's own log of what went over the wire, imported
 * and replayed by the real tool against a fresh demo API. Its tokens and ids are new UUIDs, so
 * the replay only succeeds if correlation extracts them at run time; the recorded client secret
 * and session cookie come from environment variables, never from the scripts.
 */
class HarReplayRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "recorded-session-7f3a9c2e51d8";

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

    /**
     * With {@code fromLocation}, the recording keeps no body of the book's creation (as recorders
     * do that save no response bodies), so the new book's id can only come from its Location header.
     */
    @ParameterizedTest(name = "{0}, created id from the Location header: {1}")
    @MethodSource("runs")
    void aRecordedJourneyReplaysWithTheNewApisTokenAndIds(LoadTool tool, boolean fromLocation) throws Exception {
        Path har = dir.resolve("bookshop.har");
        Recorded recorded;
        try (DemoApi api = DemoApi.start(0)) {
            recorded = record(api);
            Files.writeString(har, har(api.requests(), api.baseUrl(), fromLocation));
        }

        try (DemoApi fresh = DemoApi.start(0)) {
            ImportOptions options = ImportOptions.defaults().withBaseUrl(fresh.baseUrl().replaceFirst("/api$", ""));
            Generation generation = Loadsmith.generate(har, options,
                    new PlanOptions(null, List.of(), null, 1, null, Duration.ofSeconds(4), List.of()), List.of(tool),
                    RenderOptions.defaults());
            Path out = Files.createDirectories(dir.resolve("out"));
            Loadsmith.write(out, generation.files());
            for (RenderedFile file : generation.files()) {
                String text = new String(file.content(), StandardCharsets.UTF_8);
                for (String secret : List.of(recorded.token(), DemoApi.CLIENT_SECRET, SESSION)) {
                    assertFalse(text.contains(secret), file.path() + " holds the recorded secret " + secret);
                }
            }

            Map<String, String> env = Map.of("BASE_URL", fresh.baseUrl().replaceFirst("/api$", ""),
                    "CLIENT_SECRET", DemoApi.CLIENT_SECRET, "COOKIE_SESSION", SESSION);
            ToolRun.run(tool, out, env, 120).requireClean();

            List<RecordedRequest> received = fresh.requests();
            assertFalse(received.isEmpty(), "the replay sent nothing");
            assertTrue(received.stream().allMatch(r -> r.status() < 400), "every replayed request succeeded: "
                    + received.stream().filter(r -> r.status() >= 400).map(r -> r.method() + " " + r.path() + " " + r.status()).toList());
            Set<String> tokens = fresh.issuedTokens();
            Set<String> createdBooks = new HashSet<>();
            Set<String> createdOrders = new HashSet<>();
            int iterations = 0;
            for (RecordedRequest request : received) {
                if (request.path().equals("/api/oauth/token")) {
                    iterations++;
                    assertEquals(SESSION, cookie(request, "session"), "the scrubbed cookie comes from COOKIE_SESSION");
                    continue;
                }
                String authorization = request.header("authorization");
                assertTrue(authorization != null && tokens.contains(authorization.substring("Bearer ".length())),
                        request.method() + " " + request.path() + " carries a token the fresh API issued: " + authorization);
                if (request.method().equals("POST") && request.path().equals("/api/books")) {
                    createdBooks.add(JSON.readTree(request.responseBody()).path("id").asText());
                } else if (request.method().equals("POST") && request.path().equals("/api/orders")) {
                    createdOrders.add(JSON.readTree(request.responseBody()).path("id").asText());
                    String bookId = JSON.readTree(request.body()).path("bookId").asText();
                    assertTrue(createdBooks.contains(bookId), "the order names a book the fresh API created: " + bookId);
                } else if (request.path().startsWith("/api/books/")) {
                    String id = request.path().substring("/api/books/".length());
                    assertTrue(createdBooks.contains(id), request.method() + " " + request.path() + " uses a created book id");
                    assertFalse(id.equals(recorded.bookId()), "not the recorded id");
                } else if (request.path().startsWith("/api/orders/")) {
                    String id = request.path().substring("/api/orders/".length());
                    assertTrue(createdOrders.contains(id), request.path() + " uses a created order id");
                    assertFalse(id.equals(recorded.orderId()), "not the recorded id");
                }
            }
            assertTrue(iterations >= 1, "at least one whole journey");
            assertTrue(received.size() >= iterations * 7 - 6, received.size() + " requests for " + iterations + " journeys");
            for (String step : List.of("PUT /api/books/", "GET /api/books/", "DELETE /api/books/", "GET /api/orders/")) {
                assertTrue(received.stream().anyMatch(r -> (r.method() + " " + r.path()).startsWith(step)), step + " was replayed");
            }
            System.out.printf("%s: %d journeys, %d requests, all with the fresh API's token and ids%n", tool.id(), iterations,
                    received.size());
        }
    }

    /**
     * A form page with a CSRF token in a hidden input and a session cookie, replayed against a
     * server that issues new ones: a submit passes only with the token the same session was given.
     */
    @ParameterizedTest
    @MethodSource("io.loadsmith.testing.ToolSource#all")
    void aFormsHiddenCsrfTokenAndSessionCookieComeFromTheLiveResponses(LoadTool tool) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode entries = root.putObject("log").put("version", "1.2").putArray("entries");
        ObjectNode form = entries.addObject().put("startedDateTime", "2026-11-22T10:00:00.000Z").put("time", 5);
        form.putObject("request").put("method", "GET").put("url", "http://shop.test/form").putArray("headers");
        ObjectNode formResponse = form.putObject("response").put("status", 200);
        formResponse.putArray("headers").addObject().put("name", "Set-Cookie").put("value", "sid=recorded-sid-0000000001; Path=/");
        formResponse.putObject("content").put("mimeType", "text/html").put("text", FormServer.page("recorded-csrf-0123456789"));
        ObjectNode submit = entries.addObject().put("startedDateTime", "2026-11-22T10:00:00.100Z").put("time", 5);
        ObjectNode request = submit.putObject("request").put("method", "POST").put("url", "http://shop.test/submit");
        request.putArray("headers").addObject().put("name", "Cookie").put("value", "sid=recorded-sid-0000000001");
        request.putObject("postData").put("mimeType", "application/x-www-form-urlencoded")
                .put("text", "csrf_token=recorded-csrf-0123456789&qty=1");
        submit.putObject("response").put("status", 200).putArray("headers");
        Path har = Files.writeString(dir.resolve("form.har"), JSON.writeValueAsString(root));

        try (FormServer server = new FormServer()) {
            Generation generation = Loadsmith.generate(har, ImportOptions.defaults().withBaseUrl(server.baseUrl()),
                    new PlanOptions(null, List.of(), null, 1, null, Duration.ofSeconds(3), List.of()), List.of(tool),
                    RenderOptions.defaults());
            assertTrue(generation.plan().variables().isEmpty(), "the cookie is the jar's and the token is extracted: "
                    + generation.plan().variables());
            Path out = Files.createDirectories(dir.resolve("out"));
            Loadsmith.write(out, generation.files());
            ToolRun.run(tool, out, Map.of("BASE_URL", server.baseUrl()), 120).requireClean();
            List<String> submits = server.log().stream().filter(l -> l.startsWith("POST")).toList();
            assertFalse(submits.isEmpty(), "the form was submitted");
            assertTrue(submits.stream().allMatch(l -> l.endsWith(" 200")), "every submit carried its session's token: " + submits);
            System.out.printf("%s: %d submits, each with the live CSRF token and session cookie%n", tool.id(), submits.size());
        }
    }

    /** Issues a session cookie and a CSRF token per form page; a submit must bring both back together. */
    private static final class FormServer implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> log = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        FormServer() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String method = exchange.getRequestMethod();
                int status;
                String answer;
                if (method.equals("GET") && exchange.getRequestURI().getPath().equals("/form")) {
                    String sid = java.util.UUID.randomUUID().toString();
                    String token = java.util.UUID.randomUUID().toString();
                    tokens.put(sid, token);
                    exchange.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; Path=/");
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    status = 200;
                    answer = page(token);
                } else if (method.equals("POST") && exchange.getRequestURI().getPath().equals("/submit")) {
                    String cookie = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
                    String sid = cookie.replaceFirst("^.*\\bsid=([^;]+).*$", "$1");
                    String token = java.net.URLDecoder.decode(body.replaceFirst("^.*\\bcsrf_token=([^&]*).*$", "$1"),
                            StandardCharsets.UTF_8);
                    status = token.equals(tokens.get(sid)) ? 200 : 403;
                    answer = status == 200 ? "ok" : "forbidden";
                } else {
                    status = 404;
                    answer = "no";
                }
                log.add(method + " " + exchange.getRequestURI().getPath() + " " + status);
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
        }

        static String page(String token) {
            return "<html><body><form method=\"post\" action=\"/submit\"><input type=\"hidden\" name=\"csrf_token\" value=\""
                    + token + "\"><input name=\"qty\" value=\"1\"></form></body></html>";
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> log() {
            return List.copyOf(log);
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private record Recorded(String token, String bookId, String orderId) {}

    /** The journey, as a client would make it. */
    private static Recorded record(DemoApi api) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = api.baseUrl();
        JsonNode token = send(client, HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "session=" + SESSION)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + DemoApi.CLIENT_ID
                        + "&client_secret=" + DemoApi.CLIENT_SECRET)));
        String bearer = "Bearer " + token.path("access_token").asText();
        JsonNode book = send(client, json(base + "/books", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"price\":9.5,\"genre\":\"fiction\"}")));
        String bookId = book.path("id").asText();
        send(client, HttpRequest.newBuilder(URI.create(base + "/books/" + bookId)).header("Authorization", bearer).GET());
        send(client, json(base + "/books/" + bookId, bearer)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"price\":7.25}")));
        JsonNode order = send(client, json(base + "/orders", bearer).POST(HttpRequest.BodyPublishers.ofString(
                "{\"bookId\":\"" + bookId + "\",\"quantity\":2,\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}")));
        send(client, HttpRequest.newBuilder(URI.create(base + "/orders/" + order.path("id").asText()))
                .header("Authorization", bearer).GET());
        send(client, HttpRequest.newBuilder(URI.create(base + "/books/" + bookId)).header("Authorization", bearer).DELETE());
        return new Recorded(token.path("access_token").asText(), bookId, order.path("id").asText());
    }

    private static HttpRequest.Builder json(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).header("Content-Type", "application/json");
    }

    private static JsonNode send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 400, "recording: " + response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** A HAR 1.2 file of what the API received and answered, as a browser or proxy would save it. */
    private static String har(List<RecordedRequest> requests, String baseUrl, boolean noCreationBody) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "HarReplayRunTest").put("version", "1");
        log.putArray("pages").addObject().put("id", "page_1").put("title", "Bookshop")
                .put("startedDateTime", "2026-11-22T10:00:00.000Z");
        ArrayNode entries = log.putArray("entries");
        String origin = baseUrl.replaceFirst("/api$", "");
        Instant start = Instant.parse("2026-11-22T10:00:00.000Z");
        for (int i = 0; i < requests.size(); i++) {
            RecordedRequest request = requests.get(i);
            ObjectNode entry = entries.addObject();
            entry.put("pageref", "page_1");
            entry.put("startedDateTime", start.plusMillis(50L * i).toString());
            entry.put("time", 12.5);
            ObjectNode req = entry.putObject("request");
            req.put("method", request.method());
            req.put("url", origin + request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
            req.put("httpVersion", "HTTP/1.1");
            ArrayNode headers = req.putArray("headers");
            request.headers().forEach((name, values) -> values.forEach(v -> headers.addObject().put("name", name).put("value", v)));
            req.putArray("queryString");
            req.putArray("cookies");
            req.put("headersSize", -1);
            req.put("bodySize", request.body().length);
            if (request.body().length > 0) {
                req.putObject("postData").put("mimeType", request.header("content-type")).put("text", request.bodyText());
            }
            ObjectNode res = entry.putObject("response");
            res.put("status", request.status());
            res.put("statusText", "");
            res.put("httpVersion", "HTTP/1.1");
            ArrayNode responseHeaders = res.putArray("headers");
            request.responseHeaders().forEach((name, values) -> values.forEach(v -> responseHeaders.addObject().put("name", name)
                    .put("value", v)));
            res.putArray("cookies");
            ObjectNode content = res.putObject("content");
            content.put("size", request.responseBody().length);
            content.put("mimeType", request.responseHeaders().getOrDefault("content-type", List.of("")).get(0));
            boolean creation = request.method().equals("POST") && request.path().equals("/api/books");
            content.put("text", noCreationBody && creation ? "" : request.responseText());
            res.put("redirectURL", "");
            res.put("headersSize", -1);
            res.put("bodySize", request.responseBody().length);
            entry.putObject("cache");
            entry.putObject("timings").put("send", 0).put("wait", 12.5).put("receive", 0);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String cookie(RecordedRequest request, String name) {
        String header = request.header("cookie");
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String[] parts = pair.strip().split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return parts[1];
            }
        }
        return null;
    }
}
