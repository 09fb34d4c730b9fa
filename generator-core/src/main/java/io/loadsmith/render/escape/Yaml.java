package io.loadsmith.render.escape;

/**
 * YAML double-quoted scalars.
 *
 * <p>{@link #escape} returns text that a YAML 1.1 or 1.2 parser reads back as the same string
 * between double quotes: backslash and double quote are escaped, and every character YAML does
 * not allow as itself in a double-quoted scalar (controls, DEL, the C1 range including NEL,
 * U+2028, U+2029, the byte-order mark, lone surrogates) becomes an escape. It does not neutralise
 * Artillery's {@code {{ }}} templates: the Artillery view builder keeps such values out of the
 * YAML (see {@code ArtilleryViewBuilder}).
 */
public final class Yaml {
    private Yaml() {}

    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '"' -> "\\\"";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case 0 -> "\\0";
                case 0x85 -> "\\N";
                case 0x2028 -> "\\L";
                case 0x2029 -> "\\P";
                default -> null;
            };
            if (escape == null) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                    escape = String.format("\\x%02X", (int) c);
                } else if (c == 0xFEFF || c == 0xFFFE || c == 0xFFFF || (Character.isSurrogate(c) && !pair)) {
                    escape = String.format("\\u%04X", (int) c);
                } else if (pair) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            }
            if (escape != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }

    /** A double-quoted scalar. */
    public static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }
}
