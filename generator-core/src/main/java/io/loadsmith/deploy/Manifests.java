package io.loadsmith.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import io.loadsmith.render.EnvExample;
import java.util.List;
import java.util.Locale;

/**
 * What the manifests of every tool share: names, the environment a test reads, and YAML written by
 * a YAML library (so that no text from a spec or a HAR can change a manifest's structure).
 */
public final class Manifests {
    /** The longest base name: room is left for suffixes such as {@code -locust-worker} within a DNS label's 63 characters. */
    static final int NAME_LENGTH = 40;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());
    private static final int HEADER_WIDTH = 100;

    private Manifests() {}

    /**
     * The plan's name as a DNS label (lower-case letters, digits and dashes, starting with a
     * letter), what Kubernetes objects and a Compose project are named after.
     */
    public static String baseName(TestPlan plan) {
        String slug = plan.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "");
        if (slug.length() > NAME_LENGTH) {
            slug = slug.substring(0, NAME_LENGTH);
        }
        slug = slug.replaceAll("-+$", "");
        return slug.isEmpty() ? "loadsmith" : slug;
    }

    /** The variables the scripts cannot run without: secrets and settings that have no default. */
    public static List<Variable> required(TestPlan plan) {
        return plan.variables().stream().filter(Variable::required).toList();
    }

    /** The environment variable that holds the base URL. */
    public static String baseUrlVariable() {
        return EnvExample.BASE_URL;
    }

    /** A new, empty YAML mapping. */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /** A YAML sequence of strings. */
    public static ArrayNode strings(List<String> values) {
        ArrayNode array = F.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /**
     * One YAML file: a comment header (each line made one line, so no text can end the comment)
     * and the documents, separated by {@code ---}.
     */
    public static String yaml(List<String> header, List<ObjectNode> documents) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            String text = oneLine(line);
            if (text.isEmpty()) {
                out.append("#\n");
            }
            while (!text.isEmpty()) {
                // Commands (indented) stay on one line, to be copied whole.
                int end = text.length() <= HEADER_WIDTH || text.startsWith(" ") ? text.length() : text.lastIndexOf(' ', HEADER_WIDTH);
                end = end <= 0 ? text.length() : end;
                out.append("# ").append(text, 0, end).append('\n');
                text = text.substring(end).strip();
            }
        }
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            try {
                out.append(YAML.writeValueAsString(documents.get(i)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a manifest as YAML", e);
            }
        }
        return out.toString();
    }

    /** The input named in a header comment. */
    public static String source(String sourceName) {
        return sourceName == null ? "a plan" : sourceName;
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").stripTrailing();
    }
}
