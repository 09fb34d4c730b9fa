package io.loadsmith.render;

import java.nio.charset.StandardCharsets;

/** Percent-encoding done at generation time, the same way scripts encode values at run time. */
public final class UrlEncoding {
    private static final String UNRESERVED = "-_.!~*'()";

    private UrlEncoding() {}

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
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
