package io.loadsmith.samples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bookshop API of the samples, for demos and for tests that run real load tools.
 *
 * <p>It listens on 127.0.0.1 only, on an ephemeral port by default. Clients get a token from
 * {@code POST /api/oauth/token} with OAuth 2.0 client credentials and send it as a bearer token;
 * created books and orders get random ids, so a test flow must carry them from one request to the
 * next. {@code POST /api/graphql} serves the same books and orders over GraphQL (the schema is
 * {@code bookshop.graphqls} beside this class). {@code /api/updates} is a WebSocket channel of
 * order status updates ({@link DemoUpdates}). Every request is logged with its method, path,
 * query, headers and body, and every WebSocket message with its session.
 */
public final class DemoApi implements AutoCloseable {
    public static final String CLIENT_ID = "loadsmith-demo";
    public static final String CLIENT_SECRET = "demo-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GENRES = Set.of("fiction", "science", "history", "children");
    /** The server's own start-up lines stay out of the demo's output; the loggers are kept so that the level holds. */
    private static final List<Logger> QUIET = Stream.of("io.undertow", "org.xnio").map(name -> {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }).toList();

    private final Undertow server;
    private final Queue log = new Queue();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> books = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final List<Delay> delays = new CopyOnWriteArrayList<>();
    private final DemoGraphQl graphQl = new DemoGraphQl(books, orders, GENRES);
    private final DemoUpdates updates = new DemoUpdates(orders);

    /** A slower operation: requests of {@code method} to a path matching {@code path} wait {@code delay} before the answer. */
    private record Delay(String method, Pattern path, Duration delay) {}

    private static final class Queue extends ConcurrentLinkedQueue<RecordedRequest> {
        private static final long serialVersionUID = 1L;
    }

    private DemoApi(int port) {
        HttpHandler http = Handlers.httpContinueRead(new BlockingHandler(this::handle));
        // A request to the channel that is no WebSocket handshake, or has no valid token, gets the HTTP handler's answer.
        HttpHandler socket = updates.handshake(http);
        HttpHandler channel = exchange -> {
            if (authorized(lowerCase(exchange.getRequestHeaders()), exchange.getQueryString())) {
                socket.handleRequest(exchange);
            } else {
                http.handleRequest(exchange);
            }
        };
        server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setWorkerThreads(64)
                .setHandler(Handlers.path(http).addExactPath("/api/updates", channel))
                .build();
    }

    /** Starts the demo API on 127.0.0.1; port 0 picks a free one. */
    public static DemoApi start(int port) throws IOException {
        DemoApi api = new DemoApi(port);
        try {
            api.server.start();
        } catch (RuntimeException e) {
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return api;
    }

    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The base URL clients use: {@code http://127.0.0.1:PORT/api}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api";
    }

    /** Every request received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /** Every WebSocket message of the update channel so far, both ways, in order. */
    public List<DemoUpdates.Message> webSocketMessages() {
        return updates.messages();
    }

    /** The access tokens issued so far. */
    public Set<String> issuedTokens() {
        return Set.copyOf(tokens);
    }

    /**
     * Makes one operation slower from now on, as a regression would: {@code delay("GET /books/{bookId}=30ms")}.
     * The path is under {@code /api}, a {@code {placeholder}} stands for one segment, the time is
     * in ms or s; {@code "* *=20ms"} delays every request (a slower service), and delays that match
     * one request add up.
     *
     * @throws IllegalArgumentException when it is not {@code METHOD PATH=TIME}
     */
    public DemoApi delay(String rule) {
        Matcher m = Pattern.compile("([A-Za-z]+|\\*)\\s+(/\\S*|\\*)\\s*=\\s*(\\d+)(ms|s)").matcher(rule.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + rule + "' is not a delay: write METHOD PATH=TIME, e.g. 'GET /books/{bookId}=30ms'"
                    + " or '* *=20ms'");
        }
        StringBuilder regex = new StringBuilder("/api");
        if (m.group(2).equals("*")) {
            regex.append("/.*");
        } else {
            for (String segment : m.group(2).substring(1).split("/", -1)) {
                regex.append('/').append(segment.matches("\\{[^/{}]+}") ? "[^/]+" : Pattern.quote(segment));
            }
        }
        long amount = Long.parseLong(m.group(3));
        delays.add(new Delay(m.group(1).toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()),
                m.group(4).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount)));
        return this;
    }

    public Set<String> bookIds() {
        return Set.copyOf(books.keySet());
    }

    public Set<String> orderIds() {
        return Set.copyOf(orders.keySet());
    }

    @Override
    public void close() {
        updates.close();
        server.stop();
    }

    private record Response(int status, Object body, Map<String, String> headers) {
        static Response json(int status, Object body) {
            return new Response(status, body, Map.of());
        }
    }

    private void handle(HttpServerExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readAllBytes();
        }
        String method = exchange.getRequestMethod().toString().toUpperCase(Locale.ROOT);
        // The path as it arrived, still percent-encoded (Undertow's request path is decoded).
        String path = exchange.getRequestURI().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
        String query = exchange.getQueryString().isEmpty() ? null : exchange.getQueryString();
        Map<String, List<String>> headers = lowerCase(exchange.getRequestHeaders());
        Response response;
        try {
            response = route(method, path, query, headers, body);
        } catch (BadRequest e) {
            response = Response.json(400, error(e.getMessage()));
        } catch (RuntimeException e) {
            response = Response.json(500, error(e.toString()));
        }
        for (Delay delay : delays) {
            if ((delay.method().equals("*") || delay.method().equals(method)) && delay.path().matcher(path).matches()) {
                try {
                    Thread.sleep(delay.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        byte[] out = response.body() == null ? new byte[0] : JSON.writeValueAsBytes(response.body());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(new HttpString(name), value));
        if (response.body() != null) {
            exchange.getResponseHeaders().add(new HttpString("Content-Type"), "application/json");
        }
        log.add(new RecordedRequest(method, path, query, headers, body, response.status(),
                lowerCase(exchange.getResponseHeaders()), out, arrived));
        boolean empty = response.status() == 204 || method.equals("HEAD");
        exchange.setStatusCode(response.status());
        if (!empty) {
            exchange.setResponseContentLength(out.length);
            try (OutputStream stream = exchange.getOutputStream()) {
                stream.write(out);
            }
        }
        exchange.endExchange();
    }

    private static Map<String, List<String>> lowerCase(HeaderMap headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HeaderValues values : headers) {
            out.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), List.copyOf(values));
        }
        return out;
    }

    /** Whether a request carries a token this API issued: as a bearer token, or (WebSocket clients in browsers) {@code access_token}. */
    private boolean authorized(Map<String, List<String>> headers, String query) {
        List<String> authorization = headers.getOrDefault("authorization", List.of());
        if (!authorization.isEmpty() && authorization.get(0).startsWith("Bearer ")) {
            return tokens.contains(authorization.get(0).substring(7));
        }
        String token = form(query == null ? "" : query).get("access_token");
        return token != null && tokens.contains(token);
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private Response route(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        if (!path.startsWith("/api/")) {
            return Response.json(404, error("no such resource " + path));
        }
        String[] parts = path.substring("/api/".length()).split("/", -1);
        String resource = parts[0];
        if (resource.equals("health") && parts.length == 1 && method.equals("GET")) {
            return Response.json(200, Map.of("status", "up"));
        }
        if (resource.equals("oauth") && parts.length == 2 && parts[1].equals("token") && method.equals("POST")) {
            return token(body);
        }
        if (!authorized(headers, resource.equals("updates") ? query : null)) {
            return new Response(401, error("a valid bearer token is required"), Map.of("WWW-Authenticate", "Bearer"));
        }
        if (resource.equals("books")) {
            return parts.length == 1 ? booksCollection(method, query, body) : parts.length == 2 ? book(method, parts[1], body)
                    : Response.json(404, error("no such resource"));
        }
        if (resource.equals("updates") && parts.length == 1) {
            return Response.json(426, error("the update channel is a WebSocket: connect with a WebSocket client"));
        }
        if (resource.equals("graphql") && parts.length == 1) {
            return method.equals("POST") ? graphql(body) : Response.json(405, error("use POST"));
        }
        if (resource.equals("orders")) {
            if (parts.length == 1 && method.equals("POST")) {
                return createOrder(body);
            }
            if (parts.length == 2 && method.equals("GET")) {
                ObjectNode order = orders.get(parts[1]);
                return order == null ? Response.json(404, error("no order " + parts[1])) : Response.json(200, order);
            }
        }
        return Response.json(parts.length <= 2 && (resource.equals("books") || resource.equals("orders")) ? 405 : 404,
                error("no " + method + " " + path));
    }

    /** A GraphQL request ({@code query}, {@code operationName}, {@code variables}): 200 with data and errors, 400 when it is no such request. */
    private Response graphql(byte[] body) {
        ObjectNode request = object(body);
        if (!request.path("query").isTextual()) {
            throw new BadRequest("a GraphQL request needs a query");
        }
        JsonNode variables = request.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            throw new BadRequest("GraphQL variables must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = variables.isObject() ? JSON.convertValue(variables, Map.class) : null;
        return Response.json(200, graphQl.execute(request.path("query").asText(),
                request.path("operationName").isTextual() ? request.path("operationName").asText() : null, values));
    }

    private Response token(byte[] body) {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Response.json(400, Map.of("error", "unsupported_grant_type"));
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return Response.json(401, Map.of("error", "invalid_client"));
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.add(token);
        return Response.json(200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600));
    }

    private Response booksCollection(String method, String query, byte[] body) {
        if (method.equals("GET")) {
            Map<String, String> params = form(query == null ? "" : query);
            String genre = params.get("genre");
            int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 20;
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode book : books.values()) {
                if (genre == null || genre.equals(book.path("genre").asText())) {
                    items.add(book);
                }
            }
            items.sort((a, b) -> b.path("createdAt").asText().compareTo(a.path("createdAt").asText()));
            return Response.json(200, Map.of("items", items.subList(0, Math.min(limit, items.size()))));
        }
        if (method.equals("POST")) {
            ObjectNode book = newBook(body);
            String id = UUID.randomUUID().toString();
            book.put("id", id);
            book.put("createdAt", Instant.now().toString());
            books.put(id, book);
            return new Response(201, book, Map.of("Location", "/api/books/" + id));
        }
        return Response.json(405, error("use GET or POST"));
    }

    private Response book(String method, String id, byte[] body) {
        ObjectNode book = books.get(id);
        if (book == null) {
            return Response.json(404, error("no book " + id));
        }
        return switch (method) {
            case "GET" -> Response.json(200, book);
            case "PUT" -> {
                ObjectNode updated = newBook(body);
                updated.put("id", id);
                updated.set("createdAt", book.get("createdAt"));
                books.put(id, updated);
                yield Response.json(200, updated);
            }
            case "DELETE" -> {
                books.remove(id);
                yield new Response(204, null, Map.of());
            }
            default -> Response.json(405, error("use GET, PUT or DELETE"));
        };
    }

    private Response createOrder(byte[] body) {
        ObjectNode order = object(body);
        JsonNode customer = order.path("customer");
        if (!order.path("bookId").isTextual() || !order.path("quantity").canConvertToInt() || order.path("quantity").asInt() < 1
                || !customer.path("name").isTextual() || !customer.path("email").asText().contains("@")) {
            throw new BadRequest("an order needs bookId, quantity >= 1 and customer {name, email}");
        }
        String id = UUID.randomUUID().toString();
        order.put("id", id);
        order.put("status", "placed");
        orders.put(id, order);
        return Response.json(201, order);
    }

    private static ObjectNode newBook(byte[] body) {
        ObjectNode book = object(body);
        if (!book.path("title").isTextual() || !book.path("author").isTextual() || !book.path("price").isNumber()) {
            throw new BadRequest("a book needs title, author and price");
        }
        if (book.has("genre") && !GENRES.contains(book.path("genre").asText())) {
            throw new BadRequest("genre must be one of " + GENRES);
        }
        return book;
    }

    private static ObjectNode object(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("the body cannot be read: " + e.getMessage());
        }
        throw new BadRequest("the body must be a JSON object");
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(values);
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    /**
     * Runs the demo API until interrupted: {@code java ... DemoApi [port] ['METHOD PATH=TIME'...]},
     * each rule making one operation slower (see {@link #delay}).
     */
    public static void main(String[] args) throws Exception {
        try (DemoApi api = start(args.length > 0 ? Integer.parseInt(args[0]) : 8080)) {
            for (int i = 1; i < args.length; i++) {
                api.delay(args[i]);
            }
            System.out.println("Bookshop demo API on " + api.baseUrl() + " (client id " + CLIENT_ID + ", secret " + CLIENT_SECRET + ")");
            Thread.currentThread().join();
        }
    }
}
