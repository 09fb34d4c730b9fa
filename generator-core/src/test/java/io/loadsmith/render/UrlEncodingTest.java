package io.loadsmith.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percent-encoding at generation time, as the scripts encode at run time; and the rendered files' identity. */
class UrlEncodingTest {
    @Test
    void aPathKeepsWhatAPathMayHoldAndItsEscapes() {
        assertEquals("/books/a-b_c.d~e/!$&'()*+,;=:@", UrlEncoding.path("/books/a-b_c.d~e/!$&'()*+,;=:@"));
        assertEquals("/caf%C3%A9/a%20b/%3F%23%5B%5D%22%3C%3E%5C%5E%60%7B%7C%7D", UrlEncoding.path("/café/a b/?#[]\"<>\\^`{|}"));
        assertEquals("/a%2Fb/%41%7e", UrlEncoding.path("/a%2Fb/%41%7e"), "escapes already there stay as they are");
        assertEquals("/100%25/%25zz/%25", UrlEncoding.path("/100%/%zz/%"), "a % that starts no escape is encoded");
        assertEquals("/%254", UrlEncoding.path("/%4"), "two hex digits make an escape");
        assertEquals("/%25g1/%251g", UrlEncoding.path("/%g1/%1g"));
        assertEquals("AZaz09", UrlEncoding.path("AZaz09"));
        assertEquals("%60%7B%40%5B%2F%3A", UrlEncoding.component("`{@[/:"), "the characters just outside the ranges");
    }

    @Test
    void aComponentIsEncodedAsEncodeUriComponentDoes() {
        assertEquals("a-b_c.d!~*'()", UrlEncoding.component("a-b_c.d!~*'()"));
        assertEquals("a%20b%2Fc%3Fd%3De%26f%25%2B%23", UrlEncoding.component("a b/c?d=e&f%+#"));
        assertEquals("%E2%9C%93%F0%9F%98%80", UrlEncoding.component("✓😀"));
    }

    @Test
    void renderedFilesAreEqualByPathAndBytes() {
        RenderedFile file = RenderedFile.text("k6/script.js", "x");
        assertEquals(file, RenderedFile.text("k6/script.js", "x"));
        assertEquals(file.hashCode(), RenderedFile.text("k6/script.js", "x").hashCode());
        assertNotEquals(file, RenderedFile.text("k6/other.js", "x"));
        assertNotEquals(file, RenderedFile.text("k6/script.js", "y"));
        assertNotEquals(file.hashCode(), RenderedFile.text("k6/script.js", "y").hashCode());
        assertNotEquals(file.hashCode(), RenderedFile.text("k6/other.js", "x").hashCode());
        assertEquals("k6/script.js (1 bytes)", file.toString());
        assertEquals("é", new String(RenderedFile.text("a", "é").content(), StandardCharsets.UTF_8));

        RenderResult result = new RenderResult(List.of(file), List.of());
        assertEquals(file, result.file("k6/script.js"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> result.file("k6/missing.js"));
        assertEquals("no rendered file k6/missing.js", e.getMessage());
    }
}
