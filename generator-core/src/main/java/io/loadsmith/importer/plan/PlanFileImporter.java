package io.loadsmith.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Importer;
import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Durations;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.GraphQl;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.ThinkTime;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Variable;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.model.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan file. Every error names the JSON pointer and line of the value at fault, and what
 * the value should have been.
 */
public final class PlanFileImporter implements Importer {
    private static final Pattern HEAD = Pattern.compile("(?m)^[\"']?loadsmith[\"']?\\s*:");
    private static final Pattern STATUS_RANGE = Pattern.compile("(\\d)xx|(\\d{3})-(\\d{3})|(\\d{3})", Pattern.CASE_INSENSITIVE);

    @Override
    public boolean accepts(String head) {
        return HEAD.matcher(head).find();
    }

    @Override
    public ImportResult importFile(Path input, ImportOptions options) {
        return new ImportResult(new Reader(input, Documents.read(input)).plan(), List.of());
    }

    /** Reads a plan from YAML text; {@code file} names it in errors. */
    public static TestPlan parse(Path file, String yaml) {
        return new Reader(file, Documents.parse(file, yaml)).plan();
    }

    private static final class Reader {
        private final Path file;
        private final JsonNode root;

        Reader(Path file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        private ImportException error(String pointer, String message) {
            return new ImportException(file, Documents.place(file, pointer), message);
        }

        /** Runs a model constructor, turning its complaint into an error at {@code pointer}. */
        private <T> T at(String pointer, Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw error(pointer, e.getMessage());
            }
        }

        TestPlan plan() {
            if (!root.isObject()) {
                throw error("", "a plan file is a mapping that starts with 'loadsmith: 1'");
            }
            JsonNode version = root.get("loadsmith");
            if (version == null || !version.canConvertToInt() || version.asInt() != PlanFileWriter.VERSION) {
                throw error("/loadsmith", "this plan file format version is not supported; write 'loadsmith: "
                        + PlanFileWriter.VERSION + "'");
            }
            known(root, "", Set.of("loadsmith", "name", "baseUrl", "variables", "auth", "headers", "workload",
                    "thresholds", "scenarios"));
            String name = text(root, "", "name");
            String baseUrl = text(root, "", "baseUrl");
            List<Variable> variables = new ArrayList<>();
            forEach(root, "", "variables", (node, pointer) -> variables.add(variable(node, pointer)));
            Auth auth = root.has("auth") ? auth(root.get("auth"), "/auth") : Auth.none();
            List<Param> headers = params(root, "", "headers");
            Workload workload = root.has("workload") ? workload(root.get("workload"), "/workload") : null;
            List<Threshold> thresholds = new ArrayList<>();
            forEach(root, "", "thresholds", (node, pointer) -> thresholds.add(at(pointer, () -> Threshold.parse(scalar(node, pointer)))));
            List<Scenario> scenarios = new ArrayList<>();
            forEach(root, "", "scenarios", (node, pointer) -> scenarios.add(scenario(node, pointer)));
            return at("", () -> {
                TestPlan.Builder builder = TestPlan.builder(name, baseUrl).variables(variables).auth(auth).headers(headers)
                        .scenarios(scenarios).thresholds(thresholds);
                if (workload != null) {
                    builder.workload(workload);
                }
                return builder.build();
            });
        }

        private Variable variable(JsonNode node, String pointer) {
            known(node, pointer, Set.of("name", "env", "secret", "default", "description"));
            String name = text(node, pointer, "name");
            String env = node.has("env") ? text(node, pointer, "env") : name;
            boolean secret = bool(node, pointer, "secret", false);
            String defaultValue = node.has("default") ? scalar(node.get("default"), pointer + "/default") : null;
            String description = node.has("description") ? text(node, pointer, "description") : "";
            return at(pointer, () -> new Variable(name, env, defaultValue, secret, description));
        }

        private Auth auth(JsonNode node, String pointer) {
            String type = text(node, pointer, "type");
            return switch (type) {
                case "none" -> Auth.none();
                case "bearer" -> {
                    known(node, pointer, Set.of("type", "token"));
                    yield at(pointer, () -> new Auth.Bearer(template(node, pointer, "token")));
                }
                case "basic" -> {
                    known(node, pointer, Set.of("type", "username", "password"));
                    yield at(pointer, () -> new Auth.Basic(template(node, pointer, "username"), template(node, pointer, "password")));
                }
                case "apiKey" -> {
                    known(node, pointer, Set.of("type", "name", "in", "value"));
                    String in = text(node, pointer, "in");
                    Auth.ApiKey.Location location;
                    try {
                        location = Auth.ApiKey.Location.valueOf(in.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw error(pointer + "/in", "'" + in + "' is not an API key location: use header, query or cookie");
                    }
                    yield at(pointer, () -> new Auth.ApiKey(text(node, pointer, "name"), location, template(node, pointer, "value")));
                }
                case "oauth2-client-credentials" -> {
                    known(node, pointer, Set.of("type", "tokenUrl", "clientId", "clientSecret", "scopes"));
                    List<String> scopes = new ArrayList<>();
                    forEach(node, pointer, "scopes", (scope, p) -> scopes.add(scalar(scope, p)));
                    yield at(pointer, () -> new Auth.OAuth2ClientCredentials(text(node, pointer, "tokenUrl"),
                            template(node, pointer, "clientId"), template(node, pointer, "clientSecret"), scopes));
                }
                default -> throw error(pointer + "/type", "'" + type
                        + "' is not an auth type: use none, bearer, basic, apiKey or oauth2-client-credentials");
            };
        }

        private Workload workload(JsonNode node, String pointer) {
            String type = text(node, pointer, "type");
            if (type.equals("closed")) {
                known(node, pointer, Set.of("type", "startUsers", "stages"));
                int start = integer(node, pointer, "startUsers", 0);
                List<Workload.UserStage> stages = new ArrayList<>();
                forEach(node, pointer, "stages", (stage, p) -> {
                    known(stage, p, Set.of("duration", "users"));
                    stages.add(at(p, () -> new Workload.UserStage(duration(stage, p, "duration"), integer(stage, p, "users", null))));
                });
                return at(pointer, () -> new Workload.ClosedWorkload(start, stages));
            }
            if (type.equals("open")) {
                known(node, pointer, Set.of("type", "startRate", "preAllocatedUsers", "maxUsers", "stages"));
                double start = decimal(node, pointer, "startRate", 0.0);
                int pre = integer(node, pointer, "preAllocatedUsers", null);
                int max = integer(node, pointer, "maxUsers", null);
                List<Workload.RateStage> stages = new ArrayList<>();
                forEach(node, pointer, "stages", (stage, p) -> {
                    known(stage, p, Set.of("duration", "rate"));
                    stages.add(at(p, () -> new Workload.RateStage(duration(stage, p, "duration"), decimal(stage, p, "rate", null))));
                });
                return at(pointer, () -> new Workload.OpenWorkload(start, stages, pre, max));
            }
            throw error(pointer + "/type", "'" + type + "' is not a workload type: use closed (virtual users) or open (arrival rate)");
        }

        private Scenario scenario(JsonNode node, String pointer) {
            known(node, pointer, Set.of("name", "weight", "steps"));
            String name = text(node, pointer, "name");
            int weight = integer(node, pointer, "weight", 1);
            List<Step> steps = steps(node, pointer);
            return at(pointer, () -> new Scenario(name, weight, steps));
        }

        private List<Step> steps(JsonNode node, String pointer) {
            List<Step> steps = new ArrayList<>();
            forEach(node, pointer, "steps", (step, p) -> steps.add(step(step, p)));
            return steps;
        }

        private Step step(JsonNode node, String pointer) {
            if (node.has("request")) {
                return request(node, pointer);
            }
            if (node.has("graphql")) {
                return graphql(node, pointer);
            }
            if (node.has("websocket")) {
                return webSocket(node, pointer);
            }
            if (node.has("think")) {
                known(node, pointer, Set.of("think"));
                String think = text(node, pointer, "think");
                String[] bounds = think.split("-", 2);
                return at(pointer + "/think", () -> new ThinkTime(Durations.parse(bounds[0]),
                        Durations.parse(bounds.length > 1 ? bounds[1] : bounds[0])));
            }
            if (node.has("group")) {
                known(node, pointer, Set.of("group", "steps"));
                String name = text(node, pointer, "group");
                List<Step> steps = steps(node, pointer);
                return at(pointer, () -> new Group(name, steps));
            }
            throw error(pointer, "a step is a request (request: name), a GraphQL operation (graphql: name), a WebSocket session "
                    + "(websocket: name), a pause (think: 1s) or a group (group: name)");
        }

        private HttpRequest request(JsonNode node, String pointer) {
            known(node, pointer, Set.of("request", "method", "path", "pathParams", "query", "headers", "cookies", "auth",
                    "body", "checks", "extract"));
            String methodText = text(node, pointer, "method");
            HttpMethod method;
            try {
                method = HttpMethod.valueOf(methodText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(pointer + "/method", "'" + methodText + "' is not an HTTP method: use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or TRACE");
            }
            HttpRequest.Builder builder = HttpRequest.builder(method, text(node, pointer, "path")).name(text(node, pointer, "request"));
            JsonNode pathParams = node.get("pathParams");
            if (pathParams != null) {
                if (!pathParams.isObject()) {
                    throw error(pointer + "/pathParams", "pathParams is a mapping from placeholder to value");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = pathParams.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String p = pointer + "/pathParams/" + field.getKey();
                    builder.pathParam(field.getKey(), at(p, () -> Text.parse(scalar(field.getValue(), p))));
                }
            }
            params(node, pointer, "query").forEach(q -> builder.query(q.name(), q.value()));
            params(node, pointer, "headers").forEach(h -> builder.header(h.name(), h.value()));
            params(node, pointer, "cookies").forEach(c -> builder.cookie(c.name(), c.value()));
            builder.authenticated(bool(node, pointer, "auth", true));
            if (node.has("body")) {
                builder.body(body(node.get("body"), pointer + "/body"));
            }
            forEach(node, pointer, "checks", (check, p) -> builder.check(check(check, p)));
            forEach(node, pointer, "extract", (extraction, p) -> builder.extract(extraction(extraction, p)));
            return at(pointer, builder::build);
        }

        /**
         * A GraphQL operation: its name, the endpoint (default /graphql), the document as it is
         * sent ({@code query}, no template) and its variables as JSON (where {@code {$var: id}}
         * puts an extracted value with its JSON type).
         */
        private HttpRequest graphql(JsonNode node, String pointer) {
            known(node, pointer, Set.of("graphql", "endpoint", "query", "variables", "headers", "auth", "checks", "extract"));
            String name = text(node, pointer, "graphql");
            String endpoint = node.has("endpoint") ? text(node, pointer, "endpoint") : GraphQl.DEFAULT_ENDPOINT;
            String document = text(node, pointer, "query");
            Json variables = node.has("variables") ? json(node.get("variables"), pointer + "/variables") : null;
            HttpRequest.Builder builder = at(pointer, () -> GraphQl.request(name, endpoint, document, variables));
            params(node, pointer, "headers").forEach(h -> builder.header(h.name(), h.value()));
            builder.authenticated(bool(node, pointer, "auth", true));
            forEach(node, pointer, "checks", (check, p) -> builder.check(check(check, p)));
            forEach(node, pointer, "extract", (extraction, p) -> builder.extract(extraction(extraction, p)));
            return at(pointer, builder::build);
        }

        private Body body(JsonNode node, String pointer) {
            if (node.has("json")) {
                known(node, pointer, Set.of("json", "contentType"));
                String contentType = node.has("contentType") ? text(node, pointer, "contentType") : "application/json";
                Json value = json(node.get("json"), pointer + "/json");
                return at(pointer, () -> new Body.JsonBody(contentType, value));
            }
            if (node.has("form")) {
                known(node, pointer, Set.of("form"));
                return new Body.FormBody(params(node, pointer, "form"));
            }
            if (node.has("multipart")) {
                known(node, pointer, Set.of("multipart"));
                List<Body.MultipartPart> parts = new ArrayList<>();
                forEach(node, pointer, "multipart", (part, p) -> {
                    String name = text(part, p, "name");
                    if (part.has("file")) {
                        known(part, p, Set.of("name", "file", "contentType", "base64"));
                        parts.add(at(p, () -> new Body.MultipartFile(name, text(part, p, "file"),
                                text(part, p, "contentType"), text(part, p, "base64"))));
                    } else {
                        known(part, p, Set.of("name", "value"));
                        parts.add(at(p, () -> new Body.MultipartField(name, template(part, p, "value"))));
                    }
                });
                return new Body.MultipartBody(parts);
            }
            if (node.has("text")) {
                known(node, pointer, Set.of("text", "contentType"));
                return at(pointer, () -> new Body.RawBody(text(node, pointer, "contentType"), template(node, pointer, "text")));
            }
            if (node.has("base64")) {
                known(node, pointer, Set.of("base64", "contentType"));
                return at(pointer, () -> new Body.BinaryBody(text(node, pointer, "contentType"), text(node, pointer, "base64")));
            }
            throw error(pointer, "a body has one of json, form, multipart, text (with contentType) or base64 (with contentType)");
        }

        private Json json(JsonNode node, String pointer) {
            if (node.isObject()) {
                if (node.size() == 1 && node.has("$var")) {
                    return at(pointer, () -> new Json.JsonRef(scalar(node.get("$var"), pointer + "/$var")));
                }
                List<Json.Member> members = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String key = field.getKey().matches("\\$\\$+var") ? field.getKey().substring(1) : field.getKey();
                    members.add(new Json.Member(key, json(field.getValue(), pointer + "/" + field.getKey())));
                }
                return new Json.JsonObject(members);
            }
            if (node.isArray()) {
                List<Json> items = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    items.add(json(node.get(i), pointer + "/" + i));
                }
                return new Json.JsonArray(items);
            }
            if (node.isNumber()) {
                return new Json.JsonNumber(node.decimalValue());
            }
            if (node.isBoolean()) {
                return new Json.JsonBoolean(node.booleanValue());
            }
            if (node.isNull()) {
                return new Json.JsonNull();
            }
            return new Json.JsonString(at(pointer, () -> Text.parse(node.asText())));
        }

        private Check check(JsonNode node, String pointer) {
            if (node.has("status")) {
                known(node, pointer, Set.of("status"));
                String status = scalar(node.get("status"), pointer + "/status");
                Matcher m = STATUS_RANGE.matcher(status);
                if (!m.matches()) {
                    throw error(pointer + "/status", "'" + status + "' is not a status: write 200, 2xx or 200-204");
                }
                return at(pointer, () -> m.group(1) != null
                        ? new Check.StatusCheck(Integer.parseInt(m.group(1)) * 100, Integer.parseInt(m.group(1)) * 100 + 99)
                        : m.group(2) != null ? new Check.StatusCheck(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        : Check.StatusCheck.is(Integer.parseInt(m.group(4))));
            }
            if (node.has("bodyContains")) {
                known(node, pointer, Set.of("bodyContains"));
                return at(pointer, () -> new Check.BodyContains(text(node, pointer, "bodyContains")));
            }
            if (node.has("jsonPathExists")) {
                known(node, pointer, Set.of("jsonPathExists"));
                return at(pointer, () -> new Check.JsonPathExists(JsonPath.parse(text(node, pointer, "jsonPathExists"))));
            }
            if (node.has("noGraphQlErrors")) {
                known(node, pointer, Set.of("noGraphQlErrors"));
                if (!bool(node, pointer, "noGraphQlErrors", true)) {
                    throw error(pointer + "/noGraphQlErrors", "write noGraphQlErrors: true, or leave the check out");
                }
                return new Check.NoGraphQlErrors();
            }
            throw error(pointer, "a check is status: 200, bodyContains: text, jsonPathExists: $.path or noGraphQlErrors: true");
        }

        /**
         * A WebSocket session: its name, path, query, headers, subprotocol, auth and actions, each
         * one of {@code send: text} (a template) or {@code send: {json}}, {@code expect: name}
         * (with {@code json: $.path}, {@code equals}, {@code timeout}, {@code extract}) and
         * {@code pause: 1s}.
         */
        private WebSocketSession webSocket(JsonNode node, String pointer) {
            known(node, pointer, Set.of("websocket", "path", "query", "headers", "subprotocol", "auth", "actions"));
            String name = text(node, pointer, "websocket");
            String path = text(node, pointer, "path");
            List<Param> query = params(node, pointer, "query");
            List<Param> headers = params(node, pointer, "headers");
            String subprotocol = node.has("subprotocol") ? text(node, pointer, "subprotocol") : null;
            boolean authenticated = bool(node, pointer, "auth", true);
            List<WebSocketSession.Action> actions = new ArrayList<>();
            forEach(node, pointer, "actions", (action, p) -> actions.add(webSocketAction(action, p)));
            return at(pointer, () -> new WebSocketSession(name, path, query, headers, subprotocol, authenticated, actions));
        }

        private WebSocketSession.Action webSocketAction(JsonNode node, String pointer) {
            if (node.has("send")) {
                known(node, pointer, Set.of("send"));
                JsonNode message = node.get("send");
                if (message.isContainerNode()) {
                    Json json = json(message, pointer + "/send");
                    return WebSocketSession.Send.json(json);
                }
                return WebSocketSession.Send.text(template(node, pointer, "send"));
            }
            if (node.has("expect")) {
                known(node, pointer, Set.of("expect", "json", "equals", "timeout", "extract"));
                String name = text(node, pointer, "expect");
                JsonPath path = node.has("json") ? at(pointer + "/json", () -> JsonPath.parse(text(node, pointer, "json"))) : null;
                Text equals = node.has("equals") ? template(node, pointer, "equals") : null;
                java.time.Duration timeout = node.has("timeout") ? duration(node, pointer, "timeout") : WebSocketSession.DEFAULT_TIMEOUT;
                List<Extraction> extractions = new ArrayList<>();
                forEach(node, pointer, "extract", (extraction, p) -> extractions.add(extraction(extraction, p)));
                return at(pointer, () -> new WebSocketSession.Expect(name, path, equals, timeout, extractions));
            }
            if (node.has("pause")) {
                known(node, pointer, Set.of("pause"));
                java.time.Duration pause = duration(node, pointer, "pause");
                return at(pointer, () -> new WebSocketSession.Pause(pause));
            }
            throw error(pointer, "a WebSocket action is send: message, expect: name or pause: 1s");
        }

        private Extraction extraction(JsonNode node, String pointer) {
            String variable = text(node, pointer, "var");
            if (node.has("json")) {
                known(node, pointer, Set.of("var", "json"));
                return at(pointer, () -> new Extraction.FromJson(variable, JsonPath.parse(text(node, pointer, "json"))));
            }
            if (node.has("header")) {
                known(node, pointer, Set.of("var", "header", "regex"));
                return at(pointer, () -> new Extraction.FromHeader(variable, text(node, pointer, "header"),
                        node.has("regex") ? text(node, pointer, "regex") : null));
            }
            if (node.has("regex")) {
                known(node, pointer, Set.of("var", "regex", "group"));
                return at(pointer, () -> new Extraction.FromRegex(variable, text(node, pointer, "regex"), integer(node, pointer, "group", 1)));
            }
            throw error(pointer, "an extraction has var and one of json: $.path, header: Name or regex: pattern");
        }

        private List<Param> params(JsonNode parent, String pointer, String key) {
            List<Param> params = new ArrayList<>();
            forEach(parent, pointer, key, (node, p) -> {
                known(node, p, Set.of("name", "value"));
                String name = text(node, p, "name");
                Text value = template(node, p, "value");
                params.add(at(p, () -> new Param(name, value)));
            });
            return params;
        }

        private interface Visitor {
            void visit(JsonNode node, String pointer);
        }

        private void forEach(JsonNode parent, String pointer, String key, Visitor visitor) {
            JsonNode list = parent.get(key);
            if (list == null || list.isNull()) {
                return;
            }
            if (!list.isArray()) {
                throw error(pointer + "/" + key, key + " must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                visitor.visit(list.get(i), pointer + "/" + key + "/" + i);
            }
        }

        private void known(JsonNode node, String pointer, Set<String> keys) {
            if (!node.isObject()) {
                throw error(pointer, "expected a mapping with " + String.join(", ", keys.stream().sorted().toList()));
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!keys.contains(name)) {
                    throw error(pointer + "/" + name, "unknown key '" + name + "'; expected one of "
                            + String.join(", ", keys.stream().sorted().toList()));
                }
            }
        }

        private String text(JsonNode parent, String pointer, String key) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                throw error(pointer, "'" + key + "' is missing");
            }
            return scalar(node, pointer + "/" + key);
        }

        private String scalar(JsonNode node, String pointer) {
            if (!node.isValueNode() || node.isNull()) {
                throw error(pointer, "expected a single value, not a " + (node.isArray() ? "list" : node.isObject() ? "mapping" : "null"));
            }
            return node.asText();
        }

        private Text template(JsonNode parent, String pointer, String key) {
            String value = text(parent, pointer, key);
            return at(pointer + "/" + key, () -> Text.parse(value));
        }

        private boolean bool(JsonNode parent, String pointer, String key, boolean fallback) {
            JsonNode node = parent.get(key);
            if (node == null) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw error(pointer + "/" + key, key + " must be true or false");
            }
            return node.booleanValue();
        }

        private int integer(JsonNode parent, String pointer, String key, Integer fallback) {
            JsonNode node = parent.get(key);
            if (node == null) {
                if (fallback == null) {
                    throw error(pointer, "'" + key + "' is missing");
                }
                return fallback;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw error(pointer + "/" + key, key + " must be a whole number");
            }
            return node.intValue();
        }

        private double decimal(JsonNode parent, String pointer, String key, Double fallback) {
            JsonNode node = parent.get(key);
            if (node == null) {
                if (fallback == null) {
                    throw error(pointer, "'" + key + "' is missing");
                }
                return fallback;
            }
            if (!node.isNumber()) {
                throw error(pointer + "/" + key, key + " must be a number");
            }
            return node.doubleValue();
        }

        private java.time.Duration duration(JsonNode parent, String pointer, String key) {
            String text = text(parent, pointer, key);
            return at(pointer + "/" + key, () -> Durations.parse(text));
        }
    }
}
