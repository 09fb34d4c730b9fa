package io.loadsmith.importer.har;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request and response of a recording, as the HAR holds them: names and values verbatim,
 * bodies as text ({@code null} when the recorder left them out).
 *
 * @param pointer  where the entry is in the file ({@code /log/entries/3}), for messages
 * @param started  when the request started; null when the recording does not say
 * @param timeMs   how long the exchange took, in milliseconds; 0 when unknown
 * @param status   the response status; 0 or less for none (cancelled, blocked, failed);
 *                 {@link #NOT_RECORDED} when the HAR holds requests only
 */
record HarEntry(
        String pointer,
        int index,
        String pageRef,
        Instant started,
        double timeMs,
        String method,
        String url,
        List<NameValue> requestHeaders,
        List<NameValue> requestCookies,
        PostData postData,
        int status,
        List<NameValue> responseHeaders,
        List<NameValue> responseCookies,
        String responseMimeType,
        String responseText,
        String redirectUrl,
        String resourceType,
        boolean webSocket,
        List<WebSocketMessage> webSocketMessages) {

    /**
     * A message of a recorded WebSocket connection (Chrome's {@code _webSocketMessages}).
     *
     * @param sent    true for a message the client sent, false for one it received
     * @param time    when, in seconds since the epoch; NaN when the recording does not say
     * @param text    true for a text frame (opcode 1), false for a binary one
     */
    record WebSocketMessage(boolean sent, double time, boolean text, String data) {}

    /** The status of an entry without a response object (request-only HARs, as some tools write). */
    static final int NOT_RECORDED = Integer.MIN_VALUE;

    record NameValue(String name, String value) {}

    /** The request body as recorded; {@code params} for forms and multipart, else {@code text}. */
    record PostData(String mimeType, String text, List<Param> params, boolean base64) {}

    /** A form or multipart parameter; a file when {@code fileName} is set. */
    record Param(String name, String value, String fileName, String contentType) {}

    /** The cookies a request sent: each name=value of its Cookie headers, else the HAR's cookies list. */
    List<NameValue> sentCookies() {
        List<NameValue> cookies = new ArrayList<>();
        for (NameValue header : requestHeaders) {
            if (header.name().equalsIgnoreCase("cookie")) {
                for (String pair : header.value().split(";")) {
                    int eq = pair.indexOf('=');
                    String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
                    if (!name.isEmpty()) {
                        cookies.add(new NameValue(name, eq < 0 ? "" : pair.substring(eq + 1).strip()));
                    }
                }
            }
        }
        return cookies.isEmpty() ? requestCookies : cookies;
    }

    /** The cookies the response set: the HAR's cookies list and the name=value of each Set-Cookie line. */
    List<NameValue> setCookies() {
        List<NameValue> cookies = new ArrayList<>(responseCookies);
        for (NameValue header : responseHeaders) {
            if (header.name().equalsIgnoreCase("set-cookie")) {
                for (String line : header.value().split("\n")) {
                    String pair = line.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.add(new NameValue(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()));
                    }
                }
            }
        }
        return cookies;
    }

    String requestHeader(String name) {
        return header(requestHeaders, name);
    }

    String responseHeader(String name) {
        return header(responseHeaders, name);
    }

    private static String header(List<NameValue> headers, String name) {
        for (NameValue header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    String responseMediaType() {
        String type = responseMimeType != null && !responseMimeType.isBlank() ? responseMimeType : responseHeader("content-type");
        return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
