package io.loadsmith.samples.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request the demo API received, as it arrived.
 *
 * @param rawQuery the query string, still percent-encoded, or null
 * @param headers  header values by lower-case name
 * @param status          the status the demo API answered
 * @param responseHeaders the headers of its answer, by lower-case name
 * @param responseBody    the body of its answer
 * @param nanoTime        when it arrived, from {@link System#nanoTime()}
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                              int status, Map<String, List<String>> responseHeaders, byte[] responseBody, long nanoTime) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
        responseHeaders = Map.copyOf(responseHeaders);
        responseBody = responseBody.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] responseBody() {
        return responseBody.clone();
    }

    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
