package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameAllocatorTest {
    @Test
    void javaScriptNamesAreCamelCaseUniqueAndUnreserved() {
        NameAllocator names = NameAllocator.javaScript();
        assertEquals("getPetById", names.newName("getPetById"));
        assertEquals("getPetById_2", names.newName("getPetById"));
        assertEquals("class_2", names.newName("class"));
        assertEquals("listUsers", names.newName("list users!"));
        assertEquals("n2faSetup", names.newName("2fa setup"));
        assertEquals("unnamed", names.newName("🚀"));
        assertEquals("cafe", names.newName("café"));
    }

    @Test
    void pythonNamesAreSnakeCase() {
        NameAllocator names = NameAllocator.python();
        assertEquals("get_pet_by_id", names.newName("getPetById"));
        assertEquals("list_html_pages", names.newName("listHTMLPages"));
        assertEquals("import_2", names.newName("import"));
        assertEquals("self_2", names.newName("self"));
    }

    @Test
    void verbatimNamesKeepValidIdentifiers() {
        NameAllocator names = NameAllocator.javaScript();
        assertEquals("API_TOKEN", names.newVerbatimName("API_TOKEN", "a"));
        assertEquals("API_TOKEN_2", names.newVerbatimName("API_TOKEN", "b"));
        assertEquals("API_TOKEN", names.get("a"));
    }

    @Test
    void everyFurtherDuplicateGetsTheNextNumber() {
        NameAllocator names = NameAllocator.javaScript();
        assertEquals("x", names.newName("x"));
        assertEquals("x_2", names.newName("x"));
        assertEquals("x_3", names.newName("x"));
        assertEquals("y_2", names.reserve("y").newName("y"), "a name the template declares is taken");
        NameAllocator verbatim = NameAllocator.python();
        verbatim.newVerbatimName("TOKEN", "a");
        verbatim.newVerbatimName("TOKEN", "b");
        assertEquals("TOKEN_3", verbatim.newVerbatimName("TOKEN", "c"));
        assertEquals("and_2", verbatim.newVerbatimName("and", "d"), "a reserved word is never kept");
    }

    @Test
    void aSuggestionThatIsNoPlainIdentifierIsMadeOne() {
        NameAllocator names = NameAllocator.javaScript();
        assertEquals("apiToken", names.newVerbatimName("api-token", "a"));
        assertEquals("apiToken_2", names.newVerbatimName("api-token", "b"));
        assertEquals("a_b", names.newVerbatimName("a_b", "c"));
        assertEquals("priceIn", names.newVerbatimName("price$in", "d"), "$ is valid in JavaScript but not in every language");
        assertEquals("ApiToken", NameAllocator.pythonClass().newVerbatimName("api-token", "e"));
        assertEquals("N2fa", NameAllocator.pythonClass().newName("2fa"));
        assertEquals("n_2fa", NameAllocator.python().newName("2fa"));
    }

    @Test
    void aTagHasOneNameOnly() {
        NameAllocator names = NameAllocator.javaScript();
        Object tag = new Object();
        names.newName("a", tag);
        assertThrows(IllegalArgumentException.class, () -> names.newName("b", tag));
        assertThrows(IllegalArgumentException.class, () -> names.get(new Object()));
    }

    @Test
    void plainIdentifiersAreValidAndUnreserved() {
        assertTrue(NameAllocator.isPlainIdentifier("name"));
        assertTrue(NameAllocator.isPlainIdentifier("_x$1"));
        assertFalse(NameAllocator.isPlainIdentifier("1x"));
        assertFalse(NameAllocator.isPlainIdentifier("a-b"));
        assertFalse(NameAllocator.isPlainIdentifier("class"));
        assertFalse(NameAllocator.isPlainIdentifier(""));
    }
}
