package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loadsmith.testing.ScriptChecks;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.w3c.dom.Element;

/**
 * Any text survives every escaper: the target language's own parser (Node, Python, a YAML and an
 * XML parser) reads the escaped literal back as the same string. Each try hands a batch of
 * strings to one parser process. Groovy and JMeter's expression language are checked the same
 * way in the tool tests, where their classes are.
 */
class EscaperPropertyTest {
    @Provide
    Arbitrary<String> text() {
        return HostileStrings.any();
    }

    @Property(tries = 15, seed = "20261202")
    void nodeReadsAnyTextBack(@ForAll @Size(max = 60) List<@From("text") String> values) throws Exception {
        JavaScriptTest.assertNodeReadsBack(values);
    }

    @Property(tries = 15, seed = "20261202")
    void pythonReadsAnyTextBack(@ForAll @Size(max = 60) List<@From("text") String> values) throws Exception {
        PythonTest.assertPythonReadsBack(values);
    }

    @Property(tries = 500, seed = "20261202")
    void aYamlParserReadsAnyTextBack(@ForAll("text") String value) {
        YamlTest.assertYamlReadsBack(List.of(value));
    }

    @Property(tries = 500, seed = "20261202")
    void anXmlParserReadsBackAnyTextXmlCanHoldAndNothingElseIsWritten(@ForAll("text") String value) {
        boolean writable = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (!Xml.isAllowed(c)) {
                writable = false;
            }
        }
        if (!writable) {
            assertThrows(IllegalArgumentException.class, () -> Xml.escape(value));
            return;
        }
        String attribute = value.replaceAll("[\t\n\r]", " ");
        Element root = ScriptChecks.parseXml("<r a=\"" + Xml.escape(attribute) + "\">" + Xml.escape(value) + "</r>")
                .getDocumentElement();
        assertEquals(value, root.getTextContent(), "text");
        assertEquals(attribute, root.getAttribute("a"), "attribute");
    }
}
