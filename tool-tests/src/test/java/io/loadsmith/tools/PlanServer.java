package io.loadsmith.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.brics.automaton.RegExp;
import io.loadsmith.model.Auth;
import io.loadsmith.model.Check;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.TestPlan;
import io.loadsmith.samples.demo.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server on 127.0.0.1 that answers every operation of a plan the way the plan expects: the
 * status its check asks for, a body that holds every JSON path it checks or extracts and every
 * text it looks for, the headers it extracts; each value new, so that a later request can be
 * traced to the response it came from. An OAuth 2.0 token endpoint answers with a new token.
 * Every exchange is kept.
 *
 * <p>It keeps state as a CRUD API does: a value it hands out in a response is a resource that
 * exists; a request whose path carries, where the plan puts an extracted id, a value it never
 * handed out or one a DELETE has since removed, is answered 404 and listed in {@link #notFound}.
 */
final class PlanServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlan plan;
    private final String basePath;
    private final String tokenPath;
    private final HttpServer server;
    private final AtomicLong counter = new AtomicLong();
    private final ConcurrentLinkedQueue<RecordedRequest> log = new ConcurrentLinkedQueue<>();
    private final Set<String> extracted = new HashSet<>();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> notFound = new ConcurrentLinkedQueue<>();

    PlanServer(TestPlan plan) throws IOException {
        this.plan = plan;
        this.basePath = path(plan.baseUrl());
        this.tokenPath = plan.auth() instanceof Auth.OAuth2ClientCredentials oauth
                ? (oauth.tokenUrl().matches("(?i)https?://.*") ? path(oauth.tokenUrl()) : basePath + "/" + oauth.tokenUrl().replaceFirst("^/", ""))
                : null;
        plan.requests().forEach(r -> r.extractions().forEach(e -> extracted.add(e.variable())));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "plan-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The plan's base URL on this server. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /** The requests answered 404: an id the server never handed out, or one deleted before. */
    List<String> notFound() {
        return List.copyOf(notFound);
    }

    /**
     * The values in the request's path where the plan puts an extracted id, by the variable's
     * name; the last one is what a DELETE deletes.
     */
    private List<String> ids(HttpRequest operation, String rawPath) {
        List<String> ids = new ArrayList<>();
        String[] template = operation.path().split("/", -1);
        String[] actual = rawPath.substring(basePath.length()).split("/", -1);
        for (int i = 0; i < template.length; i++) {
            Set<String> names = HttpRequest.placeholders(template[i]);
            if (names.size() != 1 || !template[i].equals("{" + names.iterator().next() + "}")) {
                continue;
            }
            String name = names.iterator().next();
            String segment = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            operation.pathParams().stream().filter(p -> p.name().equals(name)).map(p -> p.value().soleReference())
                    .filter(v -> v != null && extracted.contains(v)).findFirst().ifPresent(v -> ids.add(segment));
        }
        return ids;
    }

    private static String path(String url) {
        String path = URI.create(url).getRawPath();
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        int status;
        byte[] out;
        HttpRequest operation = rawPath.equals(tokenPath) ? null : operation(exchange.getRequestMethod(), rawPath, body);
        if (rawPath.equals(tokenPath)) {
            status = 200;
            out = JSON.writeValueAsBytes(Map.of("access_token", "token-" + counter.incrementAndGet(), "token_type", "bearer",
                    "expires_in", 3600));
            responseHeaders.put("content-type", List.of("application/json"));
        } else if (operation == null) {
            status = 404;
            out = new byte[0];
        } else if (ids(operation, rawPath).stream().anyMatch(id -> !live.contains(id))) {
            status = 404;
            out = new byte[0];
            List<String> missing = ids(operation, rawPath).stream().filter(id -> !live.contains(id)).toList();
            notFound.add(operation.name() + " " + rawPath + ": " + missing.stream()
                    .map(id -> deleted.contains(id) ? id + " (deleted)" : id + " (never handed out)").toList());
        } else {
            status = operation.checks().stream().filter(Check.StatusCheck.class::isInstance).map(Check.StatusCheck.class::cast)
                    .map(Check.StatusCheck::from).findFirst().orElse(200);
            out = body(operation, responseHeaders);
            if (status >= 300 && status < 400) {
                // As a real server would, and a tool that followed it would report this page's status instead.
                responseHeaders.put("location", List.of(basePath + "/"));
            }
            if (operation.method().name().equals("DELETE") && !HttpRequest.placeholders(operation.path()).isEmpty()
                    && operation.path().matches(".*/\\{[^/{}]*}/*")) {
                List<String> ids = ids(operation, rawPath);
                if (!ids.isEmpty()) {
                    String id = ids.get(ids.size() - 1);
                    live.remove(id);
                    deleted.add(id);
                }
            }
            for (Extraction extraction : operation.extractions()) {
                if (extraction instanceof Extraction.FromHeader header) {
                    String value = "h" + counter.incrementAndGet();
                    live.add(value);
                    responseHeaders.put(header.header().toLowerCase(Locale.ROOT),
                            List.of(header.pattern() == null ? value : example(header.pattern(), value)));
                }
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        log.add(new RecordedRequest(exchange.getRequestMethod(), rawPath, exchange.getRequestURI().getRawQuery(), headers, body,
                status, responseHeaders, out, arrived));
        responseHeaders.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean empty = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            if (!empty) {
                stream.write(out);
            }
        }
    }

    /**
     * The plan's operation for a method and path: the one with the most literal segments that
     * match; of GraphQL operations, which share one endpoint, the one the body names.
     */
    private HttpRequest operation(String method, String rawPath, byte[] body) {
        String operationName = null;
        try {
            operationName = JSON.readTree(body).path("operationName").textValue();
        } catch (IOException | RuntimeException e) {
            // not JSON: no GraphQL operation
        }
        if (operationName != null) {
            for (HttpRequest request : plan.requests()) {
                if (request.name().equals(operationName) && request.checks().contains(new Check.NoGraphQlErrors())
                        && request.method().name().equals(method) && rawPath.equals(basePath + request.path())) {
                    return request;
                }
            }
        }
        return operation(method, rawPath);
    }

    /** The plan's operation for a method and path: the one with the most literal segments that match. */
    private HttpRequest operation(String method, String rawPath) {
        if (!rawPath.startsWith(basePath)) {
            return null;
        }
        String[] actual = rawPath.substring(basePath.length()).split("/", -1);
        HttpRequest best = null;
        int bestLiterals = -1;
        for (HttpRequest request : plan.requests()) {
            String[] template = request.path().split("/", -1);
            if (!request.method().name().equals(method) || template.length != actual.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (HttpRequest.placeholders(template[i]).isEmpty()) {
                    matches = template[i].equals(URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8));
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = request;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private byte[] body(HttpRequest operation, Map<String, List<String>> headers) throws IOException {
        List<JsonPath> paths = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Check check : operation.checks()) {
            if (check instanceof Check.JsonPathExists exists) {
                paths.add(exists.path());
            } else if (check instanceof Check.BodyContains contains) {
                texts.add(contains.text());
            }
        }
        for (Extraction extraction : operation.extractions()) {
            if (extraction instanceof Extraction.FromJson json) {
                paths.add(json.path());
            } else if (extraction instanceof Extraction.FromRegex regex) {
                texts.add(example(regex.pattern(), "r" + counter.incrementAndGet()));
            }
        }
        if (!texts.isEmpty()) {
            headers.put("content-type", List.of("text/html; charset=utf-8"));
            return String.join("\n", texts).getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (JsonPath path : paths) {
            String value = "v" + counter.incrementAndGet();
            live.add(value);
            set(root, path.segments(), value);
        }
        headers.put("content-type", List.of("application/json"));
        return JSON.writeValueAsBytes(root);
    }

    /** Puts a string at a path, making the objects and arrays on the way. */
    private static void set(ObjectNode root, List<JsonPath.Segment> segments, String value) {
        com.fasterxml.jackson.databind.JsonNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            JsonPath.Segment next = last ? null : segments.get(i + 1);
            JsonPath.Segment segment = segments.get(i);
            if (segment instanceof JsonPath.Field field) {
                ObjectNode object = (ObjectNode) node;
                if (last) {
                    object.put(field.name(), value);
                } else if (!object.has(field.name())) {
                    object.set(field.name(), next instanceof JsonPath.Index ? object.arrayNode() : object.objectNode());
                }
                node = object.get(field.name());
            } else {
                ArrayNode array = (ArrayNode) node;
                int index = ((JsonPath.Index) segment).index();
                while (array.size() <= index) {
                    if (last) {
                        array.add(value);
                    } else {
                        array.add(next instanceof JsonPath.Index ? array.arrayNode() : array.objectNode());
                    }
                }
                node = array.get(index);
            }
        }
    }

    /**
     * A text that the pattern finds, its first capture group made of the marker's letters where the
     * pattern allows them (dk.brics.automaton finds a string of the pattern's language).
     */
    private static String example(String pattern, String marker) {
        // In dk.brics.automaton's syntax "..." is a string literal: quotes of the pattern are escaped, the marker is one.
        String brics = pattern.replace("\"", "\\\"");
        String marked = brics.replaceFirst("\\((?!\\?)[^()]*\\)", Matcher.quoteReplacement("\"" + marker + "\""));
        for (String candidate : List.of(marked, brics)) {
            String text = new RegExp(candidate, RegExp.NONE).toAutomaton().getShortestExample(true);
            if (text != null && Pattern.compile(pattern).matcher(text).find()) {
                return text;
            }
        }
        throw new IllegalStateException("no example text for the pattern " + pattern);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
