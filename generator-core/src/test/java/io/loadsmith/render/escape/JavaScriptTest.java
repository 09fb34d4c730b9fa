package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.testing.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nodeReadsEveryEscapedStringBackUnchangedInSingleQuotesAndBackticks() throws Exception {
        assertNodeReadsBack(HostileStrings.forEscapers());
    }

    /** Node reads each value back unchanged from a single-quoted string and from a template literal. */
    static void assertNodeReadsBack(List<String> values) throws Exception {
        List<String> expressions = new ArrayList<>();
        for (String value : values) {
            expressions.add(JavaScript.quote(value));
            expressions.add("`" + JavaScript.escape(value) + "`");
        }
        String[] read = JSON.readValue(Node.evaluate("[" + String.join(", ", expressions) + "]"), String[].class);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), read[2 * i], "single-quoted");
            assertEquals(values.get(i), read[2 * i + 1], "template literal");
        }
    }

    @Test
    void keepsReadableTextReadable() {
        assertEquals("say \"hi\" for $5", JavaScript.escape("say \"hi\" for $5"));
        assertEquals("\\${x}", JavaScript.escape("${x}"));
        assertEquals("\\u2028", JavaScript.escape("\u2028"));
    }

    @Test
    void keysAreBareOnlyWhenTheyAreSafeIdentifiers() {
        assertEquals("name", JavaScript.key("name"));
        assertEquals("'Content-Type'", JavaScript.key("Content-Type"));
        assertEquals("'class'", JavaScript.key("class"));
    }
}
