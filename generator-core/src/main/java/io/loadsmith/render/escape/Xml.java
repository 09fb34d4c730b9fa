package io.loadsmith.render.escape;

/**
 * XML 1.0 character data and double-quoted attribute values.
 *
 * <p>{@link #escape} returns text that an XML parser reads back as the same string in element
 * content: {@code & < > "} become entity references and carriage return a character reference,
 * so that end-of-line handling cannot drop it. Line feeds and tabs stay as they are, which keeps
 * multi-line values such as request bodies readable; in an attribute a parser would turn them
 * into spaces, so a value bound for an attribute must not hold them (the JMeter renderer spells
 * them in JMeter's own language, see {@link JMeter#name}). XML 1.0 has no way to write the other
 * control characters, U+FFFE, U+FFFF or a lone surrogate, even as a character reference; such a
 * value is refused with {@link IllegalArgumentException}.
 */
public final class Xml {
    private Xml() {}

    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\r' -> "&#13;";
                default -> null;
            };
            if (escape == null) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                if (!isAllowed(c)) {
                    throw new IllegalArgumentException(String.format("U+%04X cannot be written in XML 1.0", (int) c));
                }
            }
            if (escape != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** Whether XML 1.0 can hold the character {@code c} (not part of a surrogate pair) at all. */
    public static boolean isAllowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
