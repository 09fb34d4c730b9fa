package io.loadsmith.tool.gatling;

/**
 * Text in generated Java sources: the content of string literals, which is also what the
 * template writes in {@code //} comments.
 *
 * <p>{@link #escape} returns text that javac reads back as the same {@code String} between
 * double quotes, whatever the source file's encoding: quote and backslash are escaped, line
 * breaks and tabs become their escapes, other controls three-digit octal escapes, and everything
 * from U+007F on (lone surrogates too) a Unicode escape (a backslash, {@code u} and four hex
 * digits). javac turns Unicode escapes into characters before it reads anything else, even in
 * comments, so none is written for a character that would end a literal or a line, and every
 * backslash of the value is doubled, so none can start one. In a line comment the same text
 * stays on its line and reads back as the value.
 */
final class JavaText {
    private JavaText() {}

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\%03o", (int) c));
                    } else if (c >= 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A double-quoted string literal. */
    static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }
}
