package io.loadsmith.importer.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import io.loadsmith.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a HAR file into entries: tolerant of what real recorders write (HAR 1.1, missing optional
 * fields, nulls, a byte-order mark, numbers as strings), strict about what a replay needs. An entry
 * without a request method or URL is skipped with a warning naming its place; a file that is not
 * a HAR, or holds no entries, is refused.
 */
final class HarReader {
    private final Path file;
    private final List<Diagnostic> diagnostics;

    HarReader(Path file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** The recording: its pages (id to title, in order) and entries in file order. */
    record Recording(String creator, Map<String, String> pages, List<HarEntry> entries) {}

    Recording read() {
        JsonNode root = Documents.read(file);
        JsonNode log = root.path("log");
        if (!root.isObject() || !log.isObject()) {
            throw new ImportException(file, "/", "not a HAR file: it has no 'log' object (export the recording as HAR from "
                    + "the browser's network panel or the proxy)");
        }
        JsonNode entries = log.path("entries");
        if (!entries.isArray()) {
            throw new ImportException(file, Documents.place(file, "/log"), "not a HAR file: 'log' has no 'entries' array");
        }
        if (entries.isEmpty()) {
            throw new ImportException(file, Documents.place(file, "/log/entries"),
                    "the recording is empty: it holds no requests to replay");
        }
        String creator = text(log.path("creator").path("name"));
        String version = text(log.path("creator").path("version"));
        Map<String, String> pages = new LinkedHashMap<>();
        for (JsonNode page : log.path("pages")) {
            String id = text(page.path("id"));
            if (id != null) {
                String title = text(page.path("title"));
                pages.put(id, title == null || title.isBlank() ? id : title.strip());
            }
        }
        List<HarEntry> read = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            HarEntry entry = entry(entries.get(i), "/log/entries/" + i, i);
            if (entry != null) {
                read.add(entry);
            }
        }
        return new Recording(creator == null ? null : version == null ? creator : creator + " " + version, pages, read);
    }

    private HarEntry entry(JsonNode node, String pointer, int index) {
        if (!node.isObject()) {
            skip(pointer, "not an object");
            return null;
        }
        JsonNode request = node.path("request");
        String method = text(request.path("method"));
        String url = text(request.path("url"));
        if (!request.isObject() || method == null || method.isBlank() || url == null || url.isBlank()) {
            skip(pointer, "it has no request method or URL");
            return null;
        }
        JsonNode response = node.path("response");
        JsonNode content = response.path("content");
        String responseText = text(content.path("text"));
        if (responseText != null && "base64".equalsIgnoreCase(text(content.path("encoding")))) {
            responseText = decodeBase64Text(responseText);
        }
        Instant started = instant(text(node.path("startedDateTime")));
        double time = node.path("time").isNumber() ? Math.max(0, node.path("time").asDouble())
                : node.path("time").isTextual() ? parseDouble(node.path("time").asText()) : 0;
        String resourceType = text(node.path("_resourceType"));
        boolean webSocket = node.has("_webSocketMessages") || "websocket".equalsIgnoreCase(resourceType);
        return new HarEntry(pointer, index, text(node.path("pageref")), started, time, method.strip(), url.strip(),
                nameValues(request.path("headers")), nameValues(request.path("cookies")), postData(request.path("postData")),
                response.isObject() ? status(response.path("status")) : HarEntry.NOT_RECORDED, nameValues(response.path("headers")), nameValues(response.path("cookies")),
                text(content.path("mimeType")), responseText, text(response.path("redirectURL")), resourceType, webSocket,
                webSocketMessages(node.path("_webSocketMessages")));
    }

    private static List<HarEntry.WebSocketMessage> webSocketMessages(JsonNode messages) {
        List<HarEntry.WebSocketMessage> read = new ArrayList<>();
        for (JsonNode message : messages) {
            String type = text(message.path("type"));
            String data = text(message.path("data"));
            if (data == null || !"send".equals(type) && !"receive".equals(type)) {
                continue;
            }
            double time = message.path("time").isNumber() ? message.path("time").asDouble() : Double.NaN;
            read.add(new HarEntry.WebSocketMessage("send".equals(type), time, message.path("opcode").asInt(1) == 1, data));
        }
        return read;
    }

    private void skip(String pointer, String why) {
        diagnostics.add(Diagnostic.warning(Documents.place(file, pointer), "entry skipped: " + why));
    }

    private static HarEntry.PostData postData(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        List<HarEntry.Param> params = new ArrayList<>();
        for (JsonNode param : node.path("params")) {
            String name = text(param.path("name"));
            if (name != null) {
                params.add(new HarEntry.Param(name, orEmpty(text(param.path("value"))), text(param.path("fileName")),
                        text(param.path("contentType"))));
            }
        }
        String encoding = text(node.path("encoding"));
        if (encoding == null) {
            encoding = text(node.path("_encoding"));
        }
        return new HarEntry.PostData(text(node.path("mimeType")), text(node.path("text")), params,
                "base64".equalsIgnoreCase(encoding));
    }

    private static List<HarEntry.NameValue> nameValues(JsonNode array) {
        List<HarEntry.NameValue> values = new ArrayList<>();
        for (JsonNode item : array) {
            String name = text(item.path("name"));
            if (name != null) {
                values.add(new HarEntry.NameValue(name, orEmpty(text(item.path("value")))));
            }
        }
        return values;
    }

    private static int status(JsonNode node) {
        if (node.isNumber()) {
            return node.asInt();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static double parseDouble(String text) {
        try {
            return Math.max(0, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A base64 response body as text when it is UTF-8 text (JSON, HTML), else null: only text is searched. */
    private static String decodeBase64Text(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.indexOf('\uFFFD') >= 0 ? null : text;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
