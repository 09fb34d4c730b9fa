package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loadsmith.testing.ScriptChecks;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlTest {
    @Test
    void anXmlParserReadsEveryEscapedTextBackUnchanged() {
        for (String value : HostileStrings.forEscapers()) {
            if (value.chars().allMatch(c -> Xml.isAllowed((char) c))) {
                Element root = ScriptChecks.parseXml("<r a=\"" + Xml.escape(value.replaceAll("[\t\n\r]", " ")) + "\">"
                        + Xml.escape(value) + "</r>").getDocumentElement();
                assertEquals(value, root.getTextContent(), "text");
                assertEquals(value.replaceAll("[\t\n\r]", " "), root.getAttribute("a"), "attribute");
            }
        }
    }

    @Test
    void refusesWhatXmlCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Xml.escape("a\u0001b"));
        assertThrows(IllegalArgumentException.class, () -> Xml.escape("lone \ud800"));
        assertThrows(IllegalArgumentException.class, () -> Xml.escape("\uffff"));
        assertEquals("emoji \ud83d\ude80", Xml.escape("emoji \ud83d\ude80"));
    }

    @Test
    void jmeterSpellsWhatXmlCannotHoldAsFunctionCalls() {
        for (String value : HostileStrings.forEscapers()) {
            String name = JMeter.name(value);
            String literal = JMeter.literal(value);
            Xml.escape(name);
            Xml.escape(literal);
            Xml.escape(JMeter.argument(value));
            Xml.escape(Groovy.quote(value));
            assertFalse(name.contains("\n") || name.contains("\t") || name.contains("\r"), name);
        }
        assertEquals("plain", JMeter.literal("plain"));
        assertEquals("back\\slash", JMeter.literal("back\\slash"));
        assertEquals("${__char(36)}{x} and back\\\\slash", JMeter.literal("${x} and back\\slash"));
        assertEquals("a\\,b${__char(41)}\\$", JMeter.argument("a,b)$"));
    }
}
