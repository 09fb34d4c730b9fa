package io.loadsmith.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Node.js for tests: checks that scripts parse as ES modules, and evaluates JavaScript. */
public final class Node {
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

    /** Evaluates a JavaScript expression and returns {@code JSON.stringify} of its value. */
    public static String evaluate(String expression) {
        Processes.Result result = Processes.run(List.of("node", "-e",
                "process.stdout.write(JSON.stringify(" + expression + "))"), Path.of("."), Map.of(), 60);
        return result.requireSuccess("node -e").stdout();
    }
}
