package io.loadsmith.model;

import java.util.regex.Pattern;

/** Argument checks with messages that name the value and the rule. */
final class Checks {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Checks() {}

    static void checkArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }

    static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static String requireNonBlank(String value, String name) {
        requireNonNull(value, name);
        checkArgument(!value.isBlank(), "%s must not be blank", name);
        return value;
    }

    static String requireIdentifier(String value, String name) {
        requireNonNull(value, name);
        checkArgument(IDENTIFIER.matcher(value).matches(),
                "%s '%s' must be an identifier: a letter or '_', then letters, digits or '_'", name, value);
        return value;
    }

    static boolean isIdentifier(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }

    /**
     * Rejects a header or cookie whose name or literal value holds a line break or NUL: HTTP has no
     * way to send one, and a client that did would start a new header (header injection).
     */
    static void requireHeaderSafe(java.util.List<Param> params, String kind, String owner) {
        for (Param param : params) {
            checkArgument(!breaksHeader(param.name()), "%s name '%s' of '%s' holds a line break or NUL, which HTTP does not allow",
                    kind, param.name().strip(), owner);
            for (Text.Part part : param.value().parts()) {
                if (part instanceof Text.Literal literal) {
                    checkArgument(!breaksHeader(literal.value()), "%s '%s' of '%s' holds a line break or NUL, which HTTP does not allow",
                            kind, param.name(), owner);
                }
            }
        }
    }

    private static boolean breaksHeader(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0;
    }
}
