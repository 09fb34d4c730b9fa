package io.loadsmith.render.code;

import io.loadsmith.model.Json;
import io.loadsmith.model.Text;
import io.loadsmith.render.escape.JavaScript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** JavaScript expressions built from escaped pieces, for k6 scripts and Artillery processors. */
public final class JsCode {
    private static final int MAX_INLINE = 72;

    private final Function<String, String> variables;
    private final java.util.function.Predicate<String> isPlainString;

    /**
     * @param variables     the expression that reads a plan variable or an extracted value, by name
     * @param isPlainString whether a variable always holds a string (environment values do)
     */
    public JsCode(Function<String, String> variables, java.util.function.Predicate<String> isPlainString) {
        this.variables = variables;
        this.isPlainString = isPlainString;
    }

    /**
     * A string expression: a quoted literal, the variable itself when the text is one plan variable
     * (those are strings already), or a template literal.
     */
    public String text(Text text) {
        if (text.isLiteral()) {
            return JavaScript.quote(text.literalValue());
        }
        String sole = text.soleReference();
        if (sole != null && isPlainString.test(sole)) {
            return variables.apply(sole);
        }
        return "`" + templateBody(text, false) + "`";
    }

    /**
     * The inside of a template literal: literal parts escaped, references as {@code ${expr}},
     * wrapped in {@code encodeURIComponent} when {@code urlEncode}; literal parts are then
     * percent-encoded by the caller beforehand.
     */
    public String templateBody(Text text, boolean urlEncode) {
        StringBuilder out = new StringBuilder();
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal) {
                out.append(JavaScript.escape(literal.value()));
            } else {
                String expression = variables.apply(((Text.Ref) part).variable());
                out.append("${").append(urlEncode ? "encodeURIComponent(" + expression + ")" : expression).append('}');
            }
        }
        return out.toString();
    }

    /**
     * A JavaScript literal for a JSON value: one line when short, else one member per line,
     * indented relative to the line it starts on.
     */
    public String json(Json value) {
        String inline = json(value, null, 0);
        return inline.length() <= MAX_INLINE ? inline : json(value, "", 0);
    }

    private String json(Json value, String indent, int depth) {
        if (indent != null && depth > 0 && (value instanceof Json.JsonObject || value instanceof Json.JsonArray)) {
            String inline = json(value, null, depth);
            if (inline.length() <= MAX_INLINE - 2 * depth) {
                return inline;
            }
        }
        if (value instanceof Json.JsonObject object) {
            List<String> members = new ArrayList<>();
            for (Json.Member member : object.members()) {
                members.add(JavaScript.key(member.key()) + ": " + json(member.value(), indent, depth + 1));
            }
            return block("{", members, "}", indent, depth, true);
        }
        if (value instanceof Json.JsonArray array) {
            List<String> items = new ArrayList<>();
            for (Json item : array.items()) {
                items.add(json(item, indent, depth + 1));
            }
            return block("[", items, "]", indent, depth, false);
        }
        if (value instanceof Json.JsonString string) {
            return text(string.value());
        }
        if (value instanceof Json.JsonNumber number) {
            return number.text();
        }
        if (value instanceof Json.JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof Json.JsonRef ref) {
            return variables.apply(ref.variable());
        }
        return "null";
    }

    private static String block(String open, List<String> items, String close, String indent, int depth, boolean spaced) {
        if (items.isEmpty()) {
            return open + close;
        }
        if (indent == null) {
            String inner = String.join(", ", items);
            return spaced ? open + " " + inner + " " + close : open + inner + close;
        }
        String inner = indent + "  ".repeat(depth + 1);
        StringBuilder out = new StringBuilder(open).append('\n');
        for (String item : items) {
            out.append(inner).append(item).append(",\n");
        }
        return out.append(indent).append("  ".repeat(depth)).append(close).toString();
    }

    /** An object literal of string values: {@code { 'Content-Type': 'application/json' }}. */
    public String stringMap(List<String> keys, List<Text> values) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            members.add(JavaScript.key(keys.get(i)) + ": " + text(values.get(i)));
        }
        return members.isEmpty() ? "{}" : "{ " + String.join(", ", members) + " }";
    }
}
