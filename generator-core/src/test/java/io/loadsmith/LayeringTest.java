package io.loadsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: importers and renderers both depend on the model and never on each
 * other; only importer.openapi sees swagger; the model depends on nothing of ours.
 */
class LayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    private record Rule(String packagePrefix, List<String> forbidden) {}

    private static final List<Rule> RULES = List.of(
            new Rule("io.loadsmith.model", List.of("io.loadsmith.importer", "io.loadsmith.render", "io.loadsmith.run",
                    "io.loadsmith.result", "io.swagger", "com.github.mustachejava", "com.fasterxml", "io.loadsmith.Loadsmith")),
            new Rule("io.loadsmith.importer", List.of("io.loadsmith.render", "io.loadsmith.run", "io.loadsmith.result",
                    "com.github.mustachejava", "io.loadsmith.Loadsmith")),
            new Rule("io.loadsmith.render", List.of("io.loadsmith.importer", "io.swagger", "io.loadsmith.run",
                    "io.loadsmith.result", "io.loadsmith.Loadsmith")),
            new Rule("io.loadsmith.result", List.of("io.loadsmith.importer", "io.loadsmith.render", "io.swagger",
                    "io.loadsmith.Loadsmith")));

    @Test
    void dependenciesPointOneWay() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
                String text = Files.readString(file);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imported = m.group(2);
                    for (Rule rule : RULES) {
                        if (pkg.startsWith(rule.packagePrefix())) {
                            rule.forbidden().stream().filter(imported::startsWith)
                                    .forEach(f -> violations.add(file + " imports " + imported));
                        }
                    }
                    if (imported.startsWith("io.swagger") && !pkg.equals("io.loadsmith.importer.openapi")) {
                        violations.add(file + " imports " + imported + " outside importer.openapi");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
