package io.loadsmith.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {
    @Test
    void keepsWhatEveryToolSendsAndPercentEncodesTheRest() {
        assertEquals("Bearer abc, q=0.5; \"x\" 100%", HeaderValues.header("Bearer abc, q=0.5; \"x\" 100%"));
        assertEquals("a%09b", HeaderValues.header("a\tb"));
        assertEquals("%20%20a b%20", HeaderValues.header("  a b "));
        assertEquals("%20%20%20", HeaderValues.header("   "), "spaces only: none kept, none lost");
        assertEquals("%20", HeaderValues.header(" "));
        assertEquals("%20a%09", HeaderValues.header(" a\t"));
        assertEquals("line%0Abreak%0D%0A100%25", HeaderValues.header("line\nbreak\r\n100%"));
        assertEquals("caf%C3%A9 %F0%9F%9A%80", HeaderValues.header("café 🚀"));
        String hostile = "x\r\nX-Injected: 1 \u0000 ñ";
        assertEquals(hostile, URLDecoder.decode(HeaderValues.header(hostile).replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    @Test
    void cookieValuesAreCookieOctets() {
        assertEquals("abc-123_XYZ", HeaderValues.cookie("abc-123_XYZ"));
        assertEquals("a%20b%3B%20c=d%2C%22e%22%5C", HeaderValues.cookie("a b; c=d,\"e\"\\"));
    }

    @Test
    void headerNamesAreTokens() {
        assertTrue(HeaderValues.isToken("X-Request-ID"));
        assertFalse(HeaderValues.isToken("X Request"));
        assertFalse(HeaderValues.isToken("X-A\r\nB"));
        assertFalse(HeaderValues.isToken(""));
    }
}
