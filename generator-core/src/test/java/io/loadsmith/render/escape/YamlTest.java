package io.loadsmith.render.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.testing.ScriptChecks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTest {
    @Test
    void aYamlParserReadsEveryEscapedScalarBackUnchanged() {
        assertYamlReadsBack(HostileStrings.forEscapers());
    }

    /** A YAML parser reads each value back unchanged, as a value and as a key. */
    static void assertYamlReadsBack(java.util.List<String> values) {
        for (String value : values) {
            Object read = ScriptChecks.parseYaml("value: " + Yaml.quote(value) + "\n" + Yaml.quote(value) + ": key\n");
            assertEquals(Map.of("value", value, value, "key"), read, value);
        }
    }
}
