package io.loadsmith.tool.artillery;

import io.loadsmith.model.Json;
import io.loadsmith.model.Text;
import io.loadsmith.render.code.JsCode;
import io.loadsmith.render.escape.JavaScript;
import io.loadsmith.render.escape.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Values in Artillery's YAML. Artillery treats every {@code {{ ... }}} in a string as a template
 * (and re-reads what it substitutes), with no escape, and sets JSON bodies by lodash paths, which
 * split keys on dots and brackets. So a value is written into the YAML only when it is safe there;
 * otherwise a processor hook computes it in JavaScript into a variable, and the YAML refers to
 * that variable as the whole string, {@code "{{ loadsmithValue3 }}"}, which Artillery substitutes
 * without reading the value again.
 */
final class ArtilleryValues {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private final Function<String, String> yamlName;
    private final JsCode js;
    private final List<ArtilleryViews.Assignment> pending = new ArrayList<>();
    private int counter;

    /**
     * @param yamlName the name a template uses for a variable: {@code $env.TOKEN}, {@code bookId}
     * @param js       JavaScript for the same variables inside a hook ({@code process.env.TOKEN}, {@code context.vars.bookId})
     */
    ArtilleryValues(Function<String, String> yamlName, JsCode js) {
        this.yamlName = yamlName;
        this.js = js;
    }

    /** The assignments the current request's hook must make; taken once per request. */
    List<ArtilleryViews.Assignment> takePending() {
        List<ArtilleryViews.Assignment> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    static boolean safe(String literal) {
        return !literal.contains("{{");
    }

    static boolean safe(Text text) {
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal && !safe(literal.value())) {
                return false;
            }
        }
        return true;
    }

    /** A YAML double-quoted scalar for a text: literals escaped, references as {@code {{ name }}}. */
    String scalar(Text text) {
        if (!safe(text)) {
            return indirect(js.text(text));
        }
        StringBuilder out = new StringBuilder("\"");
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal) {
                out.append(Yaml.escape(literal.value()));
            } else {
                out.append("{{ ").append(yamlName.apply(((Text.Ref) part).variable())).append(" }}");
            }
        }
        return out.append('"').toString();
    }

    /** A reference to a variable that a hook sets to {@code jsExpression}. */
    String indirect(String jsExpression) {
        String variable = "loadsmithValue" + (++counter);
        pending.add(new ArtilleryViews.Assignment("context.vars." + variable, jsExpression));
        return "\"{{ " + variable + " }}\"";
    }

    /** Whether Artillery can take this JSON as a YAML mapping: no key it would split or template. */
    static boolean yamlSafe(Json value) {
        if (value instanceof Json.JsonObject object) {
            for (Json.Member member : object.members()) {
                String key = member.key();
                if (!safe(key) || key.contains(".") || key.contains("[") || key.contains("]") || key.contains("\"")
                        || key.contains("'") || key.contains("\\") || !yamlSafe(member.value())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Json.JsonArray array) {
            return array.items().stream().allMatch(ArtilleryValues::yamlSafe);
        }
        return true;
    }

    /** A YAML block for a JSON value, indented relative to its first line. */
    String json(Json value, String indent) {
        if (value instanceof Json.JsonObject object) {
            if (object.members().isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder();
            for (Json.Member member : object.members()) {
                out.append('\n').append(indent).append(key(member.key())).append(':');
                appendValue(out, member.value(), indent);
            }
            return out.toString();
        }
        if (value instanceof Json.JsonArray array) {
            if (array.items().isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder();
            for (Json item : array.items()) {
                out.append('\n').append(indent).append('-');
                appendValue(out, item, indent);
            }
            return out.toString();
        }
        if (value instanceof Json.JsonString string) {
            return scalar(string.value());
        }
        if (value instanceof Json.JsonNumber number) {
            return number.text();
        }
        if (value instanceof Json.JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof Json.JsonRef ref) {
            return "\"{{ " + yamlName.apply(ref.variable()) + " }}\"";
        }
        return "null";
    }

    private void appendValue(StringBuilder out, Json value, String indent) {
        boolean nested = value instanceof Json.JsonObject object && !object.members().isEmpty()
                || value instanceof Json.JsonArray array && !array.items().isEmpty();
        out.append(nested ? "" : " ").append(json(value, indent + "  "));
    }

    /** A mapping key: bare when plain, else double-quoted. */
    static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() && !YAML_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))
                ? name : Yaml.quote(name);
    }

    /** A JavaScript string literal, for hooks. */
    static String jsString(String value) {
        return JavaScript.quote(value);
    }
}
