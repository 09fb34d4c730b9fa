package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.model.Diagnostic;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the few constructs of real documents that swagger-parser refuses or crashes on,
 * although an API can be built from them, into ones it reads, each with a warning that names its
 * JSON pointer. The tree is copied only when something is rewritten.
 *
 * <ul>
 *   <li>Tuple-form {@code items} (an array of schemas, JSON Schema draft 4): OpenAPI 3.1 has
 *       {@code prefixItems} for it; Swagger 2.0 and OpenAPI 3.0 have not, so the first item's
 *       schema is used (an array of one such value satisfies the tuple too).
 *   <li>Integer enums beyond 32 bits on Swagger 2.0 parameters, which swagger-parser's converter
 *       reads with {@code Integer.parseInt}: the parameter is read as a number, which keeps the
 *       values exact.
 * </ul>
 */
final class Repairs {
    private static final String BEYOND_DOUBLE = "a number beyond the range of a double, which swagger-parser's Swagger 2.0 "
            + "converter refuses: it is passed to it as text, and its digits are kept";
    private static final Set<String> DATA_KEYS = Set.of("example", "examples", "default", "enum", "const", "x-example");

    private record Repair(String pointer, Runnable apply, String message) {}

    private Repairs() {}

    /** The tree to hand to swagger-parser: {@code tree} itself, or a repaired copy. */
    static JsonNode apply(JsonNode tree, SpecVersion version, List<Diagnostic> diagnostics) {
        if (!needsRepair(tree, version)) {
            return tree;
        }
        JsonNode copy = tree.deepCopy();
        List<Repair> repairs = new ArrayList<>();
        collect(copy, "", version, repairs);
        for (Repair repair : repairs) {
            repair.apply().run();
            diagnostics.add(Diagnostic.warning(repair.pointer(), repair.message()));
        }
        return copy;
    }

    private static boolean needsRepair(JsonNode tree, SpecVersion version) {
        List<Repair> found = new ArrayList<>();
        collect(tree, "", version, found);
        return !found.isEmpty();
    }

    private static void collect(JsonNode node, String pointer, SpecVersion version, List<Repair> repairs) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, version, repairs);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.get("items") instanceof ArrayNode tuple) {
            repairs.add(tuple(object, tuple, pointer + "/items", version));
        }
        if (version.isSwagger2() && isNonBodyParameter(object) && hasWideIntegerEnum(object)) {
            repairs.add(new Repair(pointer + "/enum", () -> object.put("type", "number"),
                    "integer enum values beyond 32 bits: the parameter is read as a number (swagger-parser reads "
                            + "Swagger 2.0 integer enums as 32-bit integers); the values are kept as written"));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (version.isSwagger2() && isBeyondDouble(field.getValue())) {
                JsonNode value = field.getValue();
                repairs.add(new Repair(pointer + "/" + SpecLoader.escape(key), () -> object.set(key, text(value)), BEYOND_DOUBLE));
            }
            if (!DATA_KEYS.contains(key) && !key.startsWith("x-")) {
                collect(field.getValue(), pointer + "/" + SpecLoader.escape(key), version, repairs);
            } else if (version.isSwagger2() && key.equals("enum") && field.getValue() instanceof ArrayNode values) {
                for (int i = 0; i < values.size(); i++) {
                    JsonNode value = values.get(i);
                    if (isBeyondDouble(value)) {
                        int index = i;
                        repairs.add(new Repair(pointer + "/enum/" + i, () -> values.set(index, text(value)), BEYOND_DOUBLE));
                    }
                }
            }
        }
    }

    private static Repair tuple(ObjectNode schema, ArrayNode tuple, String pointer, SpecVersion version) {
        if (version.hasJsonSchema2020() && !schema.has("prefixItems")) {
            return new Repair(pointer, () -> {
                schema.remove("items");
                schema.set("prefixItems", tuple);
            }, "tuple-form items (an array of schemas, JSON Schema draft 4) read as prefixItems");
        }
        return new Repair(pointer, () -> {
            if (tuple.isEmpty()) {
                schema.remove("items");
            } else {
                schema.set("items", tuple.get(0));
            }
        }, "tuple-form items (an array of schemas, JSON Schema draft 4) is not " + version.label()
                + "; its first schema is used for every item");
    }

    /** A number no double holds, which swagger-parser's Swagger 2.0 converter reads as infinite and refuses. */
    private static boolean isBeyondDouble(JsonNode node) {
        return node.isBigDecimal() && Double.isInfinite(node.doubleValue());
    }

    private static JsonNode text(JsonNode number) {
        return JsonNodeFactory.instance.textNode(number.decimalValue().toString());
    }

    private static boolean isNonBodyParameter(ObjectNode node) {
        return node.path("in").isTextual() && !node.path("in").asText().equals("body") && node.path("name").isTextual();
    }

    private static boolean hasWideIntegerEnum(ObjectNode parameter) {
        if (!"integer".equals(parameter.path("type").asText()) || !parameter.path("enum").isArray()) {
            return false;
        }
        for (JsonNode value : parameter.get("enum")) {
            if (value.isNumber() && !value.canConvertToInt()) {
                return true;
            }
        }
        return false;
    }
}
