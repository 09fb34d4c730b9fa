package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic checks on the bundled document that swagger-parser does not make, each failing with the
 * JSON pointer (and line) of the offending value.
 *
 * <p>Swagger 2.0 documents get the rules of the reference Swagger 2.0 validator: path placeholders
 * are unique, path parameters are required, a parameter is in one of the five 2.0 locations, an
 * operation has at most one body parameter and not both a body and form data, operationIds are
 * unique, and the required properties of a request body exist. Every version gets a check that a
 * numeric schema's {@code format} is a numeric one, since a sample must be generated from it.
 */
final class SpecValidator {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> SWAGGER2_LOCATIONS = Set.of("query", "header", "path", "formData", "body");
    private static final Pattern NUMERIC_FORMAT = Pattern.compile(
            "u?int\\d*|float\\d*|double|decimal\\d*|number|long|short|byte|.*(int|float|double|decimal|time|epoch|money|currency|percent|unix).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");
    private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");

    private final Path file;
    private final JsonNode root;

    private SpecValidator(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static void validate(Path file, JsonNode root, SpecVersion version) {
        SpecValidator validator = new SpecValidator(file, root);
        validator.checkNumericFormats(root, new ArrayDeque<>());
        if (version.isSwagger2()) {
            validator.checkSwagger2();
        }
    }

    private ImportException error(String pointer, String message) {
        return new ImportException(file, Documents.place(file, pointer), message);
    }

    private void checkNumericFormats(JsonNode node, Deque<String> path) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            JsonNode format = node.get("format");
            if (format != null && type != null && format.isTextual() && type.isTextual()
                    && (type.asText().equals("integer") || type.asText().equals("number"))
                    && !NUMERIC_FORMAT.matcher(format.asText().toLowerCase(Locale.ROOT)).matches()) {
                StringBuilder pointer = new StringBuilder();
                path.forEach(token -> pointer.append('/').append(SpecLoader.escape(token)));
                throw error(pointer + "/format", "format '" + format.asText() + "' is not a numeric format for type "
                        + type.asText() + "; use int32, int64, float or double, or remove it");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (field.getValue().isContainerNode() && !key.startsWith("x-") && !DATA.contains(key)) {
                    path.addLast(key);
                    checkNumericFormats(field.getValue(), path);
                    path.removeLast();
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    path.addLast(Integer.toString(i));
                    checkNumericFormats(node.get(i), path);
                    path.removeLast();
                }
            }
        }
    }

    private void checkSwagger2() {
        JsonNode paths = root.path("paths");
        Map<String, String> operationIds = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = paths.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = entry.getKey();
            String pathPointer = "/paths/" + SpecLoader.escape(path);
            JsonNode item = entry.getValue();
            Set<String> placeholders = new HashSet<>();
            Matcher matcher = PLACEHOLDER.matcher(path);
            while (matcher.find()) {
                if (!placeholders.add(matcher.group(1))) {
                    throw error(pathPointer, "path '" + path + "' has the placeholder {" + matcher.group(1)
                            + "} twice; each placeholder must be unique");
                }
            }
            Map<String, Param> pathLevel = parameters(item.path("parameters"), pathPointer + "/parameters");
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null || !operation.isObject()) {
                    continue;
                }
                String opPointer = pathPointer + "/" + method;
                JsonNode operationId = operation.get("operationId");
                if (operationId != null && operationId.isTextual()) {
                    String previous = operationIds.putIfAbsent(operationId.asText(), opPointer);
                    if (previous != null) {
                        throw error(opPointer + "/operationId", "operationId '" + operationId.asText()
                                + "' is already used by " + previous + "; operationIds must be unique");
                    }
                }
                Map<String, Param> merged = new LinkedHashMap<>(pathLevel);
                merged.putAll(parameters(operation.path("parameters"), opPointer + "/parameters"));
                List<Param> body = new ArrayList<>();
                Param form = null;
                for (Param param : merged.values()) {
                    if (param.in.equals("body")) {
                        body.add(param);
                    } else if (param.in.equals("formData")) {
                        form = param;
                    }
                }
                if (body.size() > 1) {
                    throw error(body.get(1).pointer, "operation " + method.toUpperCase(Locale.ROOT) + " " + path
                            + " has more than one body parameter; Swagger 2.0 allows one");
                }
                if (!body.isEmpty() && form != null) {
                    throw error(form.pointer, "operation " + method.toUpperCase(Locale.ROOT) + " " + path
                            + " has both a body parameter and form data; Swagger 2.0 allows one or the other");
                }
                if (!body.isEmpty()) {
                    checkRequiredProperties(body.get(0).node.path("schema"), body.get(0).pointer + "/schema", new HashSet<>());
                }
            }
        }
    }

    private record Param(String name, String in, JsonNode node, String pointer) {}

    private Map<String, Param> parameters(JsonNode list, String pointer) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String paramPointer = pointer + "/" + i;
            JsonNode param = deref(list.get(i));
            String in = param.path("in").asText();
            String name = param.path("name").asText();
            if (!SWAGGER2_LOCATIONS.contains(in)) {
                throw error(paramPointer + "/in", "parameter '" + name + "' is in '" + in
                        + "', which is not a Swagger 2.0 location (query, header, path, formData or body)");
            }
            if (in.equals("path") && !param.path("required").asBoolean(false)) {
                throw error(paramPointer, "path parameter '" + name + "' must be required: true");
            }
            params.put(in + ":" + name, new Param(name, in, param, paramPointer));
        }
        return params;
    }

    private void checkRequiredProperties(JsonNode schema, String pointer, Set<String> seen) {
        JsonNode resolved = deref(schema);
        JsonNode ref = schema.get("$ref");
        if (ref != null && !seen.add(ref.asText())) {
            return;
        }
        Set<String> properties = new HashSet<>();
        boolean open = collectProperties(resolved, properties, new HashSet<>());
        JsonNode required = resolved.get("required");
        if (!open && required != null && required.isArray()) {
            for (JsonNode name : required) {
                if (!properties.contains(name.asText())) {
                    throw error(pointer, "required property '" + name.asText()
                            + "' is not defined in the schema's properties; define it or remove it from required");
                }
            }
        }
        JsonNode props = resolved.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = props.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkRequiredProperties(field.getValue(), pointer + "/properties/" + SpecLoader.escape(field.getKey()), seen);
        }
    }

    /** Collects the properties a schema defines, through allOf; true when it allows any others. */
    private boolean collectProperties(JsonNode schema, Set<String> into, Set<JsonNode> seen) {
        JsonNode resolved = deref(schema);
        if (!seen.add(resolved)) {
            return false;
        }
        resolved.path("properties").fieldNames().forEachRemaining(into::add);
        boolean open = resolved.has("additionalProperties") && !resolved.get("additionalProperties").isBoolean()
                || resolved.path("additionalProperties").asBoolean(false);
        for (JsonNode part : resolved.path("allOf")) {
            open |= collectProperties(part, into, seen);
        }
        return open || !resolved.has("properties") && !resolved.has("allOf");
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (int hops = 0; hops < 32; hops++) {
            JsonNode ref = current.get("$ref");
            if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#")) {
                return current;
            }
            String pointer = ref.asText().substring(1);
            // a fragment that is no JSON pointer leads nowhere (the reference check reports it)
            current = pointer.isEmpty() || pointer.startsWith("/") ? root.at(pointer)
                    : MissingNode.getInstance();
        }
        return current;
    }
}
