package io.loadsmith.render;

import java.nio.charset.StandardCharsets;

/** Percent-encoding done at generation time, the same way scripts encode values at run time. */
public final class UrlEncoding {
    private static final String UNRESERVED = "-_.!~*'()";

    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";

    private UrlEncoding() {}

    /**
     * Encodes the literal text of a path template: characters a URL path may hold (RFC 3986
     * {@code pchar} and {@code /}) stay, an existing {@code %XX} escape stays, everything else is
     * percent-encoded as UTF-8.
     */
    public static String path(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PATH_SAFE.indexOf(c) >= 0 || escape) {
                out.append((char) c);
            } else {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private static void appendEscaped(StringBuilder out, int c) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
    }

    /**
     * Encodes like JavaScript's {@code encodeURIComponent}: everything except letters, digits and
     * {@code - _ . ! ~ * ' ( )} is percent-encoded as UTF-8, so the result is safe in a path
     * segment and in a query name or value.
     */
    public static String component(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }
}
