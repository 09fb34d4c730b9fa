package io.loadsmith.model;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable JSON value for request bodies, able to hold variable references.
 *
 * <p>A {@link JsonString} holds a {@link Text}, so a string field may interpolate variables
 * ({@code "order-${id}"}); a {@link JsonRef} stands for a variable's whole value with its own JSON
 * type, as when a numeric id captured from one response is sent back in the next request body.
 */
public sealed interface Json {

    /** An object; member order is kept as given. */
    record JsonObject(List<Member> members) implements Json {
        public JsonObject {
            members = List.copyOf(Checks.requireNonNull(members, "members"));
            Set<String> keys = new HashSet<>();
            for (Member member : members) {
                Checks.checkArgument(keys.add(member.key()), "duplicate JSON object key '%s'", member.key());
            }
        }

        public Json get(String key) {
            return members.stream().filter(m -> m.key().equals(key)).map(Member::value).findFirst().orElse(null);
        }
    }

    /** One key and value of an object. */
    record Member(String key, Json value) {
        public Member {
            Checks.requireNonNull(key, "key");
            Checks.requireNonNull(value, "value of key '" + key + "'");
        }
    }

    record JsonArray(List<Json> items) implements Json {
        public JsonArray {
            items = List.copyOf(Checks.requireNonNull(items, "items"));
        }
    }

    record JsonString(Text value) implements Json {
        public JsonString {
            Checks.requireNonNull(value, "value");
        }
    }

    /** A number, kept exactly; {@code 1.50} and {@code 1.5} are the same number. */
    record JsonNumber(BigDecimal value) implements Json {
        public JsonNumber {
            Checks.requireNonNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        /** The number as JSON writes it, without an exponent. */
        public String text() {
            return value.toPlainString();
        }
    }

    record JsonBoolean(boolean value) implements Json {}

    record JsonNull() implements Json {}

    /** A variable's value, inserted with its own JSON type. */
    record JsonRef(String variable) implements Json {
        public JsonRef {
            Checks.requireIdentifier(variable, "variable");
        }
    }

    static Json string(String literal) {
        return new JsonString(Text.of(literal));
    }

    static Json number(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    static Json object(List<Member> members) {
        return new JsonObject(members);
    }

    static Json array(List<Json> items) {
        return new JsonArray(items);
    }

    /** The variables this value refers to, in document order. */
    default Set<String> references() {
        Set<String> names = new java.util.LinkedHashSet<>();
        collectReferences(this, names);
        return names;
    }

    private static void collectReferences(Json json, Set<String> names) {
        if (json instanceof JsonObject object) {
            object.members().forEach(m -> collectReferences(m.value(), names));
        } else if (json instanceof JsonArray array) {
            array.items().forEach(item -> collectReferences(item, names));
        } else if (json instanceof JsonString string) {
            names.addAll(string.value().references());
        } else if (json instanceof JsonRef ref) {
            names.add(ref.variable());
        }
    }
}
