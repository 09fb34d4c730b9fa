package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.model.Json;

/** Compact JSON text of a literal {@link Json} value, for parameters and form fields sent as JSON. */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {}

    static String write(Json value) {
        try {
            return MAPPER.writeValueAsString(toNode(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode toNode(Json value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Json.JsonObject object) {
            ObjectNode node = f.objectNode();
            object.members().forEach(m -> node.set(m.key(), toNode(m.value())));
            return node;
        }
        if (value instanceof Json.JsonArray array) {
            ArrayNode node = f.arrayNode();
            array.items().forEach(item -> node.add(toNode(item)));
            return node;
        }
        if (value instanceof Json.JsonString string) {
            return f.textNode(string.value().isLiteral() ? string.value().literalValue() : string.value().toTemplate());
        }
        if (value instanceof Json.JsonNumber number) {
            return f.numberNode(number.value());
        }
        if (value instanceof Json.JsonBoolean bool) {
            return f.booleanNode(bool.value());
        }
        if (value instanceof Json.JsonRef ref) {
            return f.textNode("${" + ref.variable() + "}");
        }
        return f.nullNode();
    }
}
