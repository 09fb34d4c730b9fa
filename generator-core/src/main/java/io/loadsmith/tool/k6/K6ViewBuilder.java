package io.loadsmith.tool.k6;

import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Durations;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
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
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.ResolvedRequest;
import io.loadsmith.render.UrlEncoding;
import io.loadsmith.render.code.JsCode;
import io.loadsmith.render.code.JsWebSocketActions;
import io.loadsmith.render.escape.JavaScript;
import io.loadsmith.render.escape.NameAllocator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a plan into the k6 script's view; every k6-specific decision is made here. */
final class K6ViewBuilder {
    private static final String ACCESS_TOKEN = "data.accessToken";
    private static final String MULTIPART_BOUNDARY = "----LoadsmithFormBoundary7MA4YWxkTrZu0gW";

    private final TestPlan plan;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<RenderedFile> dataFiles = new ArrayList<>();
    private final List<K6Views.DataFile> fileViews = new ArrayList<>();
    private final NameAllocator names = NameAllocator.javaScript();
    private final Map<String, String> constants = new HashMap<>();
    private final JsCode js;
    private boolean usesEncoding;
    private final Map<String, String> encodedOnce = new HashMap<>();
    private final List<K6Views.Constant> constantViews = new ArrayList<>();
    private boolean usesTextParts;
    private boolean usesGroup;
    private boolean usesSleep;
    private boolean usesCheck;
    private boolean usesWebSocket;

    K6ViewBuilder(TestPlan plan) {
        this.plan = plan;
        // What the template itself declares or imports, and k6's own exports.
        for (String reserved : List.of("BASE_URL", "MULTIPART_BOUNDARY", "http", "check", "group", "sleep", "encoding", "options",
                "setup", "teardown", "handleSummary", "textParts", "vars", "res", "data", "pick", "ws", "Trend", "WS_URL", "wsReplyTime",
                "webSocketSession", "jsonPathValue")) {
            names.reserve(reserved);
        }
        for (Variable variable : plan.variables()) {
            constants.put(variable.name(), names.newVerbatimName(variable.name(), variable));
        }
        this.js = new JsCode(name -> constants.containsKey(name) ? constants.get(name) : "vars." + name, constants::containsKey);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<RenderedFile> dataFiles() {
        return dataFiles;
    }

    K6Views.Script build(String sourceName) {
        List<K6Views.EnvVariable> variables = new ArrayList<>();
        List<K6Views.EnvVariable> required = new ArrayList<>();
        for (Variable variable : plan.variables()) {
            K6Views.EnvVariable view = new K6Views.EnvVariable(constants.get(variable.name()), variable.env(),
                    variable.defaultValue() != null, variable.defaultValue() == null ? "" : variable.defaultValue(),
                    variable.description().isBlank() ? variable.name() : variable.description());
            variables.add(view);
            if (variable.required()) {
                required.add(view);
            }
        }
        K6Views.OAuth2 oauth2 = null;
        if (plan.auth() instanceof Auth.OAuth2ClientCredentials oauth) {
            List<String> keys = new ArrayList<>(List.of("grant_type", "client_id", "client_secret"));
            List<Text> values = new ArrayList<>(List.of(Text.of("client_credentials"), oauth.clientId(), oauth.clientSecret()));
            if (!oauth.scopes().isEmpty()) {
                keys.add("scope");
                values.add(Text.of(String.join(" ", oauth.scopes())));
            }
            oauth2 = new K6Views.OAuth2(absoluteUrlCode(oauth.tokenUrl()), js.stringMap(keys, values), "oauth2 token");
        }
        List<K6Views.Scenario> scenarios = scenarios(oauth2 != null);
        List<String> imports = new ArrayList<>();
        if (usesCheck || usesWebSocket) {
            imports.add("check");
        }
        if (usesGroup) {
            imports.add("group");
        }
        if (usesSleep) {
            imports.add("sleep");
        }
        List<K6Views.Threshold> thresholds = thresholds();
        return new K6Views.Script(plan.name(), sourceName, String.join(", ", imports), usesEncoding, usesTextParts, usesWebSocket,
                usesTextParts ? MULTIPART_BOUNDARY : null,
                plan.baseUrl(), variables, fileViews, constantViews, executors(scenarios), scenarios, !thresholds.isEmpty(), thresholds,
                !required.isEmpty() || oauth2 != null, required, oauth2, defaultFunction(scenarios, oauth2 != null));
    }

    /** One scenario: it runs every iteration; several: one per iteration, in proportion to their weights. */
    private K6Views.DefaultFunction defaultFunction(List<K6Views.Scenario> scenarios, boolean usesData) {
        List<K6Views.Pick> picks = new ArrayList<>();
        long total = plan.scenarios().stream().mapToLong(Scenario::weight).sum();
        long upTo = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            upTo += plan.scenarios().get(i).weight();
            picks.add(new K6Views.Pick(scenarios.get(i).function(), Long.toString(upTo), i == scenarios.size() - 1));
        }
        return new K6Views.DefaultFunction(usesData, scenarios.size() > 1, Long.toString(total), picks);
    }

    private List<K6Views.Scenario> scenarios(boolean usesData) {
        List<K6Views.Scenario> views = new ArrayList<>();
        for (Scenario scenario : plan.scenarios()) {
            String function = names.newName(scenario.name(), scenario);
            ScenarioState state = new ScenarioState();
            List<K6Views.Step> steps = steps(scenario.steps(), state);
            views.add(new K6Views.Scenario(scenario.name(), function, usesData, state.usesVars,
                    !scenario.requests().isEmpty(), steps));
        }
        return views;
    }

    /**
     * The entries of {@code options.scenarios}. One plan scenario runs in its own executor; several
     * share one executor with the plan's whole workload, whose iterations (or arrivals) each run one
     * scenario picked by weight, as the plan defines them: many scenarios are not many users.
     */
    private List<K6Views.Executor> executors(List<K6Views.Scenario> scenarios) {
        ExecutorView executor = executor(plan.workload());
        if (scenarios.size() == 1) {
            K6Views.Scenario only = scenarios.get(0);
            // k6 scenario names allow letters, digits, '_' and '-': the function's name is one.
            return List.of(new K6Views.Executor(only.function(), only.name(), only.function(), executor.executor(),
                    executor.settings(), !executor.stages().isEmpty(), executor.stages()));
        }
        return List.of(new K6Views.Executor("journeys", "each iteration runs one of the " + scenarios.size()
                + " scenarios, picked by weight (the default function)", null, executor.executor(), executor.settings(),
                !executor.stages().isEmpty(), executor.stages()));
    }

    private static final class ScenarioState {
        boolean usesVars;
    }

    private record ExecutorView(String executor, List<K6Views.Setting> settings, List<K6Views.Stage> stages) {}

    /** The k6 executor of a workload. */
    private ExecutorView executor(Workload workload) {
        if (workload instanceof Workload.ClosedWorkload closed) {
            int start = closed.startUsers();
            if ((closed.isConstant() || closed.stages().stream().allMatch(s -> s.users() == start))
                    && !closed.stages().isEmpty() && start > 0) {
                return new ExecutorView("constant-vus", List.of(
                        new K6Views.Setting("vus", Integer.toString(start)),
                        new K6Views.Setting("duration", JavaScript.quote(Durations.format(closed.duration())))),
                        List.of());
            }
            List<K6Views.Stage> stages = new ArrayList<>();
            for (Workload.UserStage stage : closed.stages()) {
                stages.add(new K6Views.Stage(Durations.format(stage.duration()), Integer.toString(stage.users())));
            }
            return new ExecutorView("ramping-vus", List.of(new K6Views.Setting("startVUs", Integer.toString(start))), stages);
        }
        Workload.OpenWorkload open = (Workload.OpenWorkload) workload;
        List<Double> rates = new ArrayList<>();
        rates.add(open.startRate());
        open.stages().forEach(s -> rates.add(s.rate()));
        TimeUnit unit = timeUnit(rates);
        // The model holds 1 <= pre-allocated <= max users.
        int max = open.maxUsers();
        int pre = open.preAllocatedUsers();
        if (!unit.exact) {
            diagnostics.add(Diagnostic.warning("workload",
                    "k6 arrival rates are whole numbers per time unit; the rates were rounded per hour"));
        }
        List<K6Views.Setting> settings = new ArrayList<>();
        if (open.isConstant()) {
            settings.add(new K6Views.Setting("rate", unit.count(rates.get(0))));
            settings.add(new K6Views.Setting("timeUnit", JavaScript.quote(unit.label)));
            settings.add(new K6Views.Setting("duration", JavaScript.quote(Durations.format(open.duration()))));
            settings.add(new K6Views.Setting("preAllocatedVUs", Integer.toString(pre)));
            settings.add(new K6Views.Setting("maxVUs", Integer.toString(max)));
            return new ExecutorView("constant-arrival-rate", settings, List.of());
        }
        settings.add(new K6Views.Setting("startRate", unit.count(rates.get(0))));
        settings.add(new K6Views.Setting("timeUnit", JavaScript.quote(unit.label)));
        settings.add(new K6Views.Setting("preAllocatedVUs", Integer.toString(pre)));
        settings.add(new K6Views.Setting("maxVUs", Integer.toString(max)));
        List<K6Views.Stage> stages = new ArrayList<>();
        for (int s = 0; s < open.stages().size(); s++) {
            stages.add(new K6Views.Stage(Durations.format(open.stages().get(s).duration()), unit.count(rates.get(s + 1))));
        }
        return new ExecutorView("ramping-arrival-rate", settings, stages);
    }

    /** The coarsest of 1s, 1m and 1h at which every rate is a whole number of arrivals. */
    private record TimeUnit(String label, int seconds, boolean exact) {
        String count(double perSecond) {
            return Long.toString(Math.round(perSecond * seconds));
        }
    }

    private static TimeUnit timeUnit(List<Double> rates) {
        for (TimeUnit unit : List.of(new TimeUnit("1s", 1, true), new TimeUnit("1m", 60, true))) {
            if (rates.stream().allMatch(r -> Math.abs(r * unit.seconds - Math.round(r * unit.seconds)) < 1e-9)) {
                return unit;
            }
        }
        boolean exact = rates.stream().allMatch(r -> Math.abs(r * 3600 - Math.round(r * 3600)) < 1e-9);
        return new TimeUnit("1h", 3600, exact);
    }

    private List<K6Views.Step> steps(List<Step> steps, ScenarioState state) {
        List<K6Views.Step> views = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof HttpRequest request) {
                views.add(new K6Views.Step(request(request, state), null, null, null));
            } else if (step instanceof WebSocketSession session) {
                views.add(new K6Views.Step(null, webSocket(session, state), null, null));
            } else if (step instanceof ThinkTime think) {
                usesSleep = true;
                views.add(new K6Views.Step(null, null, new K6Views.Think(thinkCode(think)), null));
            } else {
                Group group = (Group) step;
                usesGroup = true;
                views.add(new K6Views.Step(null, null, null, new K6Views.Group(group.name(), steps(group.steps(), state))));
            }
        }
        return views;
    }

    private static String thinkCode(ThinkTime think) {
        String min = Durations.seconds(think.min());
        if (think.isFixed()) {
            return min;
        }
        String spread = Durations.seconds(think.max().minus(think.min()));
        return min + " + Math.random() * " + spread;
    }

    private K6Views.Request request(HttpRequest request, ScenarioState state) {
        ResolvedRequest resolved = ResolvedRequest.of(plan, request);
        List<String> headerKeys = new ArrayList<>();
        List<String> headerCodes = new ArrayList<>();
        for (ResolvedRequest.Header header : resolved.headers(false, true)) {
            headerKeys.add(header.name());
            headerCodes.add(headerCode(header.value()));
        }
        List<Param> query = resolved.query();
        List<String> cookieKeys = new ArrayList<>();
        List<String> cookieCodes = new ArrayList<>();
        for (Param cookie : resolved.cookies()) {
            cookieKeys.add(cookie.name());
            cookieCodes.add(js.text(cookie.value()));
        }

        String bodyCode = null;
        Body body = request.body();
        if (body instanceof Body.JsonBody json) {
            bodyCode = "JSON.stringify(" + js.json(json.value()) + ")";
        } else if (body instanceof Body.FormBody form) {
            bodyCode = formCode(form.fields());
        } else if (body instanceof Body.MultipartBody multipart) {
            if (multipart.parts().stream().anyMatch(Body.MultipartFile.class::isInstance)) {
                // k6 writes an object with a file in it as multipart/form-data, with its own boundary and Content-Type.
                bodyCode = multipartObjectCode(request, multipart);
            } else {
                // An object without a file k6 would send as a URL-encoded form: the parts are written out instead.
                usesTextParts = true;
                bodyCode = multipartTextCode(multipart);
                headerKeys.add("Content-Type");
                headerCodes.add("`multipart/form-data; boundary=${MULTIPART_BOUNDARY}`");
            }
        } else if (body instanceof Body.RawBody raw) {
            bodyCode = js.text(raw.content());
        } else if (body instanceof Body.BinaryBody binary) {
            bodyCode = dataFile(request.name(), "body.bin", binary.content());
        }

        String function;
        String methodCode = null;
        boolean bodySlot;
        switch (request.method()) {
            case GET -> { function = "get"; bodySlot = false; }
            case HEAD -> { function = "head"; bodySlot = false; }
            case POST -> { function = "post"; bodySlot = true; }
            case PUT -> { function = "put"; bodySlot = true; }
            case PATCH -> { function = "patch"; bodySlot = true; }
            case DELETE -> { function = "del"; bodySlot = true; }
            case OPTIONS -> { function = "options"; bodySlot = true; }
            default -> {
                function = "request";
                methodCode = JavaScript.quote(request.method().name());
                bodySlot = true;
            }
        }
        if (!bodySlot && bodyCode != null) {
            function = "request";
            methodCode = JavaScript.quote(request.method().name());
        } else if (bodySlot && bodyCode == null) {
            bodyCode = "null";
        }

        String tag = request.name();
        List<K6Views.Check> checks = new ArrayList<>();
        String expectedStatuses = null;
        for (Check check : request.checks()) {
            if (check instanceof Check.StatusCheck status) {
                checks.add(new K6Views.Check(request.name() + ": status is " + status.describe(),
                        status.isSingle() ? "r.status === " + status.from()
                                : "r.status >= " + status.from() + " && r.status <= " + status.to()));
                expectedStatuses = status.isSingle() ? Integer.toString(status.from())
                        : "{ min: " + status.from() + ", max: " + status.to() + " }";
            } else if (check instanceof Check.BodyContains contains) {
                checks.add(new K6Views.Check(request.name() + ": body contains " + abbreviate(contains.text()),
                        "String(r.body).includes(" + JavaScript.quote(contains.text()) + ")"));
            } else if (check instanceof Check.JsonPathExists exists) {
                checks.add(new K6Views.Check(request.name() + ": body has " + exists.path(),
                        "r.json(" + JavaScript.quote(gjson(exists.path())) + ") !== undefined"));
            } else if (check instanceof Check.NoGraphQlErrors) {
                checks.add(new K6Views.Check(request.name() + K6Failures.GRAPHQL_CHECK, "r.json('errors') === undefined"));
            }
        }
        usesCheck |= !checks.isEmpty();
        List<K6Views.Extraction> extractions = new ArrayList<>();
        for (Extraction extraction : request.extractions()) {
            state.usesVars = true;
            extractions.add(new K6Views.Extraction(extractionCode(extraction)));
        }
        if (!request.references().stream().allMatch(constants::containsKey)) {
            state.usesVars = true;
        }
        return new K6Views.Request(resolved.comment(), function, methodCode, urlCode(request, query), bodyCode,
                headerKeys.isEmpty() ? null : objectCode(headerKeys, headerCodes),
                cookieKeys.isEmpty() ? null : objectCode(cookieKeys, cookieCodes), request.expectsRedirect(),
                expectedStatuses, tag, !checks.isEmpty(), checks, extractions);
    }

    /**
     * A WebSocket session of k6/ws: the handshake's URL, headers and name tag as a request's, each
     * action an object the script's webSocketSession() runs in order.
     */
    private K6Views.WebSocket webSocket(WebSocketSession session, ScenarioState state) {
        usesWebSocket = true;
        HttpRequest handshake = session.handshake();
        ResolvedRequest resolved = ResolvedRequest.of(plan, handshake);
        List<String> headerKeys = new ArrayList<>();
        List<String> headerCodes = new ArrayList<>();
        for (ResolvedRequest.Header header : resolved.headers(true, true)) {
            headerKeys.add(header.name());
            headerCodes.add(header.value() instanceof ResolvedRequest.HeaderValue.Cookies cookies ? cookieHeaderCode(cookies.cookies())
                    : headerCode(header.value()));
        }
        List<String> params = new ArrayList<>();
        if (!headerKeys.isEmpty()) {
            params.add("headers: " + objectCode(headerKeys, headerCodes));
        }
        params.add("tags: { name: " + JavaScript.quote(session.name()) + " }");
        List<K6Views.WebSocketAction> actions = JsWebSocketActions.of(session, js, name -> "vars." + name).stream()
                .map(K6Views.WebSocketAction::new).toList();
        if (!session.extractions().isEmpty()) {
            state.usesVars = true;
        }
        if (!session.references().stream().allMatch(constants::containsKey)) {
            state.usesVars = true;
        }
        return new K6Views.WebSocket(urlCode(handshake, resolved.query(), "WS_URL"), "{ " + String.join(", ", params) + " }", actions);
    }

    private String cookieHeaderCode(List<Param> cookies) {
        List<String> pairs = new ArrayList<>();
        for (Param cookie : cookies) {
            pairs.add(JavaScript.quote(cookie.name() + "=") + " + " + js.text(cookie.value()));
        }
        return String.join(" + '; ' + ", pairs);
    }

    /** A header's value as a JavaScript expression. */
    private String headerCode(ResolvedRequest.HeaderValue value) {
        if (value instanceof ResolvedRequest.HeaderValue.Plain plain) {
            return js.text(plain.text());
        }
        if (value instanceof ResolvedRequest.HeaderValue.AccessToken) {
            return "`Bearer ${" + ACCESS_TOKEN + "}`";
        }
        if (value instanceof ResolvedRequest.HeaderValue.Basic basic) {
            usesEncoding = true;
            Text credentials = Text.concat(basic.credentials().username(), Text.of(":"), basic.credentials().password());
            String code = "`Basic ${encoding.b64encode(" + js.text(credentials) + ")}`";
            boolean fromSettings = credentials.parts().stream()
                    .allMatch(part -> !(part instanceof Text.Ref ref) || constants.containsKey(ref.variable()));
            if (!fromSettings) {
                return code;
            }
            // Credentials from the environment are encoded once, in the init stage, not at every request.
            return encodedOnce.computeIfAbsent(code, c -> {
                String constant = names.newName("basic auth");
                constantViews.add(new K6Views.Constant(constant, c));
                return constant;
            });
        }
        throw new IllegalArgumentException("k6 sends cookies in the request's cookies, not as a header: " + value);
    }

    private static String objectCode(List<String> keys, List<String> codes) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            members.add(JavaScript.key(keys.get(i)) + ": " + codes.get(i));
        }
        return "{ " + String.join(", ", members) + " }";
    }

    private String urlCode(HttpRequest request, List<Param> query) {
        return urlCode(request, query, "BASE_URL");
    }

    private String urlCode(HttpRequest request, List<Param> query, String base) {
        StringBuilder url = new StringBuilder("`${" + base + "}");
        for (HttpRequest.PathPiece piece : request.pathPieces()) {
            if (piece.isParameter()) {
                url.append(urlPart(request.pathParam(piece.parameter())));
            } else {
                url.append(JavaScript.escape(UrlEncoding.path(piece.literal())));
            }
        }
        for (int i = 0; i < query.size(); i++) {
            Param param = query.get(i);
            url.append(i == 0 ? '?' : '&').append(JavaScript.escape(UrlEncoding.component(param.name())))
                    .append('=').append(urlPart(param.value()));
        }
        return url.append('`').toString();
    }

    /** A URL component inside a template literal: literals encoded now, references at run time. */
    private String urlPart(Text text) {
        StringBuilder out = new StringBuilder();
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal) {
                out.append(JavaScript.escape(UrlEncoding.component(literal.value())));
            } else {
                out.append(js.templateBody(new Text(List.of(part)), true));
            }
        }
        return out.toString();
    }

    private String absoluteUrlCode(String url) {
        if (url.matches("(?i)https?://.*")) {
            return JavaScript.quote(url);
        }
        return "`${BASE_URL}" + JavaScript.escape(url.startsWith("/") ? url : "/" + url) + "`";
    }

    private String formCode(List<Param> fields) {
        boolean unique = fields.stream().map(Param::name).distinct().count() == fields.size();
        if (unique) {
            return js.stringMap(fields.stream().map(Param::name).toList(), fields.stream().map(Param::value).toList());
        }
        StringBuilder out = new StringBuilder("`");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : "&").append(JavaScript.escape(UrlEncoding.component(fields.get(i).name())))
                    .append('=').append(urlPart(fields.get(i).value()));
        }
        return out.append('`').toString();
    }

    /**
     * k6's own multipart support: an object whose values are strings or {@code http.file()}. It holds
     * one part per name, and k6 writes the parts in an order of its own.
     */
    private String multipartObjectCode(HttpRequest request, Body.MultipartBody multipart) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (Body.MultipartPart part : multipart.parts()) {
            String value;
            if (part instanceof Body.MultipartFile file) {
                String constant = dataFile(request.name(), file.fileName(), file.content());
                value = "http.file(" + constant + ", " + JavaScript.quote(file.fileName()) + ", "
                        + JavaScript.quote(file.contentType()) + ")";
            } else {
                value = js.text(((Body.MultipartField) part).value());
            }
            if (parts.remove(part.name()) != null) {
                diagnostics.add(Diagnostic.warning(request.name(), "k6 sends one multipart part per name; only the last '"
                        + part.name() + "' part is sent"));
            }
            parts.put(part.name(), value);
        }
        List<String> members = new ArrayList<>();
        parts.forEach((name, value) -> members.add(JavaScript.key(name) + ": " + value));
        return "{ " + String.join(", ", members) + " }";
    }

    /** Text parts only, in order: {@code textParts([[name, value], ...])}, the template's function (RFC 7578). */
    private String multipartTextCode(Body.MultipartBody multipart) {
        List<String> parts = new ArrayList<>();
        for (Body.MultipartPart part : multipart.parts()) {
            Text value = ((Body.MultipartField) part).value();
            if (value.isLiteral() && value.literalValue().contains(MULTIPART_BOUNDARY)) {
                throw new RenderException("a multipart value of the plan holds the boundary " + MULTIPART_BOUNDARY);
            }
            parts.add("[" + JavaScript.quote(dispositionName(part.name())) + ", " + js.text(value) + "]");
        }
        return "textParts([" + String.join(", ", parts) + "])";
    }

    /** A name in a Content-Disposition header, quoted as browsers do (HTML's form submission algorithm). */
    private static String dispositionName(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Writes bytes beside the script and returns the constant that holds them. */
    private String dataFile(String requestName, String fileName, byte[] content) {
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        String path = "files/" + (dataFiles.size() + 1) + "-" + (safeName.isEmpty() ? "data" : safeName);
        dataFiles.add(new RenderedFile("k6/" + path, content));
        String constant = names.newName("file " + requestName);
        fileViews.add(new K6Views.DataFile(constant, "./" + path));
        return constant;
    }

    private String extractionCode(Extraction extraction) {
        String target = "vars." + extraction.variable();
        if (extraction instanceof Extraction.FromJson json) {
            String path = gjson(json.path());
            return target + " = " + (path.isEmpty() ? "res.json()" : "res.json(" + JavaScript.quote(path) + ")") + ";";
        }
        if (extraction instanceof Extraction.FromHeader header) {
            String value = "res.headers[" + JavaScript.quote(canonicalHeader(header.header())) + "]";
            return header.pattern() == null ? target + " = " + value + ";"
                    : target + " = ((" + value + " || '').match(new RegExp(" + JavaScript.quote(header.pattern()) + ")) || [])[1];";
        }
        Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
        return target + " = (String(res.body).match(new RegExp(" + JavaScript.quote(regex.pattern()) + ")) || [])["
                + regex.group() + "];";
    }

    /** k6's res.json() takes a GJSON path: members and indexes joined by dots, specials escaped. */
    static String gjson(JsonPath path) {
        List<String> parts = new ArrayList<>();
        for (JsonPath.Segment segment : path.segments()) {
            if (segment instanceof JsonPath.Index index) {
                parts.add(Integer.toString(index.index()));
            } else {
                parts.add(((JsonPath.Field) segment).name().replaceAll("([.*?|#@\\\\!=<>%^\\[\\]{}()\"])", "\\\\$1"));
            }
        }
        return String.join(".", parts);
    }

    /** k6 (Go) reports response headers in canonical form: {@code x-request-id} is {@code X-Request-Id}. */
    static String canonicalHeader(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    private List<K6Views.Threshold> thresholds() {
        Map<String, List<String>> byMetric = new LinkedHashMap<>();
        for (Threshold threshold : plan.thresholds()) {
            String metric;
            String expression;
            Threshold.Measure measure = threshold.measure();
            String op = threshold.comparison().symbol();
            String limit = plain(threshold.limit());
            if (measure instanceof Threshold.Percentile p) {
                metric = "http_req_duration";
                expression = "p(" + plain(p.percentile()) + ")" + op + limit;
            } else if (measure instanceof Threshold.MeanLatency) {
                metric = "http_req_duration";
                expression = "avg" + op + limit;
            } else if (measure instanceof Threshold.MaxLatency) {
                metric = "http_req_duration";
                expression = "max" + op + limit;
            } else if (measure instanceof Threshold.ErrorRate) {
                metric = "http_req_failed";
                expression = "rate" + op + limit;
            } else {
                metric = "http_reqs";
                expression = "rate" + op + limit;
            }
            if (threshold.operation() != null) {
                if (!selectable(threshold.operation())) {
                    diagnostics.add(Diagnostic.warning(threshold.operation(), "k6 cannot select this name in a threshold "
                            + "(a comma, or quotes or spaces at either end): '" + threshold.expression()
                            + "' is left out of the script's thresholds; 'loadsmith run' still judges it"));
                    continue;
                }
                metric += "{name:" + threshold.operation() + "}";
            }
            byMetric.computeIfAbsent(metric, k -> new ArrayList<>()).add(expression);
        }
        List<K6Views.Threshold> views = new ArrayList<>();
        byMetric.forEach((metric, expressions) -> views.add(new K6Views.Threshold(JavaScript.key(metric),
                expressions.stream().map(JavaScript::quote).collect(Collectors.joining(", ")))));
        return views;
    }

    /** Whether k6 reads the name back from {@code metric{name:...}}: it splits at commas and trims spaces and quotes. */
    private static boolean selectable(String name) {
        return !name.isBlank() && name.indexOf(',') < 0 && "'\" \t".indexOf(name.charAt(0)) < 0
                && "'\" \t".indexOf(name.charAt(name.length() - 1)) < 0;
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String abbreviate(String text) {
        String single = text.replaceAll("\\s+", " ");
        return single.length() <= 40 ? single : single.substring(0, 37) + "...";
    }
}
