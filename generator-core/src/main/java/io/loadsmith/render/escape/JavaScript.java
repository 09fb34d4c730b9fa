package io.loadsmith.render.escape;

/**
 * JavaScript string literals.
 *
 * <p>{@link #escape} returns text that reads back as the same string between single quotes,
 * double quotes or backticks: quotes, backticks, backslashes and {@code $} are backslash-escaped
 * (so a template literal never sees {@code ${}), line terminators including U+2028 and U+2029 and
 * all other control characters become escapes, {@code <} becomes {@code \x3C} so that
 * {@code </script>} cannot close an HTML script element, and lone surrogates become {@code \\u}
 * escapes. Everything else, emoji included, is written as itself.
 */
public final class JavaScript {
    private JavaScript() {}

    public static String escape(String value) {
        if (isPlain(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '`' -> out.append("\\`");
                case '$' -> out.append(i + 1 < value.length() && value.charAt(i + 1) == '{' ? "\\$" : "$");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || (c >= 0x80 && c <= 0x9f)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '\\' || c == '\'' || c == '`' || c == '$' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** A single-quoted string literal. */
    public static String quote(String value) {
        return "'" + escape(value) + "'";
    }

    /** A property key: bare when it is a plain identifier, else a quoted string. */
    public static String key(String name) {
        return NameAllocator.isPlainIdentifier(name) ? name : quote(name);
    }
}
