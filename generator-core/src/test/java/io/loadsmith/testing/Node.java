package io.loadsmith.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Node.js for tests: checks that k6 scripts parse as ES modules, and runs them in a simulator. */
public final class Node {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Node() {}

    /** Fails unless {@code script} parses as an ES module ({@code node --check} on a .mjs copy). */
    public static void checkModule(String script) {
        try {
            Path copy = Files.createTempFile("loadsmith-k6-", ".mjs");
            Files.writeString(copy, script, StandardCharsets.UTF_8);
            try {
                Processes.run(List.of("node", "--check", copy.toString()), copy.getParent(), Map.of(), 60)
                        .requireSuccess("node --check");
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a k6 script's setup and one iteration of each scenario against stub k6 modules, and
     * returns what it did: {@code {"options": ..., "events": [...]}}; see k6sim/README.md.
     */
    public static JsonNode simulateK6(Path script, Map<String, String> env) {
        try {
            Path sim = Path.of(Node.class.getResource("/k6sim/run.mjs").toURI()).getParent();
            Processes.Result result = Processes.run(List.of("node", "--no-warnings", "--import",
                            sim.resolve("register.mjs").toUri().toString(), sim.resolve("run.mjs").toString(),
                            script.toAbsolutePath().toString(), JSON.writeValueAsString(env)),
                    script.toAbsolutePath().getParent(), Map.of(), 60).requireSuccess("the k6 simulator");
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Evaluates a JavaScript expression and returns {@code JSON.stringify} of its value. */
    public static String evaluate(String expression) {
        Processes.Result result = Processes.run(List.of("node", "-e",
                "process.stdout.write(JSON.stringify(" + expression + "))"), Path.of("."), Map.of(), 60);
        return result.requireSuccess("node -e").stdout();
    }
}
