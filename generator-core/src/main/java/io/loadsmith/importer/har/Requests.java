package io.loadsmith.importer.har;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.importer.HeaderValues;
import io.loadsmith.model.Body;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Text;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded entry as a request a tool can send: URL split into path segments and query
 * parameters, the headers a browser or proxy adds left out, the body in the model's terms.
 */
final class Requests {
    /**
     * Headers the tool sets itself or that only mean something to the recording client: hop-by-hop
     * headers, HTTP/2 pseudo-headers (":authority"), the length and framing, the browser's own
     * fetch metadata and hints, cache validators (a replay would get 304s), and the body's type
     * (which the body carries).
     */
    private static final Set<String> DROPPED = Set.of("host", "connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "content-type", "cookie", "accept-encoding",
            "if-none-match", "if-modified-since", "upgrade-insecure-requests", "dnt", "priority", "purpose", "x-client-data",
            "cache-control", "pragma", "expect", "http2-settings", "alt-used");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$");

    private final List<Diagnostic> diagnostics;

    Requests(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Scheme, host (with a port when given) and raw path and query of a URL; null when it is not an http(s) URL. */
    record Url(String scheme, String host, String path, String query) {
        String origin() {
            return scheme + "://" + host;
        }
    }

    static Url url(String url) {
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        String host = (at >= 0 ? authority.substring(at + 1) : authority).toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return null;
        }
        if (scheme.equals("http") && host.endsWith(":80") || scheme.equals("https") && host.endsWith(":443")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        return new Url(scheme, host, m.group(3), m.group(4));
    }

    Draft draft(HarEntry entry, Url url) {
        HttpMethod method = HttpMethod.valueOf(entry.method().toUpperCase(Locale.ROOT));
        List<Draft.Segment> segments = new ArrayList<>();
        for (String raw : url.path().split("/", -1)) {
            if (segments.isEmpty() && raw.isEmpty()) {
                continue;
            }
            segments.add(new Draft.Segment(Text.of(percentDecode(raw, false)), raw));
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).raw().isEmpty() && !url.path().endsWith("/")) {
            segments.remove(segments.size() - 1);
        }
        List<Param> query = new ArrayList<>();
        if (url.query() != null && !url.query().isEmpty()) {
            for (String pair : url.query().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
                if (!name.isEmpty()) {
                    query.add(Param.of(name, eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true)));
                }
            }
        }
        List<Param> headers = new ArrayList<>();
        for (HarEntry.NameValue header : entry.requestHeaders()) {
            String name = header.name().strip();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(":") || DROPPED.contains(lower) || lower.startsWith("sec-") || lower.startsWith("proxy-")) {
                continue;
            }
            if (!HeaderValues.isToken(name)) {
                diagnostics.add(Diagnostic.warning(entry.pointer(), "header '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' is not a valid header name and is left out"));
                continue;
            }
            if (headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name))) {
                continue;
            }
            String value = HeaderValues.header(header.value());
            if (!value.equals(header.value())) {
                diagnostics.add(Diagnostic.warning(entry.pointer(), "header " + name
                        + " holds characters HTTP cannot carry; it is sent percent-encoded"));
            }
            headers.add(Param.of(name, value));
        }
        return new Draft(entry, method, url.host(), segments, query, headers, cookies(entry), body(entry));
    }

    /** The cookies the request sent: its Cookie headers, else the HAR's cookies list. */
    private static List<Param> cookies(HarEntry entry) {
        List<Param> cookies = new ArrayList<>();
        for (HarEntry.NameValue cookie : entry.sentCookies()) {
            if (HeaderValues.isToken(cookie.name())) {
                cookies.add(Param.of(cookie.name(), HeaderValues.cookie(cookie.value())));
            }
        }
        return cookies;
    }

    private Body body(HarEntry entry) {
        HarEntry.PostData post = entry.postData();
        if (post == null) {
            return Body.none();
        }
        String contentType = post.mimeType() != null && !post.mimeType().isBlank() ? post.mimeType().strip()
                : entry.requestHeader("content-type");
        String text = post.text() == null ? "" : post.text();
        if (contentType == null || contentType.isBlank()) {
            contentType = text.isEmpty() && post.params().isEmpty() ? null : "application/octet-stream";
        }
        if (contentType == null) {
            return Body.none();
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (post.base64()) {
            try {
                return new Body.BinaryBody(contentType, Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(text)));
            } catch (IllegalArgumentException e) {
                diagnostics.add(Diagnostic.warning(entry.pointer(), "the body is marked base64 but is not; it is sent as text"));
            }
        }
        if (media.equals("application/x-www-form-urlencoded")) {
            return form(post, text);
        }
        if (media.equals("multipart/form-data")) {
            Body multipart = multipart(entry, post, contentType, text);
            if (multipart != null) {
                return multipart;
            }
        }
        if (text.isEmpty()) {
            return post.params().isEmpty() ? Body.none() : new Body.RawBody(contentType, Text.empty());
        }
        if (media.equals("application/json") || media.endsWith("+json")) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node != null && !node.isMissingNode()) {
                    return new Body.JsonBody(contentType, json(node));
                }
            } catch (JsonProcessingException e) {
                diagnostics.add(Diagnostic.info(entry.pointer(), "the JSON body does not parse; it is sent as recorded"));
            }
        }
        if (isBinary(media, text)) {
            boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
            byte[] bytes = text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            return new Body.BinaryBody(contentType, Base64.getEncoder().encodeToString(bytes));
        }
        return new Body.RawBody(contentType, Text.of(text));
    }

    /** Form parameters decoded once (HAR writers keep them percent-encoded, as sent); the tool encodes them again. */
    private static Body form(HarEntry.PostData post, String text) {
        List<Param> fields = new ArrayList<>();
        if (!post.params().isEmpty()) {
            for (HarEntry.Param param : post.params()) {
                fields.add(Param.of(percentDecode(param.name(), true), percentDecode(param.value(), true)));
            }
        } else {
            for (String pair : text.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    fields.add(Param.of(percentDecode(eq < 0 ? pair : pair.substring(0, eq), true),
                            eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true)));
                }
            }
        }
        return new Body.FormBody(fields);
    }

    private Body multipart(HarEntry entry, HarEntry.PostData post, String contentType, String text) {
        List<Body.MultipartPart> parts = new ArrayList<>();
        if (!post.params().isEmpty()) {
            for (HarEntry.Param param : post.params()) {
                if (param.fileName() != null && !param.fileName().isBlank()) {
                    parts.add(Body.MultipartFile.of(param.name(), param.fileName(),
                            param.contentType() == null || param.contentType().isBlank() ? "application/octet-stream"
                                    : param.contentType(), param.value().getBytes(StandardCharsets.UTF_8)));
                } else {
                    parts.add(new Body.MultipartField(param.name(), Text.of(param.value())));
                }
            }
            return new Body.MultipartBody(parts);
        }
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        String delimiter = boundary.find() ? "--" + boundary.group(1) : null;
        if (delimiter == null || !text.contains(delimiter)) {
            int lineEnd = text.indexOf('\n');
            delimiter = text.startsWith("--") && lineEnd > 2 ? text.substring(0, lineEnd).strip() : null;
        }
        if (delimiter == null) {
            diagnostics.add(Diagnostic.warning(entry.pointer(), "the multipart body has no boundary; it is sent as recorded"));
            return null;
        }
        String[] chunks = text.split(Pattern.quote(delimiter));
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                break;
            }
            chunk = chunk.replaceFirst("^\r?\n", "");
            int split = chunk.indexOf("\r\n\r\n");
            int skip = 4;
            if (split < 0) {
                split = chunk.indexOf("\n\n");
                skip = 2;
            }
            if (split < 0) {
                continue;
            }
            String head = chunk.substring(0, split);
            String value = chunk.substring(split + skip).replaceFirst("\r?\n$", "");
            Matcher name = Pattern.compile("(?i)\\bname=\"([^\"]*)\"").matcher(head);
            if (!name.find()) {
                continue;
            }
            Matcher file = Pattern.compile("(?i)filename=\"([^\"]*)\"").matcher(head);
            Matcher type = Pattern.compile("(?im)^content-type:\\s*(.+)$").matcher(head);
            if (file.find() && !file.group(1).isEmpty()) {
                parts.add(Body.MultipartFile.of(name.group(1), file.group(1), type.find() ? type.group(1).strip()
                        : "application/octet-stream", value.getBytes(StandardCharsets.UTF_8)));
            } else {
                parts.add(new Body.MultipartField(name.group(1), Text.of(value)));
            }
        }
        if (parts.isEmpty()) {
            diagnostics.add(Diagnostic.warning(entry.pointer(), "the multipart body has no parts that parse; it is sent as recorded"));
            return null;
        }
        return new Body.MultipartBody(parts);
    }

    private static boolean isBinary(String media, String text) {
        if (media.startsWith("text/") || media.endsWith("+xml") || media.endsWith("/xml") || media.contains("json")
                || media.contains("javascript") || media.contains("graphql")) {
            return false;
        }
        if (media.equals("application/octet-stream") || media.startsWith("image/") || media.startsWith("audio/")
                || media.startsWith("video/") || media.contains("protobuf") || media.contains("grpc")) {
            return true;
        }
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    }

    static Json json(JsonNode node) {
        if (node.isObject()) {
            List<Json.Member> members = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                members.add(new Json.Member(field.getKey(), json(field.getValue())));
            }
            return new Json.JsonObject(members);
        }
        if (node.isArray()) {
            List<Json> items = new ArrayList<>();
            node.forEach(item -> items.add(json(item)));
            return new Json.JsonArray(items);
        }
        if (node.isNumber()) {
            return new Json.JsonNumber(node.decimalValue() == null ? BigDecimal.valueOf(node.asDouble()) : node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Json.JsonBoolean(node.asBoolean());
        }
        if (node.isNull()) {
            return new Json.JsonNull();
        }
        return new Json.JsonString(Text.of(node.asText()));
    }

    /** Percent-decoding that leaves a malformed escape as it is; {@code +} is a space in query strings and forms. */
    static String percentDecode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        try {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
