package io.loadsmith.importer.har;

import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded request on its way to becoming a plan request: the values are {@link Text}s, so
 * correlation and scrubbing can replace a literal by a variable wherever it appears.
 */
final class Draft {
    /** Where a value is sent, for choosing what it may be replaced by. */
    enum Kind { PATH, QUERY, HEADER, COOKIE, JSON, FORM, MULTIPART, RAW }

    /** A value's place: its kind and the name it is sent under (a JSON key, a header name). */
    record Place(Kind kind, String name) {
        @Override
        public String toString() {
            return switch (kind) {
                case PATH -> "path";
                case QUERY -> "query " + name;
                case HEADER -> "header " + name;
                case COOKIE -> "cookie " + name;
                case JSON -> "JSON " + name;
                case FORM -> "form field " + name;
                case MULTIPART -> "multipart field " + name;
                case RAW -> "body";
            };
        }
    }

    /** Maps a value at a place to its replacement. */
    interface Mapper {
        Text map(Place place, Text value);

        /** A JSON number; null to keep it. */
        default Json number(String key, Json.JsonNumber number) {
            return null;
        }
    }

    /** A path segment: its decoded value, and the text as recorded (percent-encoded) for literal output. */
    record Segment(Text value, String raw) {}

    final HarEntry entry;
    final HttpMethod method;
    final String host;
    List<Segment> segments;
    List<Param> query;
    List<Param> headers;
    List<Param> cookies;
    Body body;
    final List<Check> checks = new ArrayList<>();
    final List<Extraction> extractions = new ArrayList<>();
    String name;
    /** The entry this request's redirect led to, which the tool follows by itself; null for none. */
    HarEntry redirectedTo;

    Draft(HarEntry entry, HttpMethod method, String host, List<Segment> segments, List<Param> query, List<Param> headers,
          List<Param> cookies, Body body) {
        this.entry = entry;
        this.method = method;
        this.host = host;
        this.segments = segments;
        this.query = query;
        this.headers = headers;
        this.cookies = cookies;
        this.body = body;
    }

    /** Every value through {@code mapper}; a path segment keeps its recorded form while it stays literal. */
    void map(Mapper mapper) {
        List<Segment> mappedSegments = new ArrayList<>();
        for (Segment segment : segments) {
            Text mapped = mapper.map(new Place(Kind.PATH, ""), segment.value());
            mappedSegments.add(mapped.equals(segment.value()) ? segment : new Segment(mapped, segment.raw()));
        }
        segments = mappedSegments;
        query = params(query, Kind.QUERY, mapper);
        headers = params(headers, Kind.HEADER, mapper);
        cookies = params(cookies, Kind.COOKIE, mapper);
        body = body(body, mapper);
    }

    private static List<Param> params(List<Param> params, Kind kind, Mapper mapper) {
        List<Param> out = new ArrayList<>(params.size());
        for (Param param : params) {
            out.add(new Param(param.name(), mapper.map(new Place(kind, param.name()), param.value())));
        }
        return out;
    }

    private static Body body(Body body, Mapper mapper) {
        if (body instanceof Body.JsonBody json) {
            return new Body.JsonBody(json.contentType(), json(null, json.value(), mapper));
        }
        if (body instanceof Body.FormBody form) {
            return new Body.FormBody(params(form.fields(), Kind.FORM, mapper));
        }
        if (body instanceof Body.MultipartBody multipart) {
            List<Body.MultipartPart> parts = new ArrayList<>();
            for (Body.MultipartPart part : multipart.parts()) {
                parts.add(part instanceof Body.MultipartField field
                        ? new Body.MultipartField(field.name(), mapper.map(new Place(Kind.MULTIPART, field.name()), field.value()))
                        : part);
            }
            return new Body.MultipartBody(parts);
        }
        if (body instanceof Body.RawBody raw) {
            return new Body.RawBody(raw.contentType(), mapper.map(new Place(Kind.RAW, ""), raw.content()));
        }
        return body;
    }

    private static Json json(String key, Json value, Mapper mapper) {
        if (value instanceof Json.JsonObject object) {
            List<Json.Member> members = new ArrayList<>();
            object.members().forEach(m -> members.add(new Json.Member(m.key(), json(m.key(), m.value(), mapper))));
            return new Json.JsonObject(members);
        }
        if (value instanceof Json.JsonArray array) {
            List<Json> items = new ArrayList<>();
            array.items().forEach(item -> items.add(json(key, item, mapper)));
            return new Json.JsonArray(items);
        }
        if (value instanceof Json.JsonString string) {
            return new Json.JsonString(mapper.map(new Place(Kind.JSON, key == null ? "" : key), string.value()));
        }
        if (value instanceof Json.JsonNumber number) {
            Json mapped = mapper.number(key == null ? "" : key, number);
            return mapped == null ? number : mapped;
        }
        return value;
    }

    /** The path with a {placeholder} per segment that holds a variable, and the values of those placeholders. */
    String path(List<Param> pathParams) {
        StringBuilder path = new StringBuilder();
        for (Segment segment : segments) {
            path.append('/');
            if (segment.value().isLiteral()) {
                path.append(segment.raw().replace("{", "%7B").replace("}", "%7D"));
            } else {
                String placeholder = placeholder(segment.value(), pathParams);
                pathParams.add(new Param(placeholder, segment.value()));
                path.append('{').append(placeholder).append('}');
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String placeholder(Text value, List<Param> taken) {
        String base = value.soleReference() != null ? value.soleReference() : value.references().iterator().next();
        String name = base;
        for (int n = 2; isTaken(name, taken); n++) {
            name = base + n;
        }
        return name;
    }

    private static boolean isTaken(String name, List<Param> taken) {
        return taken.stream().anyMatch(p -> p.name().equals(name));
    }
}
