package io.loadsmith.importer.openapi;

import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes a parameter's sample value the way its {@code style} and {@code explode} say
 * (OpenAPI 3 "Style Values"), into name/value pairs that tools then percent-encode.
 */
final class ParameterStyles {
    private ParameterStyles() {}

    /** The text of a scalar JSON value: strings as they are, numbers and booleans as JSON writes them. */
    static String scalar(Json value) {
        if (value instanceof Json.JsonString string) {
            return string.value().isLiteral() ? string.value().literalValue() : string.value().toTemplate();
        }
        if (value instanceof Json.JsonNumber number) {
            return number.value().toPlainString();
        }
        if (value instanceof Json.JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof Json.JsonNull) {
            return "";
        }
        return JsonText.write(value);
    }

    /** Query parameters: form (default), spaceDelimited, pipeDelimited or deepObject. */
    static List<Param> query(String name, Json value, String style, boolean explode) {
        List<Param> params = new ArrayList<>();
        String effective = style == null ? "form" : style;
        if (value instanceof Json.JsonArray array && effective.equals("deepObject")) {
            deep(name, array, params);
        } else if (value instanceof Json.JsonArray array) {
            List<String> items = array.items().stream().map(ParameterStyles::scalar).toList();
            switch (effective) {
                case "spaceDelimited" -> params.add(Param.of(name, String.join(" ", items)));
                case "pipeDelimited" -> params.add(Param.of(name, String.join("|", items)));
                default -> {
                    if (explode) {
                        items.forEach(item -> params.add(Param.of(name, item)));
                    } else {
                        params.add(Param.of(name, String.join(",", items)));
                    }
                }
            }
        } else if (value instanceof Json.JsonObject object) {
            if (effective.equals("deepObject")) {
                deep(name, object, params);
            } else if (explode) {
                object.members().forEach(m -> params.add(Param.of(m.key(), scalar(m.value()))));
            } else {
                List<String> flat = new ArrayList<>();
                object.members().forEach(m -> {
                    flat.add(m.key());
                    flat.add(scalar(m.value()));
                });
                String separator = effective.equals("spaceDelimited") ? " " : effective.equals("pipeDelimited") ? "|" : ",";
                params.add(Param.of(name, String.join(separator, flat)));
            }
        } else {
            params.add(new Param(name, text(value)));
        }
        return params;
    }

    /**
     * deepObject: {@code name[key]=value}, nested objects and arrays as further brackets
     * ({@code card[address][line1]}, {@code items[0][price]}), the convention of the APIs that
     * use it; OpenAPI defines only the first level.
     */
    private static void deep(String name, Json value, List<Param> params) {
        if (value instanceof Json.JsonObject object) {
            object.members().forEach(m -> deep(name + "[" + m.key() + "]", m.value(), params));
        } else if (value instanceof Json.JsonArray array) {
            for (int i = 0; i < array.items().size(); i++) {
                deep(name + "[" + i + "]", array.items().get(i), params);
            }
        } else {
            params.add(new Param(name, text(value)));
        }
    }

    /** A path parameter's value for styles simple (default), label and matrix. */
    static Text path(String name, Json value, String style, boolean explode) {
        String effective = style == null ? "simple" : style;
        if (!(value instanceof Json.JsonArray) && !(value instanceof Json.JsonObject)) {
            Text scalar = text(value);
            return switch (effective) {
                case "label" -> Text.concat(Text.of("."), scalar);
                case "matrix" -> Text.concat(Text.of(";" + name + "="), scalar);
                default -> scalar;
            };
        }
        List<String> items = new ArrayList<>();
        if (value instanceof Json.JsonArray array) {
            array.items().forEach(item -> items.add(scalar(item)));
        } else {
            for (Json.Member member : ((Json.JsonObject) value).members()) {
                items.add(explode ? member.key() + "=" + scalar(member.value()) : member.key() + "," + scalar(member.value()));
            }
        }
        return Text.of(switch (effective) {
            case "label" -> "." + String.join(explode ? "." : ",", items);
            case "matrix" -> explode && value instanceof Json.JsonArray
                    ? String.join("", items.stream().map(i -> ";" + name + "=" + i).toList())
                    : ";" + name + "=" + String.join(",", items);
            default -> String.join(",", items);
        });
    }

    /** A header or cookie value (style simple or form): arrays and objects comma-separated. */
    static Text simple(Json value, boolean explode) {
        if (value instanceof Json.JsonArray array) {
            return Text.of(String.join(",", array.items().stream().map(ParameterStyles::scalar).toList()));
        }
        if (value instanceof Json.JsonObject object) {
            List<String> items = new ArrayList<>();
            for (Json.Member member : object.members()) {
                items.add(explode ? member.key() + "=" + scalar(member.value()) : member.key() + "," + scalar(member.value()));
            }
            return Text.of(String.join(",", items));
        }
        return text(value);
    }

    private static Text text(Json value) {
        if (value instanceof Json.JsonString string) {
            return string.value();
        }
        return Text.of(scalar(value));
    }
}
