package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.render.escape.HostileStrings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escaped text read back by javac: as string literals, and as line comments that stay comments. */
class JavaTextTest {
    @TempDir
    Path dir;

    @Test
    void javacReadsEveryLiteralBackAsTheValueInAnyEncodingAndCommentsStayOnTheirLine() throws Exception {
        List<String> values = new ArrayList<>(HostileStrings.ALL);
        values.addAll(List.of("", "\\u0022", "\\\\u0022", "*/ /* \"", "lone \uD800 surrogate", "\u00A0\uFEFF\u200B"));
        StringBuilder source = new StringBuilder("public class Texts {\n    public static final String[] VALUES = {\n");
        for (String value : values) {
            source.append("        // ").append(JavaText.escape(value)).append('\n');
            source.append("        ").append(JavaText.quote(value)).append(",\n");
        }
        source.append("    };\n}\n");
        assertTrue(source.chars().allMatch(c -> c < 0x7f), "the source is plain ASCII");
        Path file = dir.resolve("Texts.java");
        Files.writeString(file, source, StandardCharsets.US_ASCII);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-encoding", "US-ASCII", "-d", dir.toString(),
                file.toString());
        assertTrue(status == 0, "javac compiles it");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Object read = loader.loadClass("Texts").getField("VALUES").get(null);
            assertArrayEquals(values.toArray(), (Object[]) read);
        }
    }
}
