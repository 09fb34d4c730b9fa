package io.loadsmith.importer;

import java.nio.charset.StandardCharsets;

/**
 * Header and cookie values that every tool can send. A header value of visible ASCII and inner spaces
 * arrives as it was sent; a line break would start a new header, servers trim spaces at either
 * end and may turn a tab into a space, and the tools disagree on everything else
 * (Python's http.client refuses what Latin-1 cannot encode, Node.js what lies above U+00FF, Apache
 * HttpClient sends Latin-1 and replaces the rest by {@code ?}). So a value from a document that
 * holds anything else is percent-encoded as UTF-8, {@code %} included, and the importer says so.
 * Cookie values follow RFC 6265's cookie-octets, which also leave out space, {@code "}, {@code ,},
 * {@code ;} and {@code \}.
 */
public final class HeaderValues {
    private HeaderValues() {}

    /** Whether a header name is an RFC 9110 token. */
    public static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** The value itself when every tool can send it in a header, else its percent-encoding. */
    public static String header(String value) {
        boolean padded = value.startsWith(" ") || value.endsWith(" ");
        if (!padded && value.chars().allMatch(HeaderValues::headerChar)) {
            return value;
        }
        String encoded = encode(value, HeaderValues::headerChar);
        int start = 0;
        while (start < encoded.length() && encoded.charAt(start) == ' ') {
            start++;
        }
        int end = encoded.length();
        while (end > start && encoded.charAt(end - 1) == ' ') {
            end--;
        }
        return "%20".repeat(start) + encoded.substring(start, end) + "%20".repeat(encoded.length() - end);
    }

    /** The value itself when it is all cookie-octets, else its percent-encoding. */
    public static String cookie(String value) {
        return value.chars().allMatch(HeaderValues::cookieChar) ? value : encode(value, HeaderValues::cookieChar);
    }

    private static boolean headerChar(int c) {
        return c >= 0x20 && c <= 0x7E;
    }

    private static boolean cookieChar(int c) {
        return c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A || c >= 0x3C && c <= 0x5B || c >= 0x5D && c <= 0x7E;
    }

    private static String encode(String value, java.util.function.IntPredicate safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c != '%' && safe.test(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
