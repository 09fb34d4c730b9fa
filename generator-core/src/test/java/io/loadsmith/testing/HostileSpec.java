package io.loadsmith.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.Safety;
import io.loadsmith.render.escape.HostileStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An OpenAPI document whose every name and value is hostile text: one operation per string of
 * {@link HostileStrings}, with it as operation id (every other one), tag, path parameter, query
 * name and value, header value, JSON body key and value, and a header whose name holds every
 * hostile character that HTTP allows in a name. Built in Java, so every character
 * reaches the importer exactly.
 */
public final class HostileSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A header name as hostile as HTTP allows: quotes, a backtick, {@code $}, {@code |} and {@code ~} are token characters. */
    public static final String HEADER = "X-it's-`$x`|~-";

    /**
     * How to import it: its operations post to example ids, which a default import leaves out as
     * changes of resources the test did not create; here every value must reach the wire.
     */
    public static final ImportOptions IMPORT = ImportOptions.defaults().withSafety(Safety.INCLUDE_UNSAFE);

    private HostileSpec() {}

    public static Path write(Path dir) {
        List<String> h = HostileStrings.ALL;
        ObjectNode root = JSON.createObjectNode();
        root.put("openapi", "3.0.3");
        root.putObject("info").put("title", String.join(" ", h)).put("version", "1");
        root.putArray("servers").addObject().put("url", "http://127.0.0.1:9");
        ObjectNode paths = root.putObject("paths");
        for (int i = 0; i < h.size(); i++) {
            String value = h.get(i);
            ObjectNode operation = paths.putObject("/it's/\"q\"/`t`/" + i + "/{id}").putObject("post");
            operation.put("operationId", i % 2 == 0 ? value : "class");
            operation.putArray("tags").add(value);
            operation.put("description", value);
            ArrayNode parameters = operation.putArray("parameters");
            parameters.addObject().put("name", "id").put("in", "path").put("required", true).put("example", value)
                    .putObject("schema").put("type", "string");
            parameters.addObject().put("name", value).put("in", "query").put("required", true).put("example", value)
                    .putObject("schema").put("type", "string");
            parameters.addObject().put("name", HEADER + i).put("in", "header").put("required", true).put("example", value)
                    .putObject("schema").put("type", "string");
            ObjectNode example = JSON.createObjectNode().put(value, value).put("n", i);
            operation.putObject("requestBody").putObject("content").putObject("application/json").set("example", example);
            operation.putObject("responses").putObject("200").put("description", value);
        }
        try {
            Path spec = dir.resolve("hostile.json");
            Files.writeString(spec, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
