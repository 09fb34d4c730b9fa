package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
