package io.loadsmith.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.model.Auth;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a plan's requests must look like on the wire, decoded: computed from the plan alone, so a
 * test can compare it with what a script actually sent.
 */
public final class ExpectedRequests {
    private ExpectedRequests() {}

    /** One request, decoded: path segments and query values as text, headers by case-insensitive name. */
    public record Request(String name, String method, String origin, List<String> path,
                          List<Map.Entry<String, String>> query, Map<String, String> headers,
                          Map<String, String> cookies, Body body) {}

    /** A body: its kind and its content in the most comparable form (JSON canonicalised). */
    public record Body(String kind, String json, String text, List<Map.Entry<String, String>> fields) {
        public static final Body NONE = new Body("none", null, null, null);

        public Body(String kind, JsonNode json, String text) {
            this(kind, json == null ? null : canonical(json), text, null);
        }

        public static Body form(List<Map.Entry<String, String>> fields) {
            return new Body("form", null, null, List.copyOf(fields));
        }

        public static Body multipart(List<Map.Entry<String, String>> parts) {
            return new Body("multipart", null, null, List.copyOf(parts));
        }
    }

    /** JSON text with object keys in order and numbers written alike ({@code 2.9E+2}, {@code 290.0} and {@code 290} agree). */
    public static String canonical(JsonNode node) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            node.fields().forEachRemaining(f -> out.append(out.length() > 1 ? "," : "")
                    .append(JsonNodeFactory.instance.textNode(f.getKey())).append(':').append(canonical(f.getValue())));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            node.forEach(item -> out.append(out.length() > 1 ? "," : "").append(canonical(item)));
            return out.append(']').toString();
        }
        if (node.isNumber()) {
            java.math.BigDecimal value = node.decimalValue();
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
        return node.toString();
    }

    /** A value for every plan variable, as a test would set in the environment. */
    public static Map<String, String> environment(TestPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Variable variable : plan.variables()) {
            env.put(variable.env(), "env-" + variable.env());
        }
        return env;
    }

    /**
     * @param extracted   what stands for an extracted value (a placeholder the wire check fills in)
     * @param accessToken the OAuth 2.0 token the fake token endpoint hands out
     */
    public static List<Request> of(TestPlan plan, Map<String, String> env, Function<Extraction, String> extracted,
                                   String accessToken) {
        List<Request> requests = new ArrayList<>();
        for (Scenario scenario : plan.scenarios()) {
            Map<String, String> values = new HashMap<>();
            for (Variable variable : plan.variables()) {
                values.put(variable.name(), env.getOrDefault(variable.env(), variable.defaultValue()));
            }
            walk(plan, scenario.steps(), values, extracted, accessToken, requests);
        }
        return requests;
    }

    public static List<Request> of(TestPlan plan, Map<String, String> env, Function<Extraction, String> extracted) {
        return of(plan, env, extracted, "<json access_token>");
    }

    private static void walk(TestPlan plan, List<Step> steps, Map<String, String> values,
                             Function<Extraction, String> extracted, String token, List<Request> out) {
        for (Step step : steps) {
            if (step instanceof Group group) {
                walk(plan, group.steps(), values, extracted, token, out);
            } else if (step instanceof HttpRequest request) {
                out.add(request(plan, request, values, token));
                for (Extraction extraction : request.extractions()) {
                    values.put(extraction.variable(), extracted.apply(extraction));
                }
            }
        }
    }

    private static String resolve(Text text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Text.Part part : text.parts()) {
            out.append(part instanceof Text.Literal literal ? literal.value() : values.get(((Text.Ref) part).variable()));
        }
        return out.toString();
    }

    private static Request request(TestPlan plan, HttpRequest request, Map<String, String> values, String token) {
        URI base = URI.create(plan.baseUrl());
        List<String> path = new ArrayList<>(List.of((base.getPath() == null ? "" : base.getPath()).replaceAll("/+$", "").split("/", -1)));
        String[] template = request.path().split("/", -1);
        for (int i = 1; i < template.length; i++) {
            String segment = template[i];
            for (String placeholder : HttpRequest.placeholders(segment)) {
                segment = segment.replace("{" + placeholder + "}", resolve(request.pathParam(placeholder), values));
            }
            path.add(segment);
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        request.query().forEach(q -> query.add(Map.entry(q.name(), resolve(q.value(), values))));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> cookies = new LinkedHashMap<>();
        plan.headers().forEach(h -> headers.put(h.name(), resolve(h.value(), values)));
        if (request.authenticated()) {
            Auth auth = plan.auth();
            if (auth instanceof Auth.Bearer bearer) {
                headers.put("Authorization", "Bearer " + resolve(bearer.token(), values));
            } else if (auth instanceof Auth.Basic basic) {
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (resolve(basic.username(), values) + ":" + resolve(basic.password(), values)).getBytes(StandardCharsets.UTF_8)));
            } else if (auth instanceof Auth.OAuth2ClientCredentials) {
                headers.put("Authorization", "Bearer " + token);
            } else if (auth instanceof Auth.ApiKey key) {
                switch (key.in()) {
                    case HEADER -> headers.put(key.name(), resolve(key.value(), values));
                    case QUERY -> query.add(Map.entry(key.name(), resolve(key.value(), values)));
                    case COOKIE -> cookies.put(key.name(), resolve(key.value(), values));
                }
            }
        }
        request.headers().forEach(h -> headers.put(h.name(), resolve(h.value(), values)));
        request.cookies().forEach(c -> cookies.put(c.name(), resolve(c.value(), values)));
        Body body = Body.NONE;
        io.loadsmith.model.Body planBody = request.body();
        if (planBody instanceof io.loadsmith.model.Body.JsonBody json) {
            headers.putIfAbsent("Content-Type", json.contentType());
            body = new Body("json", json(json.value(), values), null);
        } else if (planBody instanceof io.loadsmith.model.Body.FormBody form) {
            headers.putIfAbsent("Content-Type", form.contentType());
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            form.fields().forEach(f -> fields.add(Map.entry(f.name(), resolve(f.value(), values))));
            body = Body.form(fields);
        } else if (planBody instanceof io.loadsmith.model.Body.MultipartBody multipart) {
            headers.put("Content-Type", "multipart/form-data");
            List<Map.Entry<String, String>> parts = new ArrayList<>();
            for (io.loadsmith.model.Body.MultipartPart part : multipart.parts()) {
                parts.add(Map.entry(part.name(), part instanceof io.loadsmith.model.Body.MultipartFile file
                        ? "<file " + file.fileName() + " " + file.contentType() + ">"
                        : resolve(((io.loadsmith.model.Body.MultipartField) part).value(), values)));
            }
            body = Body.multipart(parts);
        } else if (planBody instanceof io.loadsmith.model.Body.RawBody raw) {
            headers.putIfAbsent("Content-Type", raw.contentType());
            body = new Body("text", null, resolve(raw.content(), values));
        } else if (planBody instanceof io.loadsmith.model.Body.BinaryBody binary) {
            headers.putIfAbsent("Content-Type", binary.contentType());
            body = new Body("binary", null, null);
        }
        return new Request(request.name(), request.method().name(), base.getScheme() + "://" + base.getRawAuthority(),
                path, query, headers, cookies, body);
    }

    private static JsonNode json(Json value, Map<String, String> values) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Json.JsonObject object) {
            ObjectNode node = f.objectNode();
            object.members().forEach(m -> node.set(m.key(), json(m.value(), values)));
            return node;
        }
        if (value instanceof Json.JsonArray array) {
            ArrayNode node = f.arrayNode();
            array.items().forEach(item -> node.add(json(item, values)));
            return node;
        }
        if (value instanceof Json.JsonString string) {
            return f.textNode(resolve(string.value(), values));
        }
        if (value instanceof Json.JsonNumber number) {
            return f.numberNode(number.value());
        }
        if (value instanceof Json.JsonBoolean bool) {
            return f.booleanNode(bool.value());
        }
        if (value instanceof Json.JsonRef ref) {
            return f.textNode(values.get(ref.variable()));
        }
        return f.nullNode();
    }
}
