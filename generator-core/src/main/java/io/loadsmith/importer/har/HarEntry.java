package io.loadsmith.importer.har;

import java.time.Instant;
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
        boolean webSocket) {

    /** The status of an entry without a response object (request-only HARs, as some tools write). */
    static final int NOT_RECORDED = Integer.MIN_VALUE;

    record NameValue(String name, String value) {}

    /** The request body as recorded; {@code params} for forms and multipart, else {@code text}. */
    record PostData(String mimeType, String text, List<Param> params, boolean base64) {}

    /** A form or multipart parameter; a file when {@code fileName} is set. */
    record Param(String name, String value, String fileName, String contentType) {}

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
