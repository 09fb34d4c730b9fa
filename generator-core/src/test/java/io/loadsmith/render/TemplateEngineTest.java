package io.loadsmith.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {
    @TempDir
    Path dir;

    public record View(String name, String bodyCode, List<String> items) {}

    private TemplateEngine engine(String template) throws IOException {
        Files.createDirectories(dir.resolve("k6"));
        Files.writeString(dir.resolve("k6/t.mustache"), template);
        return TemplateEngine.create("k6", value -> value.replace("'", "\\'"), dir);
    }

    @Test
    void escapesEveryValue() throws IOException {
        assertEquals("x = 'it\\'s';", engine("x = '{{name}}';").render("t", new View("it's", "", List.of())));
    }

    @Test
    void allowsRawOnlyForCodeAndJson() throws IOException {
        assertEquals("f(a'b)", engine("f({{{bodyCode}}})").render("t", new View("", "a'b", List.of())));
        RenderException e = assertThrows(RenderException.class,
                () -> engine("{{{name}}}").render("t", new View("x", "", List.of())));
        assertTrue(e.getMessage().contains("unescaped"), e.getMessage());
    }

    @Test
    void aMissingNameIsAnError() throws IOException {
        RenderException e = assertThrows(RenderException.class,
                () -> engine("{{nmae}}").render("t", new View("x", "", List.of())));
        assertTrue(e.getMessage().contains("nmae"), e.getMessage());
    }

    @Test
    void refusesDelimiterChangesAndPragmas() throws IOException {
        assertThrows(RenderException.class, () -> engine("{{=<% %>=}}<% name %>").render("t", new View("x", "", List.of())));
        assertThrows(RenderException.class, () -> engine("{{%IMPLICIT-ITERATOR}}").render("t", new View("x", "", List.of())));
    }

    @Test
    void partialsIndentEveryLineTheyWrite() throws IOException {
        Files.createDirectories(dir.resolve("k6/partials"));
        Files.writeString(dir.resolve("k6/partials/item.mustache"), "a {{.}}\n{{{bodyCode}}}\n");
        String out = engine("start\n{{#items}}\n  {{> partials/item}}\n{{/items}}\nend\n")
                .render("t", new View("", "one\ntwo", List.of("x", "y")));
        assertEquals("start\n  a x\n  one\n  two\n  a y\n  one\n  two\nend\n", out);
    }

    @Test
    void escapedValuesKeepTheirLineBreaksInsideIndentedPartials() throws IOException {
        Files.createDirectories(dir.resolve("k6/partials"));
        Files.writeString(dir.resolve("k6/partials/value.mustache"), "<v>{{name}}</v>\n{{name}}\n{{{bodyCode}}}\n");
        Files.writeString(dir.resolve("k6/partials/middle.mustache"), "<m>\n{{#items}}\n  {{> partials/value}}\n{{/items}}\n</m>\n");
        Files.writeString(dir.resolve("k6/partials/item.mustache"), "<item>\n  {{> partials/middle}}\n</item>\n");
        String out = engine("<root>\n  {{> partials/item}}\n</root>\n").render("t", new View("one\n two\n", "c1\nc2", List.of("x")));
        assertEquals("<root>\n  <item>\n    <m>\n      <v>one\n two\n</v>\n      one\n two\n\n      c1\n      c2\n"
                + "    </m>\n  </item>\n</root>\n", out);
    }

    @Test
    void overridesReplaceBundledTemplatesByName() throws IOException {
        Files.createDirectories(dir.resolve("k6"));
        Files.writeString(dir.resolve("k6/script.js.mustache"), "// custom {{title}}\n");
        TemplateEngine engine = TemplateEngine.create("k6", v -> v, dir);
        assertEquals("// custom T\n", engine.render("script.js", Map.of("title", "T")));
    }

    @Test
    void aTemplateOutsideTheOverrideFolderIsNotReadAndAMissingOneIsNamed() throws IOException {
        Path overrides = Files.createDirectories(dir.resolve("overrides"));
        Files.createDirectories(overrides.resolve("k6"));
        Files.writeString(dir.resolve("outside.mustache"), "read from outside the folder");
        Files.writeString(overrides.resolve("k6/t.mustache"), "{{> ../../outside}}");
        TemplateEngine engine = TemplateEngine.create("k6", v -> v, overrides);
        RenderException e = assertThrows(RenderException.class, () -> engine.render("t", Map.of()));
        assertTrue(e.getMessage().startsWith("template ") && e.getMessage().endsWith(" not found (included from k6/t.mustache)"),
                e.getMessage());
        RenderException missing = assertThrows(RenderException.class, () -> engine.render("nothing-here", Map.of()));
        assertTrue(missing.getMessage().contains("nothing-here"), missing.getMessage());
    }

    @Test
    void aFailureInsideAViewIsReportedByItsOwnMessage() throws IOException {
        Object view = new Object() {
            @SuppressWarnings("unused")
            public String name() {
                throw new IllegalStateException("the view could not make its name");
            }
        };
        RenderException e = assertThrows(RenderException.class, () -> engine("x {{name}}").render("t", view));
        assertEquals("template k6/t.mustache: the view could not make its name", e.getMessage());
    }

    @Test
    void bundledTemplatesAreCompiledOncePerToolAndLanguage() {
        // A folder no other test uses: this test sees the engine made, not one cached before it.
        TemplateEngine engine = TemplateEngine.create("cache-probe", v -> v, null);
        assertTrue(engine != null && engine == TemplateEngine.create("cache-probe", v -> v + "!", null), "one engine per tool and language");
        assertTrue(engine != TemplateEngine.create("cache-probe", "other", v -> v, null));
        assertThrows(RenderException.class, () -> engine.render("script.js", Map.of()), "no bundled templates in that folder");
    }
}
