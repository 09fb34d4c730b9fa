package io.loadsmith.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML to a Jackson tree through SnakeYAML's node graph, because Jackson's YAML parser reports an
 * alias to a mapping or sequence as the anchor's name instead of its content. Anchors and aliases
 * (and {@code <<} merge keys) are expanded, within a budget: a document whose aliases would expand
 * it far beyond its own size (an alias bomb) or refer to themselves is refused with its line.
 */
final class YamlTree {
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F_]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9_]+)([eE][-+]?[0-9]+)?");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Path file;
    private final Deque<Node> converting = new ArrayDeque<>();
    private long budget;

    private static final int MAX_EXPONENT = 10_000;

    private YamlTree(Path file) {
        this.file = file;
    }

    static JsonNode parse(Path file, String text, LoaderOptions options) {
        Node root;
        try {
            Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ImportException(file, mark == null ? null : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
                    describe(e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw new ImportException(file, null, describe(e.getMessage()), e);
        } catch (NumberFormatException e) {
            // SnakeYAML 2.x parses the digits of an escape that the end of the text cut short ("\\u) without a check
            throw new ImportException(file, null, "not valid YAML: an escape sequence (\\x, \\u or \\U) is cut short by the end of the file", e);
        }
        if (root == null) {
            throw new ImportException(file, null, "the file holds no document");
        }
        YamlTree tree = new YamlTree(file);
        tree.budget = 100_000L + 8L * text.length();
        return tree.convert(root);
    }

    private static String describe(String message) {
        String first = message == null ? "unknown problem" : message.split("\\R", 2)[0];
        if (first.contains("Number of aliases for non-scalar nodes exceeds")) {
            return "the YAML uses too many aliases (an alias bomb?); expand them or split the document";
        }
        if (first.contains("Nesting Depth exceed")) {
            return "the document nests too deeply";
        }
        if (first.contains("exceeds the limit")) {
            return "the document is too large";
        }
        return "not valid YAML: " + first;
    }

    private ImportException error(Node node, String message) {
        Mark mark = node.getStartMark();
        return new ImportException(file, mark == null ? null : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1), message);
    }

    private JsonNode convert(Node node) {
        if (--budget < 0) {
            throw error(node, "the YAML's aliases expand it to far more values than it holds (an alias bomb?); refused");
        }
        if (converting.stream().anyMatch(n -> n == node)) {
            throw error(node, "an alias refers to a value that contains it; recursive YAML cannot be a document");
        }
        converting.push(node);
        try {
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = F.arrayNode();
                sequence.getValue().forEach(item -> array.add(convert(item)));
                return array;
            }
            MappingNode mapping = (MappingNode) node;
            ObjectNode object = F.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    merge(object, convert(tuple.getValueNode()), tuple.getValueNode());
                }
            }
            Set<String> explicit = new java.util.HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                if (key.getTag().equals(Tag.MERGE)) {
                    continue;
                }
                if (!(key instanceof ScalarNode scalarKey)) {
                    throw error(key, "a mapping key must be a plain value, not a " + (key instanceof MappingNode ? "mapping" : "list"));
                }
                if (!explicit.add(scalarKey.getValue())) {
                    throw error(key, "duplicate key '" + scalarKey.getValue() + "'");
                }
                object.set(scalarKey.getValue(), convert(tuple.getValueNode()));
            }
            return object;
        } finally {
            converting.pop();
        }
    }

    private void merge(ObjectNode into, JsonNode merged, Node at) {
        if (merged.isObject()) {
            merged.fields().forEachRemaining(f -> into.set(f.getKey(), f.getValue()));
        } else if (merged.isArray()) {
            for (int i = merged.size() - 1; i >= 0; i--) {
                merge(into, merged.get(i), at);
            }
        } else {
            throw error(at, "a merge key (<<) must refer to a mapping or a list of mappings");
        }
    }

    /** Plain scalars read as JSON would: YAML 1.1's octal, sexagesimal and timestamp forms stay strings. */
    private JsonNode scalar(ScalarNode node) {
        String value = node.getValue();
        if (!node.isPlain() && node.getTag().equals(Tag.STR)) {
            return F.textNode(value);
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return F.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            return F.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"));
        }
        if (tag.equals(Tag.INT)) {
            String digits = value.replace("_", "");
            if (INTEGER.matcher(value).matches()) {
                BigInteger number = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
                return number.bitLength() < 32 ? F.numberNode(number.intValue())
                        : number.bitLength() < 64 ? F.numberNode(number.longValue()) : F.numberNode(number);
            }
            if (HEX.matcher(value).matches()) {
                return F.numberNode(new BigInteger(digits.substring(2), 16));
            }
            return F.textNode(value);
        }
        if (tag.equals(Tag.FLOAT) && FLOAT.matcher(value).matches()) {
            // as Jackson's own parsers do, so that swagger-parser sees the node types it expects,
            // except for numbers a double cannot hold (beyond its range or its 17 digits), which stay exact
            String digits = value.replace("_", "");
            double number = Double.parseDouble(digits);
            BigDecimal exact;
            try {
                exact = new BigDecimal(digits);
            } catch (NumberFormatException e) {
                throw error(node, "the number " + abbreviate(value) + " is beyond what any number can hold");
            }
            // 10^±10000 is already far beyond any API's numbers; larger ones would cost memory to use exactly
            if (Math.abs((long) exact.precision() - exact.scale()) > MAX_EXPONENT) {
                throw error(node, "the number " + abbreviate(value) + " is beyond 10^" + MAX_EXPONENT + "; refused");
            }
            if (Double.isInfinite(number) || Double.isNaN(number)) {
                return F.numberNode(exact);
            }
            return exact.compareTo(BigDecimal.valueOf(number)) == 0 ? F.numberNode(number) : F.numberNode(exact);
        }
        return F.textNode(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 20) + "..." + value.substring(value.length() - 12);
    }
}
