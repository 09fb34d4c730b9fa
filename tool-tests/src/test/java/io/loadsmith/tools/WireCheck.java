package io.loadsmith.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.TestPlan;
import io.loadsmith.samples.demo.RecordedRequest;
import io.loadsmith.testing.ExpectedRequests;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server received, held against what the plan says each operation sends. The expected
 * requests come from the plan alone ({@link ExpectedRequests}); a value only known at run time
 * (an extracted id, the OAuth 2.0 token) is a placeholder there, and the value that took its place
 * on the wire must be one the server handed out: an id in a response of the operation the plan
 * extracts it from, a token the token endpoint issued.
 */
final class WireCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "token";

    private final TestPlan plan;
    private final List<ExpectedRequests.Request> expected;
    private final Map<String, Extraction> extractions = new HashMap<>();
    private final Map<String, HttpRequest> extractedBy = new HashMap<>();
    private final boolean anyPartOrder;

    /** What was received for one operation, and the placeholder values each request carried. */
    record Received(ExpectedRequests.Request expected, List<RecordedRequest> requests, Map<String, Set<String>> captured) {}

    WireCheck(TestPlan plan, Map<String, String> env) {
        this(plan, env, false);
    }

    /**
     * @param anyPartOrder whether form fields and multipart parts may arrive in any order: k6 writes
     *                     an object body's form fields sorted by name and its multipart parts in an order of its own
     */
    WireCheck(TestPlan plan, Map<String, String> env, boolean anyPartOrder) {
        this.plan = plan;
        this.anyPartOrder = anyPartOrder;
        this.expected = ExpectedRequests.of(plan, env, e -> placeholder(e.variable()), placeholder(TOKEN));
        for (HttpRequest request : plan.requests()) {
            for (Extraction extraction : request.extractions()) {
                extractions.put(extraction.variable(), extraction);
                extractedBy.put(extraction.variable(), request);
            }
        }
    }

    static String placeholder(String variable) {
        return "\u27EA" + variable + "\u27EB";
    }

    /**
     * Sorts the received requests by operation and checks each against its expected request;
     * {@code ignored} requests (the token endpoint) are left out. Returns the operations by name.
     */
    Map<String, Received> check(List<RecordedRequest> received, java.util.function.Predicate<RecordedRequest> ignored) {
        Map<String, Received> byName = new LinkedHashMap<>();
        for (ExpectedRequests.Request request : expected) {
            byName.putIfAbsent(request.name(), new Received(request, new ArrayList<>(), new HashMap<>()));
        }
        List<String> problems = new ArrayList<>();
        for (RecordedRequest request : received) {
            if (ignored.test(request)) {
                continue;
            }
            Decoded actual = decode(request);
            // Of the operations at this method and path (GraphQL operations share one endpoint), the one the request is.
            ExpectedRequests.Request match = null;
            Map<String, Set<String>> captures = null;
            List<String> differences = null;
            for (ExpectedRequests.Request candidate : expected) {
                Map<String, Set<String>> attempt = new HashMap<>();
                if (candidate.method().equals(actual.method) && matchesAll(candidate.path(), actual.path, attempt)) {
                    List<String> found = differences(candidate, actual, attempt, anyPartOrder);
                    if (match == null || found.isEmpty() && !differences.isEmpty()) {
                        match = candidate;
                        captures = attempt;
                        differences = found;
                    }
                }
            }
            if (match == null) {
                problems.add("unexpected request " + request.method() + " " + request.path());
                continue;
            }
            if (!differences.isEmpty()) {
                problems.add(match.name() + ": " + String.join("; ", differences));
            }
            Received entry = byName.get(match.name());
            entry.requests().add(request);
            captures.forEach((k, v) -> entry.captured().computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " request(s) differ from the plan, first: "
                    + problems.subList(0, Math.min(5, problems.size())));
        }
        return byName;
    }

    /** The values the server returned for every extraction of the plan, from the responses it sent. */
    Map<String, Set<String>> extractedValues(Map<String, Received> byName) {
        Map<String, Set<String>> values = new HashMap<>();
        extractions.forEach((variable, extraction) -> {
            Set<String> found = new HashSet<>();
            Received source = byName.get(extractedBy.get(variable).name());
            for (RecordedRequest response : source == null ? List.<RecordedRequest>of() : source.requests()) {
                String value = extract(extraction, response);
                if (value != null) {
                    found.add(value);
                }
            }
            values.put(variable, found);
        });
        return values;
    }

    private static String extract(Extraction extraction, RecordedRequest response) {
        if (extraction instanceof Extraction.FromJson json) {
            try {
                JsonNode node = JSON.readTree(response.responseBody());
                for (JsonPath.Segment segment : json.path().segments()) {
                    node = segment instanceof JsonPath.Index index ? node.path(index.index())
                            : node.path(((JsonPath.Field) segment).name());
                }
                return node.isMissingNode() ? null : node.isTextual() ? node.asText() : node.toString();
            } catch (java.io.IOException e) {
                return null;
            }
        }
        if (extraction instanceof Extraction.FromHeader header) {
            List<String> values = response.responseHeaders().get(header.header().toLowerCase(Locale.ROOT));
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (header.pattern() == null) {
                return values.get(0);
            }
            Matcher part = Pattern.compile(header.pattern()).matcher(values.get(0));
            return part.find() ? part.group(1) : null;
        }
        Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
        Matcher matcher = Pattern.compile(regex.pattern()).matcher(response.responseText());
        return matcher.find() ? matcher.group(regex.group()) : null;
    }

    private record Decoded(String method, List<String> path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                           Map<String, String> cookies, ExpectedRequests.Body body) {}

    private static Decoded decode(RecordedRequest request) {
        List<String> path = new ArrayList<>();
        for (String segment : request.path().split("/", -1)) {
            path.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        List<Map.Entry<String, String>> query = request.rawQuery() == null ? List.of() : pairs(request.rawQuery());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        Map<String, String> cookies = new LinkedHashMap<>();
        String cookie = headers.get("Cookie");
        if (cookie != null) {
            for (String pair : cookie.split("; ")) {
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Decoded(request.method(), path, query, headers, cookies, body(request, headers.getOrDefault("Content-Type", "")));
    }

    private static List<Map.Entry<String, String>> pairs(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    private static ExpectedRequests.Body body(RecordedRequest request, String contentType) {
        byte[] bytes = request.body();
        // The media type only: a multipart boundary is random text and may well contain "json" or "xml".
        String type = contentType.toLowerCase(Locale.ROOT).replaceAll(";.*", "").strip();
        if (bytes.length == 0 && !type.contains("form")) {
            return ExpectedRequests.Body.NONE;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (type.contains("json")) {
            try {
                return new ExpectedRequests.Body("json", JSON.readTree(bytes), null);
            } catch (java.io.IOException e) {
                return new ExpectedRequests.Body("text", null, text);
            }
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return ExpectedRequests.Body.form(pairs(text));
        }
        if (type.startsWith("multipart/form-data")) {
            Matcher boundary = Pattern.compile("(?i)boundary=\"?([^\";]+)").matcher(contentType);
            return ExpectedRequests.Body.multipart(boundary.find() ? multipart(text, boundary.group(1)) : List.of());
        }
        if (type.startsWith("text/") || type.contains("xml")) {
            return new ExpectedRequests.Body("text", null, text);
        }
        return new ExpectedRequests.Body("binary", null, null);
    }

    private static List<Map.Entry<String, String>> multipart(String body, String boundary) {
        List<Map.Entry<String, String>> parts = new ArrayList<>();
        Pattern name = Pattern.compile("name=\"([^\"]*)\"");
        Pattern fileName = Pattern.compile("filename=\"([^\"]*)\"");
        for (String part : body.split("--" + Pattern.quote(boundary.replace("\"", "")))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String head = part.substring(0, split);
            String content = part.substring(split + 4, Math.max(split + 4, part.length() - 2));
            Matcher n = name.matcher(head);
            if (!n.find()) {
                continue;
            }
            Matcher f = fileName.matcher(head);
            Matcher t = Pattern.compile("(?i)content-type:\\s*([^\\r\\n;]+)").matcher(head);
            parts.add(Map.entry(n.group(1), f.find() ? "<file " + f.group(1) + " " + (t.find() ? t.group(1).trim() : "") + ">"
                    : content));
        }
        return parts;
    }

    private static List<String> differences(ExpectedRequests.Request expected, Decoded actual, Map<String, Set<String>> captures,
                                            boolean anyPartOrder) {
        List<String> differences = new ArrayList<>();
        if (expected.query().size() != actual.query().size()) {
            differences.add("query " + actual.query() + ", expected " + expected.query());
        } else {
            for (int i = 0; i < expected.query().size(); i++) {
                if (!matches(expected.query().get(i).getKey(), actual.query().get(i).getKey(), captures)
                        || !matches(expected.query().get(i).getValue(), actual.query().get(i).getValue(), captures)) {
                    differences.add("query " + actual.query() + ", expected " + expected.query());
                    break;
                }
            }
        }
        expected.headers().forEach((name, value) -> {
            String got = actual.headers().get(name);
            boolean same = value.equals("multipart/form-data") ? got != null && got.startsWith(value) : got != null && matches(value, got, captures);
            if (!same) {
                differences.add("header " + name + ": " + got + ", expected " + value);
            }
        });
        expected.cookies().forEach((name, value) -> {
            String got = actual.cookies().get(name);
            if (got == null || !matches(value, got, captures)) {
                differences.add("cookie " + name + ": " + got + ", expected " + value);
            }
        });
        ExpectedRequests.Body want = expected.body();
        ExpectedRequests.Body got = actual.body();
        // JMeter's HTTP client labels a bodiless DELETE as an empty form: no bytes reach the server either way.
        boolean emptyForm = got.kind().equals("form") && got.fields().isEmpty();
        boolean sameBody = want.kind().equals("none") && emptyForm || want.kind().equals(got.kind())
                && (want.json() == null || matches(want.json(), got.json(), captures))
                && (want.text() == null || matches(want.text(), got.text(), captures))
                && (want.fields() == null || matchesAll(fields(want, anyPartOrder), fields(got, anyPartOrder), captures));
        if (!sameBody) {
            differences.add("body " + got + ", expected " + want);
        }
        return differences;
    }

    /** A form's or multipart body's fields as name=value, sorted by name when the order does not matter. */
    private static List<String> fields(ExpectedRequests.Body body, boolean anyPartOrder) {
        var fields = body.fields().stream();
        if (anyPartOrder) {
            fields = fields.sorted(Map.Entry.comparingByKey());
        }
        return fields.map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static boolean matchesAll(List<String> expected, List<String> actual, Map<String, Set<String>> captures) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(expected.get(i), actual.get(i), captures)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\u27EA([^\u27EB]*)\u27EB");

    /** Whether {@code actual} is {@code expected} with its placeholders filled in; the fillings go to {@code captures}. */
    static boolean matches(String expected, String actual, Map<String, Set<String>> captures) {
        if (actual == null) {
            return false;
        }
        Matcher placeholders = PLACEHOLDER.matcher(expected);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (placeholders.find()) {
            regex.append(Pattern.quote(expected.substring(last, placeholders.start()))).append("(.*?)");
            names.add(placeholders.group(1));
            last = placeholders.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!matcher.matches()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            captures.computeIfAbsent(names.get(i), k -> new HashSet<>()).add(matcher.group(i + 1));
        }
        return true;
    }

    TestPlan plan() {
        return plan;
    }
}
