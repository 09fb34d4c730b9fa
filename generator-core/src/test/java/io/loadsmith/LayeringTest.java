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
 * other; only importer.openapi sees swagger; the model depends on nothing of ours; each tool is a
 * room of its own ({@code tool.<name>}) that no other room, nor the tool registry, nor the runner
 * imports; results and the runner know tools only through the {@code tool} package's types.
 */
class LayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
    private static final String ROOMS = "io.loadsmith.tool.";

    private record Rule(String packagePrefix, List<String> forbidden) {}

    private static final List<Rule> RULES = List.of(
            new Rule("io.loadsmith.model", List.of("io.loadsmith.importer", "io.loadsmith.render", "io.loadsmith.run",
                    "io.loadsmith.result", "io.loadsmith.tool", "io.swagger", "com.github.mustachejava", "com.fasterxml",
                    "io.loadsmith.Loadsmith")),
            new Rule("io.loadsmith.importer", List.of("io.loadsmith.render", "io.loadsmith.run", "io.loadsmith.result",
                    "io.loadsmith.tool", "com.github.mustachejava", "io.loadsmith.Loadsmith")),
            new Rule("io.loadsmith.render", List.of("io.loadsmith.importer", "io.swagger", "io.loadsmith.run",
                    "io.loadsmith.result", "io.loadsmith.tool", "io.loadsmith.Loadsmith")),
            new Rule("io.loadsmith.result", List.of("io.loadsmith.importer", "io.loadsmith.render", "io.swagger",
                    "io.loadsmith.run", "io.loadsmith.Loadsmith", ROOMS)),
            new Rule("io.loadsmith.run", List.of("io.loadsmith.importer", "io.loadsmith.render", "io.swagger",
                    "io.loadsmith.Loadsmith", ROOMS)),
            new Rule("io.loadsmith.deploy", List.of("io.loadsmith.importer", "io.swagger", "io.loadsmith.run",
                    "io.loadsmith.result", "io.loadsmith.tool", "io.loadsmith.Loadsmith", "com.github.mustachejava")),
            new Rule("io.loadsmith.tool", List.of("io.loadsmith.importer", "io.swagger", "io.loadsmith.run",
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
                        if (pkg.equals(rule.packagePrefix()) || pkg.startsWith(rule.packagePrefix() + ".")) {
                            rule.forbidden().stream().filter(f -> f.equals(ROOMS) ? room(packageOf(imported)) != null
                                            : imported.startsWith(f))
                                    .forEach(f -> violations.add(file + " imports " + imported));
                        }
                    }
                    if (imported.startsWith("io.swagger") && !pkg.equals("io.loadsmith.importer.openapi")) {
                        violations.add(file + " imports " + imported + " outside importer.openapi");
                    }
                    String room = room(pkg);
                    String importedRoom = room(packageOf(imported));
                    if (importedRoom != null && !importedRoom.equals(room)) {
                        violations.add(file + " imports " + imported + ": only the " + importedRoom + " room itself may");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** The package of an imported class (a static import's class taken as its package does not change the room). */
    private static String packageOf(String imported) {
        return imported.substring(0, Math.max(0, imported.lastIndexOf('.')));
    }

    /** The tool room a package is in ({@code k6} for {@code io.loadsmith.tool.k6}), or null. */
    private static String room(String pkg) {
        if (!pkg.startsWith(ROOMS)) {
            return null;
        }
        String rest = pkg.substring(ROOMS.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void theRuleSeesARoomImportedFromOutside() {
        assertEquals("k6", room("io.loadsmith.tool.k6"));
        assertEquals(null, room("io.loadsmith.tool"));
        assertEquals(null, room("io.loadsmith.result"));
    }
}
