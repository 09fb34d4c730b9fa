package io.loadsmith.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading any JSON or YAML input: as JSON reads it, whatever YAML 1.1 would make of a value, and
 * every refusal one line that names the file and the place.
 */
class DocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private JsonNode yaml(String text) throws Exception {
        return Documents.read(file("doc.yaml", text));
    }

    private String refusal(String name, String text) throws Exception {
        Path file = file(name, text);
        ImportException e = assertThrows(ImportException.class, () -> Documents.read(file));
        assertEquals(file, e.file());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void jsonIsReadWithOrWithoutAByteOrderMarkAndLeadingSpace() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "\n  {\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(json, 0, both, 3, json.length);
        Path file = Files.write(dir.resolve("bom.json"), both);
        assertEquals(JSON.readTree("{\"a\":[1,2]}"), Documents.read(file));
        assertEquals("\n  {\"a\": [1, 2]}", Documents.readText(file), "the text without its mark");
        assertEquals("\n  ", Documents.readHead(file, 6), "the first bytes, without the mark");
        assertEquals(JSON.readTree("[true]"), Documents.read(file("list.json", "[true]")));
    }

    @Test
    void badJsonAndBadYamlNameTheirLineAndColumn() throws Exception {
        assertEquals("line 2, column 9: not valid JSON or YAML: Unexpected character (',' (code 44)): was expecting double-quote "
                + "to start field name", refusal("bad.json", "{\"a\": 1,\n  \"b\": {,}}"));
        String yaml = refusal("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
        assertTrue(yaml.matches("line \\d+, column \\d+: not valid YAML: .*"), yaml);
    }

    @Test
    void emptyMissingAndNonUtf8FilesAreRefused() throws Exception {
        assertEquals("the file is empty", refusal("empty.yaml", "  \n\t\n"));
        assertEquals("the file holds no document", refusal("comments.yaml", "# only a comment\n"));
        Path missing = dir.resolve("missing.yaml");
        assertEquals(missing + ": no such file", assertThrows(ImportException.class, () -> Documents.read(missing)).getMessage());
        assertEquals(missing + ": no such file", assertThrows(ImportException.class, () -> Documents.readHead(missing, 10)).getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": the file is not UTF-8 text", assertThrows(ImportException.class, () -> Documents.read(latin1))
                .getMessage());
    }

    @Test
    void deepNestingAndAliasBombsAreRefusedBeforeTheyCostMemory() throws Exception {
        assertEquals("the document nests deeper than 500 levels", refusal("deep.json", "[".repeat(600) + "]".repeat(600))
                .replaceAll("^line \\d+, column \\d+: ", ""));
        assertEquals("the document nests too deeply", refusal("deep.yaml", "a: " + "[".repeat(600) + "]".repeat(600) + "\n")
                .replaceAll("^line \\d+, column \\d+: ", ""));
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i > 0 ? ", " : "").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        String refused = refusal("bomb.yaml", bomb.toString());
        assertTrue(refused.contains("alias bomb"), refused);
    }

    @Test
    void yamlValuesReadAsJsonWouldReadThem() throws Exception {
        JsonNode node = yaml("""
                quoted: "123"
                single: '0x1F'
                nothing: ~
                empty:
                yes: yes
                on: On
                no: n
                small: 42
                negative: -7
                plus: +7
                large: 4294967296
                huge: 123456789012345678901234567890
                grouped: 1_000
                hex: 0x1F
                octal: 0777
                half: .5
                float: 1.5
                exponent: 1e3
                exact: 8589934592.000001
                time: 1:30
                date: 2024-01-01
                word: plain
                """);
        assertEquals("123", node.get("quoted").textValue());
        assertEquals("0x1F", node.get("single").textValue());
        assertTrue(node.get("nothing").isNull());
        assertTrue(node.get("empty").isNull());
        assertTrue(node.get("yes").booleanValue());
        assertTrue(node.get("on").booleanValue());
        assertFalse(node.get("no").booleanValue());
        assertTrue(node.get("small").isInt());
        assertEquals(42, node.get("small").intValue());
        assertEquals(-7, node.get("negative").intValue());
        assertEquals(7, node.get("plus").intValue());
        assertTrue(node.get("large").isLong());
        assertEquals(4294967296L, node.get("large").longValue());
        assertTrue(node.get("huge").isBigInteger());
        assertEquals(new BigInteger("123456789012345678901234567890"), node.get("huge").bigIntegerValue());
        assertEquals(1000, node.get("grouped").intValue());
        assertEquals(BigInteger.valueOf(31), node.get("hex").bigIntegerValue());
        assertEquals("0777", node.get("octal").textValue(), "YAML 1.1's octal stays the text it is in JSON's eyes");
        assertEquals(0.5, node.get("half").doubleValue());
        assertTrue(node.get("float").isDouble());
        assertEquals(1000.0, node.get("exponent").doubleValue());
        assertEquals(new BigDecimal("8589934592.000001"), node.get("exact").decimalValue(), "more digits than a double holds");
        assertTrue(node.get("time").isTextual(), "sexagesimal 1:30 stays text");
        assertEquals("2024-01-01", node.get("date").textValue(), "a timestamp stays text");
        assertEquals("plain", node.get("word").textValue());
    }

    @Test
    void numbersBeyondAnyTypeAreRefusedWithTheirLine() throws Exception {
        assertEquals(new BigDecimal("1e400"), yaml("big: 1e400\n").get("big").decimalValue(), "beyond a double: exact");
        String refused = refusal("far.yaml", "a: 1\nfar: 1e20000\n");
        assertEquals("line 2, column 6: the number 1e20000 is beyond 10^10000; refused", refused);
        String digits = "1" + "0".repeat(60) + ".5e20000";
        String abbreviated = refusal("long.yaml", "x: " + digits + "\n");
        assertEquals("line 1, column 4: the number " + digits.substring(0, 20) + "..." + digits.substring(digits.length() - 12)
                + " is beyond 10^10000; refused", abbreviated);
    }

    @Test
    void anchorsAliasesAndMergeKeysAreExpanded() throws Exception {
        JsonNode node = yaml("""
                base: &base {a: 1, b: 2}
                other: &other {b: 3, c: 4}
                one:
                  <<: *base
                  b: 9
                many:
                  <<: [*base, *other]
                list: [*base, *base]
                """);
        assertEquals(JSON.readTree("{\"a\":1,\"b\":9}"), node.get("one"), "a key of its own wins over a merged one");
        assertEquals(JSON.readTree("{\"a\":1,\"b\":2,\"c\":4}"), node.get("many"), "the first mapping of a merge list wins");
        assertEquals(JSON.readTree("[{\"a\":1,\"b\":2},{\"a\":1,\"b\":2}]"), node.get("list"));
    }

    @Test
    void yamlThatCannotBeADocumentIsRefusedAtItsLine() throws Exception {
        assertEquals("line 2, column 3: a merge key (<<) must refer to a mapping or a list of mappings",
                refusal("merge.yaml", "a: &a 1\nb:\n  <<: *a\n").replaceFirst("column \\d+", "column 3").replaceFirst("line \\d+",
                        "line 2"));
        String recursive = refusal("recursive.yaml", "a: &a\n  b: *a\n");
        assertTrue(recursive.endsWith("an alias refers to a value that contains it; recursive YAML cannot be a document"), recursive);
        String key = refusal("key.yaml", "? {a: 1}\n: value\n");
        assertEquals("line 1, column 3: a mapping key must be a plain value, not a mapping", key);
        String listKey = refusal("list-key.yaml", "? [a]\n: value\n");
        assertEquals("line 1, column 3: a mapping key must be a plain value, not a list", listKey);
        String duplicate = refusal("duplicate.yaml", "a: 1\nb: 2\na: 3\n");
        assertTrue(duplicate.startsWith("line 3, column 1: ") && duplicate.contains("duplicate key"), duplicate);
    }

    @Test
    void aPointerIsLocatedInJsonAndYaml() throws Exception {
        Path json = file("spec.json", "{\n  \"paths\": {\n    \"/pets\": {\n      \"get\": {}\n    }\n  },\n  \"tags\": [\n    {\"name\": \"a\"}\n  ]\n}\n");
        assertEquals(3, Documents.lineOf(json, "/paths/~1pets"));
        assertEquals(4, Documents.lineOf(json, "/paths/~1pets/get"));
        assertEquals(8, Documents.lineOf(json, "/tags/0"));
        assertEquals(-1, Documents.lineOf(json, "/nowhere"));
        assertEquals("/paths/~1pets (line 3)", Documents.place(json, "/paths/~1pets"));
        assertEquals("/nowhere", Documents.place(json, "/nowhere"));
        assertEquals("/", Documents.place(null, ""));
        assertEquals("/a", Documents.place(null, "/a"));

        Path yaml = file("spec.yaml", "openapi: 3.0.3\npaths:\n  /pets:\n    get:\n      summary: x\n");
        assertEquals(3, Documents.lineOf(yaml, "/paths/~1pets"));
        assertEquals(5, Documents.lineOf(yaml, "/paths/~1pets/get/summary"));
        assertEquals(-1, Documents.lineOf(dir.resolve("missing.yaml"), "/paths"), "an error elsewhere is no place");
        assertEquals(-1, Documents.lineOf(file("broken.yaml", "a: [\n"), "/b"));
    }

    @Test
    void yamlInFlowStyleIsReadAsYamlThoughItStartsAsJsonDoes() throws Exception {
        JsonNode expected = JSON.readTree("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"flow\",\"version\":\"1\"},\"paths\":{}}");
        String flow = "{openapi: 3.0.3, info: {title: flow, version: '1'},\n paths: {}}\n";
        assertEquals(expected, Documents.read(file("flow.yaml", flow)));
        assertEquals(expected, Documents.parse(dir.resolve("flow.yaml"), flow));
        assertEquals(JSON.readTree("[\"a\",{\"b\":1}]"), Documents.read(file("list.yaml", "[a, {b: 1}]")));
        // what is neither is refused as the JSON it looks like
        assertEquals("line 1, column 9: not valid JSON or YAML: Unexpected end-of-input: expected close marker for Array "
                + "(start marker at line 1, column 7)", refusal("cut.json", "{\"a\": [1"));
    }

    @Test
    void anEscapeCutShortByTheEndOfTheFileIsRefusedInYamlAndInJson() throws Exception {
        // SnakeYAML reads the missing digits as a number: NumberFormatException, an internal error (found by bench/fuzz.sh, seed 29)
        assertEquals("not valid YAML: an escape sequence (\\x, \\u or \\U) is cut short by the end of the file",
                refusal("cut.yaml", "openapi: 3.0.3\ninfo: {title: \"x\\u"));
        // JSON cut there is no flow YAML either: its JSON error
        String json = refusal("cut.json", "{\"log\": {\"entries\": [\"a\\u");
        assertTrue(json.startsWith("line 1, column ") && json.contains("not valid JSON or YAML"), json);
    }

    @Test
    void jsonIsKnownByItsFirstCharacter() {
        assertTrue(Documents.isJson("  \n{\"a\": 1}"));
        assertTrue(Documents.isJson("[1]"));
        assertFalse(Documents.isJson("a: {b: 1}"));
        assertFalse(Documents.isJson("   "));
        assertFalse(Documents.isJson(""));
    }

    @Test
    void anImportErrorIsOneLineWithItsFileAndPlace() {
        assertEquals("spec.yaml: /paths (line 3): bad thing here and there",
                new ImportException(Path.of("spec.yaml"), "/paths (line 3)", "bad thing\r\nhere\nand there").getMessage());
        assertEquals("spec.yaml: bad", new ImportException(Path.of("spec.yaml"), "", "bad").getMessage());
        assertEquals("bad", new ImportException(null, null, "bad").getMessage());
        assertNull(new ImportException(null, null, "bad").file());
    }
}
