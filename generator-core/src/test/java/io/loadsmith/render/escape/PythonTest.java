package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.testing.Processes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonTest {
    @Test
    void pythonReadsEveryEscapedStringBackUnchanged() throws Exception {
        assertPythonReadsBack(HostileStrings.forEscapers());
    }

    /** Python reads each value back unchanged from a double-quoted and from a single-quoted literal. */
    static void assertPythonReadsBack(List<String> values) throws Exception {
        StringBuilder program = new StringBuilder("import json, sys\nvalues = [\n");
        for (String value : values) {
            program.append("    ").append(Python.quote(value)).append(", '").append(Python.escape(value)).append("',\n");
        }
        program.append("]\nsys.stdout.write(json.dumps(values))\n");
        String out = Processes.run(List.of("python3", "-c", program.toString()), Path.of("."), Map.of(), 60)
                .requireSuccess("python3").stdout();
        List<String> twice = values.stream().flatMap(v -> java.util.stream.Stream.of(v, v)).toList();
        assertEquals(twice, List.of(new ObjectMapper().readValue(out, String[].class)));
    }

    @Test
    void escapesOnlyWhatItMust() {
        assertEquals("caf\u00e9 {x} %s", Python.escape("caf\u00e9 {x} %s"));
        assertEquals("a\\\"b\\'c\\\\d\\n", Python.escape("a\"b'c\\d\n"));
    }
}
