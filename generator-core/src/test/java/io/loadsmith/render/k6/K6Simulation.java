package io.loadsmith.render.k6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.model.Extraction;
import io.loadsmith.testing.ExpectedRequests;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads requests recorded by the k6 simulator into the tool-neutral shape tests compare. */
final class K6Simulation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the simulator answers for an extraction: see k6sim/stubs/http.mjs. */
    static final Function<Extraction, String> VALUES = extraction -> {
        if (extraction instanceof Extraction.FromJson json) {
            return "<json " + K6ViewBuilder.gjson(json.path()) + ">";
        }
        if (extraction instanceof Extraction.FromHeader header) {
            return "<header " + K6ViewBuilder.canonicalHeader(header.header()) + ">";
        }
        return null;
    };

    private K6Simulation() {}

    static ExpectedRequests.Request decode(JsonNode event) {
        URI uri = URI.create(event.path("url").asText());
        List<String> segments = new ArrayList<>();
        for (String segment : uri.getRawPath().split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.add(Map.entry(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
            }
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        event.path("headers").fields().forEachRemaining(f -> headers.put(f.getKey(),
                f.getValue().asText().startsWith("multipart/form-data") ? "multipart/form-data" : f.getValue().asText()));
        Map<String, String> cookies = new LinkedHashMap<>();
        event.path("cookies").fields().forEachRemaining(f -> cookies.put(f.getKey(), f.getValue().asText()));
        return new ExpectedRequests.Request(event.path("tags").path("name").asText(), event.path("method").asText(),
                uri.getScheme() + "://" + uri.getRawAuthority(), segments, query, headers, cookies, body(event.path("body")));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ExpectedRequests.Body body(JsonNode body) {
        if (body.isNull() || body.isMissingNode()) {
            return ExpectedRequests.Body.NONE;
        }
        if (body.isTextual()) {
            String text = body.asText();
            if (text.startsWith("<file ")) {
                return new ExpectedRequests.Body("binary", null, null);
            }
            try {
                return new ExpectedRequests.Body("json", JSON.readTree(text), null);
            } catch (Exception e) {
                if (text.contains("=") && !text.contains(" ") || text.isEmpty()) {
                    List<Map.Entry<String, String>> fields = new ArrayList<>();
                    for (String pair : text.split("&")) {
                        int eq = pair.indexOf('=');
                        fields.add(Map.entry(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
                    }
                    return ExpectedRequests.Body.form(fields);
                }
                return new ExpectedRequests.Body("text", null, text);
            }
        }
        if (body.has("multipart")) {
            List<Map.Entry<String, String>> parts = new ArrayList<>();
            body.path("multipart").forEach(part -> parts.add(Map.entry(part.get(0).asText(),
                    part.get(1).isObject() ? "<file " + part.get(1).path("filename").asText() + " "
                            + part.get(1).path("contentType").asText() + ">" : part.get(1).asText())));
            return ExpectedRequests.Body.multipart(parts);
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(Map.entry(field.getKey(), field.getValue().asText()));
        }
        return ExpectedRequests.Body.form(fields);
    }
}
