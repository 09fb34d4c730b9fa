package io.loadsmith.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request of a scenario.
 *
 * @param name          the operation name every tool reports this request under, such as
 *                      {@code getPetById} or {@code GET /pets/{petId}}; requests to
 *                      {@code /pets/1} and {@code /pets/2} share it
 * @param path          the path relative to the base URL, with {@code {placeholders}}
 * @param pathParams    one value per placeholder of {@code path}; the tool percent-encodes it
 * @param query         query parameters in order, already split and named as the API expects
 *                      them ({@code tags=a&tags=b}, {@code filter[name]=x}); the tool encodes them
 * @param authenticated whether the plan's {@link Auth} applies to this request
 */
public record HttpRequest(
        String name,
        HttpMethod method,
        String path,
        List<Param> pathParams,
        List<Param> query,
        List<Param> headers,
        List<Param> cookies,
        Body body,
        boolean authenticated,
        List<Check> checks,
        List<Extraction> extractions) implements Step {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

    public HttpRequest {
        Checks.requireNonBlank(name, "request name");
        Checks.requireNonNull(method, "method of '" + name + "'");
        Checks.requireNonNull(path, "path of '" + name + "'");
        Checks.checkArgument(path.startsWith("/"), "path '%s' of '%s' must start with '/'", path, name);
        pathParams = List.copyOf(Checks.requireNonNull(pathParams, "path parameters"));
        query = List.copyOf(Checks.requireNonNull(query, "query parameters"));
        headers = List.copyOf(Checks.requireNonNull(headers, "headers"));
        cookies = List.copyOf(Checks.requireNonNull(cookies, "cookies"));
        Checks.requireNonNull(body, "body of '" + name + "'");
        checks = List.copyOf(Checks.requireNonNull(checks, "checks"));
        extractions = List.copyOf(Checks.requireNonNull(extractions, "extractions"));
        Checks.requireHeaderSafe(headers, "header", name);
        Checks.requireHeaderSafe(cookies, "cookie", name);

        Set<String> placeholders = placeholders(path);
        Set<String> given = new LinkedHashSet<>();
        for (Param param : pathParams) {
            Checks.checkArgument(given.add(param.name()), "path parameter '%s' of '%s' is given twice", param.name(), name);
        }
        Checks.checkArgument(placeholders.equals(given),
                "path '%s' of '%s' has placeholders %s but path parameters %s: give exactly one value per placeholder",
                path, name, placeholders, given);
    }

    /** The names of the {@code {placeholders}} of a path, in order. */
    public static Set<String> placeholders(String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The value of a path parameter. */
    public Text pathParam(String placeholder) {
        return pathParams.stream().filter(p -> p.name().equals(placeholder)).map(Param::value)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no path parameter " + placeholder));
    }

    /** The path split into literal pieces and placeholders, for renderers. */
    public List<PathPiece> pathPieces() {
        List<PathPiece> pieces = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(path);
        int position = 0;
        while (matcher.find()) {
            if (matcher.start() > position) {
                pieces.add(new PathPiece(path.substring(position, matcher.start()), null));
            }
            pieces.add(new PathPiece(null, matcher.group(1)));
            position = matcher.end();
        }
        if (position < path.length()) {
            pieces.add(new PathPiece(path.substring(position), null));
        }
        return pieces;
    }

    /** Either literal path text or the name of a path parameter. */
    public record PathPiece(String literal, String parameter) {
        public boolean isParameter() {
            return parameter != null;
        }
    }

    /**
     * Whether a status check of this request admits only redirects (3xx): then the response to
     * judge is the redirect itself, and a tool must not follow it (by default they all do).
     */
    public boolean expectsRedirect() {
        return checks.stream().anyMatch(c -> c instanceof Check.StatusCheck status && status.from() >= 300 && status.to() <= 399);
    }

    /** Every variable this request refers to. */
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        for (List<Param> params : List.of(pathParams, query, headers, cookies)) {
            params.forEach(p -> names.addAll(p.value().references()));
        }
        if (body instanceof Body.JsonBody json) {
            names.addAll(json.value().references());
        } else if (body instanceof Body.FormBody form) {
            form.fields().forEach(f -> names.addAll(f.value().references()));
        } else if (body instanceof Body.MultipartBody multipart) {
            multipart.parts().stream().filter(Body.MultipartField.class::isInstance)
                    .forEach(p -> names.addAll(((Body.MultipartField) p).value().references()));
        } else if (body instanceof Body.RawBody raw) {
            names.addAll(raw.content().references());
        }
        return names;
    }

    public static Builder builder(HttpMethod method, String path) {
        return new Builder(method, path);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(method, path).name(name).body(body).authenticated(authenticated);
        builder.pathParams.addAll(pathParams);
        builder.query.addAll(query);
        builder.headers.addAll(headers);
        builder.cookies.addAll(cookies);
        builder.checks.addAll(checks);
        builder.extractions.addAll(extractions);
        return builder;
    }

    /** Builds a request; the name defaults to {@code METHOD /path}. */
    public static final class Builder {
        private final HttpMethod method;
        private String path;
        private String name;
        private final List<Param> pathParams = new ArrayList<>();
        private final List<Param> query = new ArrayList<>();
        private final List<Param> headers = new ArrayList<>();
        private final List<Param> cookies = new ArrayList<>();
        private Body body = Body.none();
        private boolean authenticated = true;
        private final List<Check> checks = new ArrayList<>();
        private final List<Extraction> extractions = new ArrayList<>();

        private Builder(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder pathParam(String name, Text value) {
            pathParams.add(new Param(name, value));
            return this;
        }

        public Builder query(String name, Text value) {
            query.add(new Param(name, value));
            return this;
        }

        public Builder header(String name, Text value) {
            headers.add(new Param(name, value));
            return this;
        }

        public Builder cookie(String name, Text value) {
            cookies.add(new Param(name, value));
            return this;
        }

        public Builder body(Body body) {
            this.body = body;
            return this;
        }

        public Builder authenticated(boolean authenticated) {
            this.authenticated = authenticated;
            return this;
        }

        public Builder check(Check check) {
            checks.add(check);
            return this;
        }

        public Builder extract(Extraction extraction) {
            extractions.add(extraction);
            return this;
        }

        public Builder clearChecks() {
            checks.clear();
            return this;
        }

        public HttpRequest build() {
            String effectiveName = name != null ? name : method + " " + path;
            return new HttpRequest(effectiveName, method, path, pathParams, query, headers, cookies, body,
                    authenticated, checks, extractions);
        }
    }
}
