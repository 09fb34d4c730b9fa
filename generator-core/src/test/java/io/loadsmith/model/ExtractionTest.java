package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Extractions refuse what could never give a value, with the reason. */
class ExtractionTest {
    @Test
    void aHeaderPatternNeedsACaptureGroup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Extraction.FromHeader("id", "Location", "/books/[0-9]+"));
        assertTrue(e.getMessage().contains("needs a capture group"), e.getMessage());
        assertDoesNotThrow(() -> new Extraction.FromHeader("id", "Location", "/books/([0-9]+)"));
        assertDoesNotThrow(() -> new Extraction.FromHeader("id", "Location"));
    }

    @Test
    void aHeaderPatternMustBeARegularExpression() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Extraction.FromHeader("id", "Location", "/books/(["));
        assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
    }

    @Test
    void aVariableMustBeAnIdentifierAndAHeaderNamed() {
        assertThrows(IllegalArgumentException.class, () -> new Extraction.FromHeader("book id", "Location"));
        assertThrows(IllegalArgumentException.class, () -> new Extraction.FromHeader("id", " "));
    }
}
