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
}
