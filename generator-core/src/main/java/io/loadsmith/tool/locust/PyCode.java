package io.loadsmith.tool.locust;

import io.loadsmith.model.Json;
import io.loadsmith.model.Text;
import io.loadsmith.render.UrlEncoding;
import io.loadsmith.render.escape.Python;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Python expressions built from escaped pieces; never f-strings, never format() with data. */
final class PyCode {
    private static final int MAX_INLINE = 72;

    private final Function<String, String> variables;
    private final Predicate<String> isString;

    /**
     * @param variables the expression that reads a plan variable or an extracted value, by name
     * @param isString  whether a variable always holds a string (environment values do)
     */
    PyCode(Function<String, String> variables, Predicate<String> isString) {
        this.variables = variables;
        this.isString = isString;
    }

    /** A str expression: a literal, a variable, or a concatenation with {@code str()} around extracted values. */
    String text(Text text) {
        if (text.isEmpty()) {
            return "\"\"";
        }
        List<String> pieces = new ArrayList<>();
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal) {
                pieces.add(Python.quote(literal.value()));
            } else {
                String name = ((Text.Ref) part).variable();
                pieces.add(isString.test(name) ? variables.apply(name) : "str(" + variables.apply(name) + ")");
            }
        }
        return String.join(" + ", pieces);
    }

    /** A URL piece: literals percent-encoded now (by {@code encoder}), references with {@code quote()} at run time. */
    List<String> urlPieces(Text text, Function<String, String> encoder) {
        List<String> pieces = new ArrayList<>();
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal) {
                pieces.add(encoder.apply(literal.value()));
            } else {
                pieces.add(null);
                pieces.add("quote(str(" + variables.apply(((Text.Ref) part).variable()) + "), safe=\"\")");
            }
        }
        return pieces;
    }

    static String component(String literal) {
        return UrlEncoding.component(literal);
    }

    /** A Python literal for a JSON value: one line when short, else one member per line. */
    String json(Json value) {
        String inline = json(value, false, 0);
        return inline.length() <= MAX_INLINE ? inline : json(value, true, 0);
    }

    private String json(Json value, boolean multiline, int depth) {
        if (multiline && depth > 0 && (value instanceof Json.JsonObject || value instanceof Json.JsonArray)) {
            String inline = json(value, false, depth);
            if (inline.length() <= MAX_INLINE - 4 * depth) {
                return inline;
            }
        }
        if (value instanceof Json.JsonObject object) {
            List<String> members = new ArrayList<>();
            for (Json.Member member : object.members()) {
                members.add(Python.quote(member.key()) + ": " + json(member.value(), multiline, depth + 1));
            }
            return block("{", members, "}", multiline, depth);
        }
        if (value instanceof Json.JsonArray array) {
            List<String> items = new ArrayList<>();
            for (Json item : array.items()) {
                items.add(json(item, multiline, depth + 1));
            }
            return block("[", items, "]", multiline, depth);
        }
        if (value instanceof Json.JsonString string) {
            return text(string.value());
        }
        if (value instanceof Json.JsonNumber number) {
            return number.text();
        }
        if (value instanceof Json.JsonBoolean bool) {
            return bool.value() ? "True" : "False";
        }
        if (value instanceof Json.JsonRef ref) {
            return variables.apply(ref.variable());
        }
        return "None";
    }

    private static String block(String open, List<String> items, String close, boolean multiline, int depth) {
        if (items.isEmpty()) {
            return open + close;
        }
        if (!multiline) {
            return open + String.join(", ", items) + close;
        }
        String inner = "    ".repeat(depth + 1);
        StringBuilder out = new StringBuilder(open).append('\n');
        for (String item : items) {
            out.append(inner).append(item).append(",\n");
        }
        return out.append("    ".repeat(depth)).append(close).toString();
    }

    /** A dict literal of string values. */
    String stringDict(List<String> keys, List<String> valueCodes) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            members.add(Python.quote(keys.get(i)) + ": " + valueCodes.get(i));
        }
        return "{" + String.join(", ", members) + "}";
    }
}
