package io.loadsmith.render.escape;

/**
 * Python string literals (never f-strings).
 *
 * <p>{@link #escape} returns text that reads back as the same {@code str} between double quotes
 * (or single quotes): backslashes and both quote characters are escaped, and every character that
 * is not printable (controls, line and paragraph separators, format characters, lone surrogates)
 * becomes a {@code \\x}, {@code \\u} or {@code \\U} escape. Braces are written as themselves; they
 * mean nothing in a plain string, and generated code never passes data to {@code format()}.
 */
public final class Python {
    private Python() {}

    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (!isPrintable(cp)) {
                        out.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A double-quoted string literal. */
    public static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
