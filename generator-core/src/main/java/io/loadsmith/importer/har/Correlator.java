package io.loadsmith.importer.har;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.importer.Secrets;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Param;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Correlation and secret scrubbing, request by request in recorded order.
 *
 * <p>Correlation: a value that a response produced (a JSON field, a Location or token header, an
 * HTML hidden input) and that a later request sends becomes an extraction on the producing request
 * and a variable in the later ones. A value the client had sent before it came back (an echo of
 * what the user typed) is not correlated. The most recent producer wins.
 *
 * <p>Scrubbing: what is left literal in a secret place (Authorization, a header, query, form or
 * JSON field with a secret name, a cookie the recording did not see being set) becomes a secret
 * environment variable; cookies that a recorded response set are left to the tool's cookie jar.
 * Finally every literal is swept for the secret values seen anywhere in the recording.
 */
final class Correlator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Set<String> CORRELATED_HEADERS = Set.of("location", "etag", "x-csrf-token", "x-xsrf-token",
            "x-auth-token", "x-access-token", "x-session-id", "x-session-token", "x-amz-security-token");
    private static final int MAX_JSON_LEAVES = 20_000;
    private static final int MIN_SWEPT_LENGTH = 8;

    /** Where a value came from: the step whose response held it and how to extract it. */
    private record Origin(int step, Draft draft, Extraction.FromJson json, String header, String regex, String key,
                          boolean numeric, String describe) {}

    /** A correlation found: a variable, its origin and where it is sent. */
    record Correlation(String variable, Draft producer, String origin, List<Use> uses) {}

    record Use(Draft draft, Draft.Place place) {}

    /** A secret replaced by an environment variable. */
    record Scrubbed(String variable, String what, List<Use> uses) {}

    private final boolean correlate;
    private final Set<String> takenNames;
    private final Map<String, Origin> produced = new HashMap<>();
    private final Map<Origin, Correlation> correlations = new LinkedHashMap<>();
    private final StringBuilder clientSent = new StringBuilder();
    private final List<Integer> sentUpTo = new ArrayList<>();
    private final Map<String, String> cookieSetBy = new HashMap<>();
    private final Map<String, Scrubbed> secretByValue = new LinkedHashMap<>();
    private final Map<String, String> sensitive = new LinkedHashMap<>();
    private final List<Variable> variables = new ArrayList<>();
    private final List<String> jarCookies = new ArrayList<>();

    Correlator(boolean correlate, Set<String> takenNames) {
        this.correlate = correlate;
        this.takenNames = new LinkedHashSet<>();
        takenNames.forEach(n -> this.takenNames.add(n.toLowerCase(Locale.ROOT)));
    }

    /** Secret values anywhere in the recording (also in entries that are left out), for the final sweep. */
    void noteSensitive(HarEntry entry) {
        for (HarEntry.NameValue header : entry.requestHeaders()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!name.equals("cookie") && (name.equals("authorization") || name.equals("proxy-authorization")
                    || !name.startsWith(":") && Secrets.isSecretName(name))) {
                String[] scheme = Secrets.splitScheme(header.value());
                addSensitive(scheme != null ? scheme[1] : header.value().strip(), header.name());
            }
        }
        entry.sentCookies().forEach(c -> addSensitive(c.value(), "cookie " + c.name()));
        entry.requestCookies().forEach(c -> addSensitive(c.value(), "cookie " + c.name()));
        entry.setCookies().forEach(c -> addSensitive(c.value(), "cookie " + c.name()));
        Requests.Url url = Requests.url(entry.url());
        if (url != null && url.query() != null) {
            for (String pair : url.query().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && Secrets.isSecretName(Requests.percentDecode(pair.substring(0, eq), true))) {
                    addSensitive(Requests.percentDecode(pair.substring(eq + 1), true), pair.substring(0, eq));
                }
            }
        }
    }

    private void addSensitive(String value, String name) {
        if (value != null && value.length() >= MIN_SWEPT_LENGTH) {
            sensitive.putIfAbsent(value, name);
        }
    }

    /** Correlates and scrubs one request; then learns what its response produced. */
    void process(int step, Draft draft) {
        clientSent.append(requestText(draft.entry)).append('\n');
        sentUpTo.add(clientSent.length());
        if (correlate) {
            draft.map(correlating(step, draft));
        }
        List<Param> kept = new ArrayList<>();
        for (Param cookie : draft.cookies) {
            String setBy = cookieSetBy.get(cookie.name());
            if (setBy != null && cookie.value().isLiteral()) {
                String note = "cookie " + cookie.name() + ": set by the response of " + setBy + ", sent by the tool's cookie jar";
                if (!jarCookies.contains(note)) {
                    jarCookies.add(note);
                }
            } else {
                kept.add(cookie);
            }
        }
        draft.cookies = kept;
        draft.map((place, value) -> scrubbed(draft, place, value));
        if (correlate) {
            learn(step, draft);
        }
        List<HarEntry.NameValue> setCookies = new ArrayList<>(draft.entry.setCookies());
        if (draft.redirectedTo != null) {
            setCookies.addAll(draft.redirectedTo.setCookies());
        }
        for (HarEntry.NameValue cookie : setCookies) {
            cookieSetBy.putIfAbsent(cookie.name(), draft.method + " " + draft.entry.url().split("\\?", 2)[0]);
        }
    }

    /**
     * Correlates and scrubs a message that a WebSocket session sends between request
     * {@code step - 1} and request {@code step}, held as the body of {@code carrier}: a value an
     * earlier response produced becomes its variable, a secret an environment variable.
     */
    void processMessage(int step, Draft carrier) {
        if (correlate) {
            carrier.map(correlating(step, carrier));
        }
        carrier.map((place, value) -> scrubbed(carrier, place, value));
    }

    /** Replaces values that earlier responses (of requests before {@code step}) produced by their variables. */
    private Draft.Mapper correlating(int step, Draft draft) {
        return new Draft.Mapper() {
            @Override
            public Text map(Draft.Place place, Text value) {
                return correlated(step, draft, place, value);
            }

            @Override
            public Json number(String key, Json.JsonNumber number) {
                Origin origin = origin(step, number.text());
                if (origin == null || !origin.numeric()) {
                    return null;
                }
                return new Json.JsonRef(use(origin, draft, new Draft.Place(Draft.Kind.JSON, key)));
            }
        };
    }

    /** Replaces what is left of the recording's secret values anywhere in the requests by their variables. */
    void sweep(List<Draft> drafts) {
        secretByValue.forEach((value, scrubbed) -> {
            if (value.length() >= MIN_SWEPT_LENGTH) {
                sensitive.putIfAbsent(value, scrubbed.what());
            }
        });
        if (sensitive.isEmpty()) {
            return;
        }
        List<String> values = sensitiveLongestFirst();
        for (Draft draft : drafts) {
            draft.map((place, text) -> {
                List<Text.Part> parts = new ArrayList<>();
                boolean changed = false;
                for (Text.Part part : text.parts()) {
                    if (part instanceof Text.Literal literal) {
                        List<Text.Part> swept = sweep(literal.value(), values, draft, place);
                        changed |= swept.size() != 1 || !swept.get(0).equals(part);
                        parts.addAll(swept);
                    } else {
                        parts.add(part);
                    }
                }
                return changed ? new Text(parts) : text;
            });
        }
    }

    private List<Text.Part> sweep(String literal, List<String> values, Draft draft, Draft.Place place) {
        for (String value : values) {
            int at = literal.indexOf(value);
            if (at >= 0) {
                String variable = secretVariable(value, sensitive.get(value), draft, place);
                List<Text.Part> parts = new ArrayList<>();
                if (at > 0) {
                    parts.addAll(sweep(literal.substring(0, at), values, draft, place));
                }
                parts.add(new Text.Ref(variable));
                if (at + value.length() < literal.length()) {
                    parts.addAll(sweep(literal.substring(at + value.length()), values, draft, place));
                }
                return parts;
            }
        }
        return List.of(new Text.Literal(literal));
    }

    /** {@code text} with every secret value of the recording replaced by "[secret]". */
    String redact(String text) {
        String out = text;
        for (String value : sensitiveLongestFirst()) {
            out = out.replace(value, "[secret]");
        }
        return out;
    }

    /** Longest first, so that a secret inside a longer one is not replaced in part. */
    private List<String> sensitiveLongestFirst() {
        List<String> values = new ArrayList<>(sensitive.keySet());
        values.sort((a, b) -> b.length() - a.length());
        return values;
    }

    List<Variable> variables() {
        return variables;
    }

    List<Correlation> correlations() {
        return List.copyOf(correlations.values());
    }

    List<Scrubbed> scrubbed() {
        List<Scrubbed> unique = new ArrayList<>();
        for (Scrubbed scrubbed : secretByValue.values()) {
            if (!unique.contains(scrubbed)) {
                unique.add(scrubbed);
            }
        }
        return unique;
    }

    List<String> jarCookies() {
        return jarCookies;
    }

    // ---- correlation

    private Text correlated(int step, Draft draft, Draft.Place place, Text text) {
        if (text.parts().size() != 1 || !(text.parts().get(0) instanceof Text.Literal literal)) {
            return text;
        }
        String value = literal.value();
        Origin whole = origin(step, value);
        if (whole != null) {
            return Text.ref(use(whole, draft, place));
        }
        String[] scheme = place.kind() == Draft.Kind.HEADER ? Secrets.splitScheme(value) : null;
        if (scheme != null) {
            Origin token = origin(step, scheme[1]);
            if (token != null) {
                return Text.concat(Text.of(scheme[0]), Text.ref(use(token, draft, place)));
            }
        }
        List<Text.Part> parts = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(value);
        int last = 0;
        while (tokens.find()) {
            if (tokens.end() - tokens.start() < MIN_SWEPT_LENGTH) {
                continue;
            }
            Origin origin = origin(step, tokens.group());
            if (origin != null) {
                if (tokens.start() > last) {
                    parts.add(new Text.Literal(value.substring(last, tokens.start())));
                }
                parts.add(new Text.Ref(use(origin, draft, place)));
                last = tokens.end();
            }
        }
        if (parts.isEmpty()) {
            return text;
        }
        if (last < value.length()) {
            parts.add(new Text.Literal(value.substring(last)));
        }
        return new Text(parts);
    }

    /** The origin of a value sent by request {@code step}, unless the client had sent it before it came back. */
    private Origin origin(int step, String value) {
        Origin origin = produced.get(value);
        if (origin == null || origin.step() >= step) {
            return null;
        }
        int first = clientSent.indexOf(value);
        return first >= 0 && first < sentUpTo.get(origin.step()) ? null : origin;
    }

    private String use(Origin origin, Draft draft, Draft.Place place) {
        Correlation correlation = correlations.get(origin);
        if (correlation == null) {
            String variable = allocate(variableName(origin));
            Extraction extraction = origin.json() != null ? new Extraction.FromJson(variable, origin.json().path())
                    : origin.header() != null ? new Extraction.FromHeader(variable, origin.header(), origin.regex())
                    : new Extraction.FromRegex(variable, origin.regex(), 1);
            origin.draft().extractions.add(extraction);
            correlation = new Correlation(variable, origin.draft(), origin.describe(), new ArrayList<>());
            correlations.put(origin, correlation);
        }
        Use use = new Use(draft, place);
        if (!correlation.uses().contains(use)) {
            correlation.uses().add(use);
        }
        return correlation.variable();
    }

    private void learn(int step, Draft draft) {
        // After a redirect the tool follows, what the extractors see is the response of its target.
        HarEntry entry = draft.redirectedTo != null ? draft.redirectedTo : draft.entry;
        String text = entry.responseText();
        String media = entry.responseMediaType();
        if (text != null && !text.isBlank() && (media.contains("json") || text.strip().startsWith("{"))) {
            try {
                JsonNode node = JSON.readTree(text);
                if (node != null && node.isContainerNode()) {
                    walk(step, draft, node, new ArrayList<>(), null, new int[] {0});
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: nothing to learn from it
            }
        }
        if (text != null && media.contains("html")) {
            hiddenInputs(step, draft, text);
        }
        for (HarEntry.NameValue header : entry.responseHeaders()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (CORRELATED_HEADERS.contains(name) && distinctive(header.value(), "id") && !isCorrelated(header.value())) {
                produced.put(header.value(), new Origin(step, draft, null, name, null, name, false,
                        "header " + header.name()));
            }
            if (name.equals("location") || name.equals("content-location")) {
                locationSegments(step, draft, header);
            }
        }
    }

    /**
     * The segments of a Location's path, each with the pattern that finds it after the segments
     * before it: {@code /api/jobs/7f3a} gives 7f3a, found by {@code /api/jobs/([^/?#\s]+)}.
     */
    private void locationSegments(int step, Draft draft, HarEntry.NameValue header) {
        String path = header.value().strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String value = Requests.percentDecode(segments[i], false);
            if (distinctive(value, "id") && !isCorrelated(value) && !produced.containsKey(value)) {
                String previous = i > 1 ? segments[i - 1] : "";
                String key = previous.matches("[A-Za-z][A-Za-z0-9_-]*") ? singular(previous) + "-id" : "location-id";
                produced.put(value, new Origin(step, draft, null, header.name().toLowerCase(Locale.ROOT),
                        regexLiteral(prefix + "/") + "([^/?#\\s]+)", key, false, "header " + header.name() + " (path segment " + i + ")"));
            }
            prefix.append('/').append(segments[i]);
        }
    }

    private static String singular(String word) {
        return word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y"
                : word.endsWith("s") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
    }

    private void walk(int step, Draft draft, JsonNode node, List<JsonPath.Segment> path, String key, int[] leaves) {
        if (++leaves[0] > MAX_JSON_LEAVES || path.size() > 32) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(new JsonPath.Field(field.getKey()));
                walk(step, draft, field.getValue(), path, field.getKey(), leaves);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(new JsonPath.Index(i));
                walk(step, draft, node.get(i), path, key, leaves);
                path.remove(path.size() - 1);
            }
        } else if ((node.isTextual() || node.isIntegralNumber()) && key != null) {
            String value = node.asText();
            if (distinctive(value, key) && !isCorrelated(value)) {
                JsonPath jsonPath = new JsonPath(path);
                produced.put(value, new Origin(step, draft, new Extraction.FromJson("v", jsonPath), null, null, key,
                        node.isNumber(), "JSON " + jsonPath));
            }
        }
    }

    private void hiddenInputs(int step, Draft draft, String html) {
        Matcher input = HIDDEN_INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), attribute.group(3) != null ? attribute.group(3)
                        : attribute.group(4));
            }
            String name = attributes.get("name");
            String value = attributes.get("value");
            if (!"hidden".equalsIgnoreCase(attributes.get("type")) || name == null || value == null || value.length() < 4) {
                continue;
            }
            // The attributes in the order this page writes them; the value is the group.
            String quotedName = "name=[\"']" + regexLiteral(name) + "[\"']";
            String valueGroup = "value=[\"']([^\"']*)[\"']";
            boolean nameFirst = input.group().toLowerCase(Locale.ROOT).indexOf("name=") < input.group().toLowerCase(Locale.ROOT)
                    .indexOf("value=");
            String regex = nameFirst ? quotedName + "[^>]*?" + valueGroup : valueGroup + "[^>]*?" + quotedName;
            if (isCorrelated(Requests.percentDecode(value, false))) {
                continue;
            }
            produced.put(Requests.percentDecode(value, false), new Origin(step, draft, null, null, regex, name, false,
                    "hidden input " + name));
        }
    }

    /** Whether a value already has a variable: a later response that repeats it (an echo, a re-read) is not a new origin. */
    private boolean isCorrelated(String value) {
        Origin origin = produced.get(value);
        return origin != null && correlations.containsKey(origin);
    }

    /** A regular expression matching {@code text} literally, in the syntax JavaScript, Python and Java share. */
    private static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whether a value is distinctive enough to be recognised where it is sent again: a short value
     * such as 1 or "en" would be found in unrelated places. Ids may be short; anything else needs
     * length and a digit (tokens, UUIDs, hashes) or real length.
     */
    static boolean distinctive(String value, String key) {
        if (value.length() > 4096 || value.isBlank()) {
            return false;
        }
        boolean digit = value.chars().anyMatch(Character::isDigit);
        if (isIdKey(key)) {
            return value.length() >= 2 && (digit || value.length() >= 6);
        }
        return value.length() >= 8 && digit || value.length() >= 20;
    }

    private static boolean isIdKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return key.endsWith("Id") || key.endsWith("ID") || lower.matches("(.*[_-])?(id|uuid|guid|key|token|ref)")
                || lower.equals("location") || lower.equals("etag");
    }

    private String variableName(Origin origin) {
        String key = origin.key();
        if (key.equalsIgnoreCase("id") || key.equalsIgnoreCase("_id") || key.equalsIgnoreCase("uuid")) {
            String resource = null;
            for (Draft.Segment segment : origin.draft().segments) {
                String literal = segment.value().isLiteral() ? segment.value().literalValue() : "";
                if (literal.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                    resource = literal;
                }
            }
            if (resource != null) {
                return camel(singular(resource) + "-id");
            }
        }
        return camel(key);
    }

    /** {@code access_token} becomes {@code accessToken}; anything not a letter or digit separates words. */
    static String camel(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(out.length() == 0 ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, "value");
        }
        return out.toString();
    }

    private String allocate(String base) {
        String name = base;
        for (int n = 2; takenNames.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + n;
        }
        takenNames.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    // ---- secrets

    private Text scrubbed(Draft draft, Draft.Place place, Text text) {
        // A text that already holds a variable was correlated: what is left literal is its frame ("Bearer ").
        if (!isSecretPlace(place) || !text.isLiteral() || text.isEmpty()) {
            return text;
        }
        List<Text.Part> parts = new ArrayList<>();
        boolean changed = false;
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal && !literal.value().isBlank()) {
                String value = literal.value();
                String[] scheme = place.kind() == Draft.Kind.HEADER ? Secrets.splitScheme(value) : null;
                if (scheme != null && parts.isEmpty() && text.parts().size() == 1) {
                    parts.add(new Text.Literal(scheme[0]));
                    parts.add(new Text.Ref(secretVariable(scheme[1], place.name(), draft, place)));
                } else {
                    parts.add(new Text.Ref(secretVariable(value, place.kind() == Draft.Kind.COOKIE ? "cookie " + place.name()
                            : place.name(), draft, place)));
                }
                changed = true;
            } else {
                parts.add(part);
            }
        }
        return changed ? new Text(parts) : text;
    }

    private static boolean isSecretPlace(Draft.Place place) {
        return switch (place.kind()) {
            case COOKIE -> true;
            case HEADER, QUERY, FORM, JSON, MULTIPART -> Secrets.isSecretName(place.name())
                    || place.name().equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }

    /** The variable of a secret value: the same value always gets the same one. */
    private String secretVariable(String value, String name, Draft draft, Draft.Place place) {
        Scrubbed scrubbed = secretByValue.get(value);
        if (scrubbed == null) {
            String base = Secrets.environmentName(name);
            String variable = base;
            for (int n = 2; takenNames.contains(variable.toLowerCase(Locale.ROOT)); n++) {
                variable = base + "_" + n;
            }
            takenNames.add(variable.toLowerCase(Locale.ROOT));
            variables.add(Variable.secret(variable, "The " + name + " value recorded in the HAR (not written into scripts)"));
            scrubbed = new Scrubbed(variable, name, new ArrayList<>());
            secretByValue.put(value, scrubbed);
        }
        Use use = new Use(draft, place);
        if (!scrubbed.uses().contains(use)) {
            scrubbed.uses().add(use);
        }
        return scrubbed.variable();
    }

    // ---- helpers

    private static String requestText(HarEntry entry) {
        StringBuilder text = new StringBuilder(entry.url());
        for (HarEntry.NameValue header : entry.requestHeaders()) {
            if (!header.name().equalsIgnoreCase("cookie")) {
                text.append('\n').append(header.value());
            }
        }
        HarEntry.PostData post = entry.postData();
        if (post != null) {
            if (post.text() != null) {
                text.append('\n').append(post.text());
            }
            post.params().forEach(p -> text.append('\n').append(p.value()));
        }
        // Decoded too, so that a value sent percent-encoded counts as sent.
        text.append('\n').append(Requests.percentDecode(entry.url(), true));
        return text.toString();
    }
}
