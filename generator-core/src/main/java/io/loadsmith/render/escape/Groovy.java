package io.loadsmith.render.escape;

/**
 * Groovy single-quoted string literals, for the Groovy that JMeter plans run.
 *
 * <p>{@link #quote} returns a literal that Groovy reads back as the same {@code String}: quote and
 * backslash are escaped, controls become escapes, and {@code $} becomes {@code \u0024}. A
 * single-quoted Groovy string never interpolates, but JMeter evaluates {@code ${...}} in the
 * text of a script before Groovy sees it; with {@code $} spelled as an escape, data can never
 * form one. Characters XML 1.0 cannot hold (other controls, U+FFFE, U+FFFF, lone surrogates)
 * are escapes too, so the literal can sit in a JMX file as it is.
 */
public final class Groovy {
    private Groovy() {}

    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '$' -> out.append("\\u0024");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1));
                    if (pair) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || !Xml.isAllowed(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A single-quoted string literal. */
    public static String quote(String value) {
        return "'" + escape(value) + "'";
    }
}
