package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {
    @Test
    void parsesReferencesAndLiterals() {
        Text text = Text.parse("Bearer ${token} for $5 and $${literal}");
        assertEquals(List.of(new Text.Literal("Bearer "), new Text.Ref("token"),
                new Text.Literal(" for $5 and ${literal}")), text.parts());
        assertEquals(java.util.Set.of("token"), text.references());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$", "$$", "${", "a$", "$${x}", "${x}$", "price: $5", "${}", "$$$${", "}${"})
    void literalTextRoundTripsThroughTheTemplateSpelling(String value) {
        Text literal = Text.of(value);
        assertEquals(literal, Text.parse(literal.toTemplate()), () -> "spelled as " + literal.toTemplate());
    }

    @Test
    void mixedTextRoundTrips() {
        Text text = Text.concat(Text.of("$"), Text.ref("a"), Text.of("${b}$"), Text.ref("c"), Text.of("$"));
        assertEquals(text, Text.parse(text.toTemplate()));
        assertEquals("$$${a}$${b}$$${c}$", text.toTemplate());
    }

    @Test
    void adjacentLiteralsAreMerged() {
        Text text = new Text(List.of(new Text.Literal("a"), new Text.Literal("b"), new Text.Ref("x")));
        assertEquals(List.of(new Text.Literal("ab"), new Text.Ref("x")), text.parts());
    }

    @Test
    void rejectsAReferenceThatIsNotAnIdentifier() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Text.parse("a ${not valid}"));
        assertTrue(e.getMessage().contains("write $$ for a literal $"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Text.parse("${unclosed"));
    }
}
