package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.model.Diagnostic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningsTest {
    private static List<String> print(List<Diagnostic> diagnostics, boolean verbose) {
        StringWriter out = new StringWriter();
        Warnings.print(diagnostics, new PrintWriter(out, true), verbose, Path.of("out/generate-report.md"));
        return out.toString().lines().toList();
    }

    @Test
    void manyWarningsOfOneKindAreOneLineTheOthersStayAsTheyAre() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            diagnostics.add(Diagnostic.warning("op" + i, "no example in the document; generated values for field" + i));
        }
        diagnostics.add(Diagnostic.warning("getPet", "path placeholder {id} has no parameter definition; it is sent as 1"));
        diagnostics.add(Diagnostic.warning("getUser", "path placeholder {name} has no parameter definition; it is sent as 1"));
        diagnostics.add(Diagnostic.info("getPet", "{petId} is the $.id that addPet returns"));
        List<String> lines = print(diagnostics, false);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("warning: 5 times, no example in the document: op1, op2, op3 and 2 more "
                + "(all in out/generate-report.md; --verbose prints each)", lines.get(0));
        assertTrue(lines.get(1).startsWith("warning: getPet: path placeholder {id}"), lines.get(1));
        assertEquals(7, print(diagnostics, true).size(), "--verbose: every warning, no note");
    }
}
