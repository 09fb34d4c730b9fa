package io.loadsmith.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prism ({@code prism mock SPEC --dynamic}, installed by tools/install-prism.sh) on 127.0.0.1, which
 * answers 422 to any request that does not match the document and logs the violations,
 * behind a small proxy that answers the OAuth 2.0 token requests (a document describes the token
 * endpoint of its security scheme, not as an operation, so Prism does not know it).
 */
final class Prism implements AutoCloseable {
    private static final Pattern RECEIVED = Pattern.compile("\\[HTTP SERVER] (\\w+) (\\S+) .*Request received");
    private static final Pattern VIOLATION = Pattern.compile("\\[VALIDATOR] ✖ +error +(.*)");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

    /** A request Prism refused, with the violations it logged. */
    record Rejected(String method, String path, List<String> violations) {}

    private final Process process;
    private final Path log;
    private final HttpServer proxy;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int prismPort;
    private final String tokenPath;
    private final Path mockedSpec;

    /** @param tokenPath the path of the plan's OAuth 2.0 token endpoint, which the proxy answers; null for none */
    Prism(Path spec, Path dir, String tokenPath) throws IOException, InterruptedException {
        this.tokenPath = tokenPath;
        Path launcher = Tools.root().resolve("prism/bin/prism");
        if (!Files.isExecutable(launcher)) {
            throw new AssertionError("Prism is not installed at " + launcher + ": run tools/install-prism.sh");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            prismPort = socket.getLocalPort();
        }
        log = Files.createTempFile(dir, "prism-", ".log");
        mockedSpec = withFakerOptions(spec, dir);
        // --dynamic: responses generated from the schemas (ids that match their formats), not the document's
        // examples, which are not always valid against their own schemas. Not --errors: it turns Prism's own
        // invalid generated responses into errors too (a price of 0 where the schema says > 0), which would
        // break a flow that is right; an invalid request is answered 422 and logged either way.
        process = new ProcessBuilder(launcher.toString(), "mock", "--dynamic", "--seed", "1", "-h", "127.0.0.1",
                "-p", Integer.toString(prismPort), mockedSpec.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(log).contains("Prism is listening")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("Prism did not start on " + spec + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        proxy = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        proxy.setExecutor(Executors.newFixedThreadPool(8));
        proxy.createContext("/", this::handle);
        proxy.start();
    }

    /**
     * A copy of the document that asks Prism's data generator for every optional property too
     * (its root option {@code x-json-schema-faker}), so that an id a later request takes from a
     * response is there; beside the original when it refers to other files, else in {@code dir}.
     */
    private static Path withFakerOptions(Path spec, Path dir) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) io.loadsmith.importer.Documents.read(spec).deepCopy();
        tree.putObject("x-json-schema-faker").put("alwaysFakeOptionals", true);
        boolean refersToFiles = Pattern.compile("\\$ref[\"']?\\s*:\\s*[\"']?[^#\"'\\s]+\\.(ya?ml|json)").matcher(Files.readString(spec)).find();
        Path copy = refersToFiles ? spec.resolveSibling(".prism-" + System.nanoTime() + ".json")
                : Files.createTempFile(dir, "spec-", ".json");
        Files.writeString(copy, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree));
        if (refersToFiles) {
            copy.toFile().deleteOnExit();
        }
        return copy;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    /** Where the log ends now: {@link #rejectedSince} reads what comes after. */
    long mark() throws IOException {
        return Files.size(log);
    }

    /** The log after {@code mark}, without colours. */
    private String since(long mark) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(mark, all.length);
        return ANSI.matcher(new String(all, from, all.length - from, StandardCharsets.UTF_8)).replaceAll("");
    }

    /** How many requests Prism received after {@code mark}. */
    long receivedSince(long mark) throws IOException {
        return RECEIVED.matcher(since(mark)).results().count();
    }

    /** The requests Prism refused after {@code mark}. */
    List<Rejected> rejectedSince(long mark) throws IOException {
        String text = since(mark);
        List<Rejected> rejected = new ArrayList<>();
        String method = null;
        String path = null;
        List<String> violations = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher received = RECEIVED.matcher(line);
            Matcher violation = VIOLATION.matcher(line);
            if (received.find()) {
                if (!violations.isEmpty()) {
                    rejected.add(new Rejected(method, path, violations));
                }
                method = received.group(1).toUpperCase(Locale.ROOT);
                path = received.group(2);
                violations = new ArrayList<>();
            } else if (violation.find() && !violation.group(1).matches("(?i)(Violation: )?response.*")) {
                // Prism checks its own generated responses too; those are not the script's doing
                violations.add(violation.group(1).strip());
            }
        }
        if (!violations.isEmpty()) {
            rejected.add(new Rejected(method, path, violations));
        }
        return rejected;
    }

    String log() throws IOException {
        return ANSI.matcher(Files.readString(log)).replaceAll("");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(tokenPath)) {
                byte[] token = "{\"access_token\":\"prism-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, token.length);
                exchange.getResponseBody().write(token);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prismPort + path
                    + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(30));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            forward.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            boolean empty = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
            if (!empty) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        proxy.stop(0);
        ((java.util.concurrent.ExecutorService) proxy.getExecutor()).shutdownNow();
        process.destroy();
        if (mockedSpec.getFileName().toString().startsWith(".prism-")) {
            mockedSpec.toFile().delete();
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
