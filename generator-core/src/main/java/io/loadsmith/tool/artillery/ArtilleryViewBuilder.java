package io.loadsmith.tool.artillery;

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
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.ResolvedRequest;
import io.loadsmith.render.UrlEncoding;
import io.loadsmith.render.code.JsCode;
import io.loadsmith.render.code.JsWebSocketActions;
import io.loadsmith.render.escape.JavaScript;
import io.loadsmith.render.escape.Yaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a plan into Artillery's scenario.yml (and processor.js) views; every Artillery decision is made here. */
final class ArtilleryViewBuilder {
    /** The status codes HTTP defines, for expecting a range such as 2xx: the expect plugin takes lists, not ranges. */
    private static final int[] KNOWN_STATUSES = {100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
        300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
        415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508,
        510, 511};
    private static final Pattern PLAIN_QUERY_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String TOKEN = "accessToken";

    private final TestPlan plan;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<RenderedFile> dataFiles = new ArrayList<>();
    private final Map<String, String> yamlNames = new HashMap<>();
    private final Map<String, String> jsNames = new HashMap<>();
    private final ArtilleryValues values;
    private final List<ArtilleryViews.Hook> hooks = new ArrayList<>();
    private final List<ArtilleryViews.Assignment> environment = new ArrayList<>();
    private final Set<String> zeroCounters = new LinkedHashSet<>();
    private boolean groupsFlattened;
    private boolean rawUrlValues;
    /** Variables that a URL path uses, and the variable that holds each one percent-encoded: bookId -> bookIdEncoded. */
    private final Map<String, String> encodedNames = new LinkedHashMap<>();
    private final List<ArtilleryViews.Hook> afterHooks = new ArrayList<>();
    private final List<ArtilleryViews.WebSocket> webSockets = new ArrayList<>();

    ArtilleryViewBuilder(TestPlan plan) {
        this.plan = plan;
        for (Variable variable : plan.variables()) {
            if (variable.defaultValue() == null) {
                yamlNames.put(variable.name(), "$env." + variable.env());
                jsNames.put(variable.name(), "process.env." + variable.env());
            } else {
                yamlNames.put(variable.name(), variable.name());
                jsNames.put(variable.name(), "context.vars." + variable.name());
                environment.add(new ArtilleryViews.Assignment("context.vars." + variable.name(),
                        "process.env." + variable.env() + " || " + JavaScript.quote(variable.defaultValue())));
            }
        }
        JsCode js = new JsCode(name -> jsNames.getOrDefault(name, "context.vars." + name), jsNames::containsKey);
        this.values = new ArtilleryValues(name -> yamlNames.getOrDefault(name, name), js);

        // Artillery inserts a template's value as it is; a value in a path needs an encoded copy.
        Set<String> taken = new HashSet<>();
        plan.variables().forEach(v -> taken.add(v.name()));
        plan.requests().forEach(r -> r.extractions().forEach(e -> taken.add(e.variable())));
        for (HttpRequest request : plan.requests()) {
            for (Param param : request.pathParams()) {
                for (String variable : param.value().references()) {
                    encodedNames.computeIfAbsent(variable, v -> {
                        String name = v + "Encoded";
                        for (int i = 2; taken.contains(name); i++) {
                            name = v + "Encoded" + i;
                        }
                        taken.add(name);
                        return name;
                    });
                }
            }
        }
        for (Variable variable : plan.variables()) {
            String encoded = encodedNames.get(variable.name());
            if (encoded != null) {
                environment.add(new ArtilleryViews.Assignment("context.vars." + encoded, "encodeURIComponent("
                        + (variable.defaultValue() == null ? jsNames.get(variable.name()) + " || ''" : jsNames.get(variable.name())) + ")"));
            }
        }
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<RenderedFile> dataFiles() {
        return dataFiles;
    }

    ArtilleryViews.Script build(String sourceName) {
        boolean closed = plan.workload() instanceof Workload.ClosedWorkload;
        List<ArtilleryViews.Phase> phases = closed ? closedPhases((Workload.ClosedWorkload) plan.workload())
                : openPhases((Workload.OpenWorkload) plan.workload());
        ArtilleryViews.Before before = null;
        if (plan.auth() instanceof Auth.OAuth2ClientCredentials oauth) {
            List<ArtilleryViews.Entry> form = new ArrayList<>(List.of(
                    new ArtilleryViews.Entry("grant_type", "\"client_credentials\""),
                    new ArtilleryViews.Entry("client_id", values.scalar(oauth.clientId())),
                    new ArtilleryViews.Entry("client_secret", values.scalar(oauth.clientSecret()))));
            if (!oauth.scopes().isEmpty()) {
                form.add(new ArtilleryViews.Entry("scope", Yaml.quote(String.join(" ", oauth.scopes()))));
            }
            ArtilleryViews.Body body = new ArtilleryViews.Body(null, null, true, form, false, List.of());
            List<ArtilleryViews.Capture> captures = List.of(new ArtilleryViews.Capture("json", "\"$.access_token\"", null,
                    Yaml.quote(TOKEN)));
            String hook = hookFor("fetchToken", "the OAuth 2.0 token request");
            before = new ArtilleryViews.Before(List.of(new ArtilleryViews.Step(new ArtilleryViews.Request(null, "post",
                    oauth.tokenUrl().matches("(?i)https?://.*") ? Yaml.quote(oauth.tokenUrl()) : Yaml.quote(UrlEncoding.path(oauth.tokenUrl())),
                    Yaml.quote("oauth2 token"), hook, false, List.of(), false, List.of(), false, List.of(), null, body, false,
                    true, captures, null, false, List.of()), null, null, null)));
        }
        List<String> conditions = new ArrayList<>();
        ensure(conditions);
        boolean prepare = !environment.isEmpty() || !zeroCounters.isEmpty();
        List<ArtilleryViews.Scenario> scenarios = new ArrayList<>();
        for (Scenario scenario : plan.scenarios()) {
            scenarios.add(new ArtilleryViews.Scenario(scenario.name(), scenario.weight(), prepare, "prepareUser", closed,
                    "untilTestEnd", steps(scenario.steps())));
        }
        if (groupsFlattened) {
            diagnostics.add(Diagnostic.warning("groups", "Artillery has no request groups; the steps of each group run in order "
                    + "and are reported per request, with the group as a comment"));
        }
        if (rawUrlValues) {
            diagnostics.add(Diagnostic.info("query", "Artillery puts values found at run time into a query string it "
                    + "does not build itself (odd parameter names) or into a form body with repeated names as they are, "
                    + "without percent-encoding them"));
        }
        return new ArtilleryViews.Script(plan.name(), sourceName, plan.baseUrl(), phases,
                closed ? Durations.seconds(plan.workload().duration()) : null, needsProcessor(closed),
                !conditions.isEmpty(), conditions, before, scenarios);
    }

    boolean needsProcessor(boolean closed) {
        return closed || !environment.isEmpty() || !zeroCounters.isEmpty() || !hooks.isEmpty() || !afterHooks.isEmpty()
                || !webSockets.isEmpty();
    }

    ArtilleryViews.Processor processor() {
        boolean closed = plan.workload() instanceof Workload.ClosedWorkload;
        List<String> exports = new ArrayList<>();
        if (closed) {
            exports.add("untilTestEnd");
        }
        if (!environment.isEmpty() || !zeroCounters.isEmpty()) {
            exports.add("prepareUser");
        }
        hooks.forEach(h -> exports.add(h.function()));
        afterHooks.forEach(h -> exports.add(h.function()));
        webSockets.forEach(w -> exports.add(w.function()));
        return new ArtilleryViews.Processor(plan.name(), closed,
                !environment.isEmpty() || !zeroCounters.isEmpty(), environment, List.copyOf(zeroCounters), hooks, afterHooks,
                !webSockets.isEmpty(), webSockets, exports);
    }

    /**
     * The phases of one of {@code processes} Artillery processes, as {@code --overrides} JSON
     * ({@code {"config": {"phases": [...]}}}): a closed workload's users at each stage divided
     * among the processes (the remainder one more each for the first), an open one's arrival
     * rates divided evenly and its user limit divided like users. Together they run the plan.
     *
     * @param index from 0
     */
    static String phasesOverride(TestPlan plan, int processes, int index) {
        Workload share;
        if (plan.workload() instanceof Workload.ClosedWorkload closed) {
            share = new Workload.ClosedWorkload(split(closed.startUsers(), processes, index), closed.stages().stream()
                    .map(s -> new Workload.UserStage(s.duration(), split(s.users(), processes, index))).toList());
        } else {
            Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
            share = new Workload.OpenWorkload(open.startRate() / processes, open.stages().stream()
                    .map(s -> new Workload.RateStage(s.duration(), s.rate() / processes)).toList(),
                    Math.max(1, split(open.preAllocatedUsers(), processes, index)), Math.max(1, split(open.maxUsers(), processes, index)));
        }
        ArtilleryViewBuilder builder = new ArtilleryViewBuilder(plan.toBuilder().workload(share).build());
        List<ArtilleryViews.Phase> phases = share instanceof Workload.ClosedWorkload closed ? builder.closedPhases(closed)
                : builder.openPhases((Workload.OpenWorkload) share);
        StringBuilder json = new StringBuilder("{\"config\":{\"phases\":[");
        for (int i = 0; i < phases.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(phases.get(i).name()).append('"');
            for (ArtilleryViews.Setting setting : phases.get(i).settings()) {
                // Every setting of a phase is a number.
                json.append(",\"").append(setting.name()).append("\":").append(setting.valueCode());
            }
            json.append('}');
        }
        return json.append("]}}").toString();
    }

    /** {@code total} divided among {@code parts}, the remainder one more each for the first. */
    private static int split(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    private List<ArtilleryViews.Phase> openPhases(Workload.OpenWorkload open) {
        List<ArtilleryViews.Phase> phases = new ArrayList<>();
        double from = open.startRate();
        int index = 1;
        for (Workload.RateStage stage : open.stages()) {
            List<ArtilleryViews.Setting> settings = new ArrayList<>();
            String seconds = Durations.seconds(stage.duration());
            if (from == 0 && stage.rate() == 0) {
                settings.add(new ArtilleryViews.Setting("pause", seconds));
            } else {
                settings.add(new ArtilleryViews.Setting("duration", seconds));
                settings.add(new ArtilleryViews.Setting("arrivalRate", plain(from)));
                if (stage.rate() != from) {
                    settings.add(new ArtilleryViews.Setting("rampTo", plain(stage.rate())));
                }
                settings.add(new ArtilleryViews.Setting("maxVusers", Integer.toString(open.maxUsers())));
            }
            phases.add(new ArtilleryViews.Phase("stage " + index++, settings));
            from = stage.rate();
        }
        return phases;
    }

    /**
     * Artillery has no closed model: virtual users arrive as the stages add them, and each loops
     * over its scenario until the planned end of the test (config.variables.testSeconds after the
     * start, read by processor.js's untilTestEnd, so that {@code --overrides} can change it too).
     */
    private List<ArtilleryViews.Phase> closedPhases(Workload.ClosedWorkload closed) {
        List<ArtilleryViews.Phase> phases = new ArrayList<>();
        int users = closed.startUsers();
        boolean shortened = false;
        if (users > 0) {
            phases.add(new ArtilleryViews.Phase("start", List.of(new ArtilleryViews.Setting("duration", "1"),
                    new ArtilleryViews.Setting("arrivalCount", Integer.toString(users)))));
            shortened = true;
        }
        boolean rampsDown = false;
        int index = 1;
        for (Workload.UserStage stage : closed.stages()) {
            long millis = stage.duration().toMillis();
            if (shortened && millis > 1000) {
                millis -= 1000;
                shortened = false;
            }
            String seconds = Durations.seconds(java.time.Duration.ofMillis(millis));
            int added = stage.users() - users;
            List<ArtilleryViews.Setting> settings = new ArrayList<>();
            if (added > 0) {
                settings.add(new ArtilleryViews.Setting("duration", seconds));
                settings.add(new ArtilleryViews.Setting("arrivalCount", Integer.toString(added)));
            } else {
                settings.add(new ArtilleryViews.Setting("pause", seconds));
                rampsDown |= added < 0;
            }
            phases.add(new ArtilleryViews.Phase("stage " + index++, settings));
            users = Math.max(users, stage.users());
        }
        diagnostics.add(Diagnostic.warning("workload", "Artillery has no closed model: virtual users arrive as the stages add them"
                + " and each repeats its scenario until the test ends" + (rampsDown ? "; they cannot leave early, so ramping"
                + " down keeps the peak number of users until the end" : "")));
        return phases;
    }

    private List<ArtilleryViews.Step> steps(List<Step> steps) {
        List<ArtilleryViews.Step> views = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof HttpRequest request) {
                views.add(new ArtilleryViews.Step(request(request), null, null, null));
            } else if (step instanceof WebSocketSession session) {
                views.add(new ArtilleryViews.Step(null, null, null, Yaml.quote(webSocket(session))));
            } else if (step instanceof ThinkTime think) {
                if (think.isFixed()) {
                    // Artillery reads a whole number as seconds and anything else as a duration string: 0.2 would be no pause.
                    long millis = think.min().toMillis();
                    String code = millis % 1000 == 0 ? Long.toString(millis / 1000) : Yaml.quote(millis + "ms");
                    views.add(new ArtilleryViews.Step(null, new ArtilleryViews.Think(code, false, null), null, null));
                } else {
                    long mid = (think.min().toMillis() + think.max().toMillis()) / 2;
                    long jitter = (think.max().toMillis() - think.min().toMillis()) / 2;
                    views.add(new ArtilleryViews.Step(null, new ArtilleryViews.Think(Yaml.quote(mid + "ms"), true,
                            Long.toString(jitter)), null, null));
                }
            } else {
                Group group = (Group) step;
                groupsFlattened = true;
                views.add(new ArtilleryViews.Step(null, null, new ArtilleryViews.Group(group.name(), steps(group.steps())), null));
            }
        }
        return views;
    }

    private ArtilleryViews.Request request(HttpRequest request) {
        ResolvedRequest resolved = ResolvedRequest.of(plan, request);
        List<ArtilleryViews.Entry> headers = new ArrayList<>();
        // Artillery's form: and formData: write their own Content-Type; its body: sends the plan's.
        boolean ownContentType = request.body() instanceof Body.MultipartBody
                || request.body() instanceof Body.FormBody form && uniqueNames(form);
        for (ResolvedRequest.Header header : resolved.headers(false, !ownContentType)) {
            // Basic credentials go to Artillery's auth section instead.
            if (!(header.value() instanceof ResolvedRequest.HeaderValue.Basic)) {
                headers.add(new ArtilleryViews.Entry(ArtilleryValues.key(header.name()), headerCode(header.value())));
            }
        }
        List<Param> query = resolved.query();
        List<ArtilleryViews.Entry> cookies = new ArrayList<>();
        resolved.cookies().forEach(c -> cookies.add(new ArtilleryViews.Entry(ArtilleryValues.key(c.name()), values.scalar(c.value()))));
        ArtilleryViews.Credentials auth = resolved.basicAuth() == null ? null : new ArtilleryViews.Credentials(
                values.scalar(resolved.basicAuth().username()), values.scalar(resolved.basicAuth().password()));

        ArtilleryViews.Body body = body(request);
        String url = url(request, query);
        List<ArtilleryViews.Entry> qs = new ArrayList<>();
        boolean plainQuery = query.stream().allMatch(p -> PLAIN_QUERY_NAME.matcher(p.name()).matches());
        if (plainQuery) {
            Map<String, List<String>> grouped = new java.util.LinkedHashMap<>();
            for (Param param : query) {
                grouped.computeIfAbsent(param.name(), k -> new ArrayList<>()).add(values.scalar(param.value()));
            }
            grouped.forEach((name, list) -> qs.add(new ArtilleryViews.Entry(ArtilleryValues.key(name),
                    list.size() == 1 ? list.get(0) : "[" + String.join(", ", list) + "]")));
        }
        List<ArtilleryViews.Capture> captures = new ArrayList<>();
        for (Extraction extraction : request.extractions()) {
            String as = Yaml.quote(extraction.variable());
            if (extraction instanceof Extraction.FromJson json) {
                captures.add(new ArtilleryViews.Capture("json", Yaml.quote(json.path().toString()), null, as));
            } else if (extraction instanceof Extraction.FromHeader header && header.pattern() != null) {
                // Artillery's header capture takes the whole value: a part of it is read in the hook after the response.
                continue;
            } else if (extraction instanceof Extraction.FromHeader header) {
                captures.add(new ArtilleryViews.Capture("header", Yaml.quote(header.header().toLowerCase(Locale.ROOT)), null, as));
            } else {
                Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
                captures.add(new ArtilleryViews.Capture("regexp", Yaml.quote(regex.pattern()), Integer.toString(regex.group()), as));
            }
        }
        List<ArtilleryViews.Assignment> encodings = new ArrayList<>();
        for (Extraction extraction : request.extractions()) {
            if (extraction instanceof Extraction.FromHeader header && header.pattern() != null) {
                encodings.add(new ArtilleryViews.Assignment("context.vars." + extraction.variable(),
                        "((response.headers[" + JavaScript.quote(header.header().toLowerCase(Locale.ROOT)) + "] || '').match(new RegExp("
                                + JavaScript.quote(header.pattern()) + ")) || [])[1]"));
            }
        }
        for (Extraction extraction : request.extractions()) {
            String encoded = encodedNames.get(extraction.variable());
            if (encoded != null) {
                encodings.add(new ArtilleryViews.Assignment("context.vars." + encoded,
                        "encodeURIComponent(context.vars." + extraction.variable() + ")"));
            }
        }
        String afterResponse = null;
        if (!encodings.isEmpty()) {
            boolean readsHeaders = request.extractions().stream()
                    .anyMatch(x -> x instanceof Extraction.FromHeader header && header.pattern() != null);
            String function = (readsHeaders ? "captureFromHeaders" : "encodeCaptured") + (afterHooks.size() + 1);
            afterHooks.add(new ArtilleryViews.Hook(function, request.name() + (readsHeaders
                    ? ": values read from response headers (and percent-encoded for URL paths)"
                    : ": captured values, percent-encoded for URL paths"), encodings, List.of()));
            afterResponse = Yaml.quote(function);
        }
        List<ArtilleryViews.Expect> expects = new ArrayList<>();
        for (Check check : request.checks()) {
            if (check instanceof Check.StatusCheck status) {
                expects.add(new ArtilleryViews.Expect("statusCode", statuses(status)));
            } else if (check instanceof Check.BodyContains contains) {
                expects.add(new ArtilleryViews.Expect("matchesRegexp", Yaml.quote(regexLiteral(contains.text()))));
            } else if (check instanceof Check.JsonPathExists exists) {
                expects.add(new ArtilleryViews.Expect("hasProperty", Yaml.quote(lodashPath(exists.path()))));
            } else if (check instanceof Check.NoGraphQlErrors) {
                expects.add(new ArtilleryViews.Expect("notHasProperty", Yaml.quote("errors")));
            }
        }
        String beforeRequest = hookFor("request", request.name());
        return new ArtilleryViews.Request(resolved.comment(), request.method().name().toLowerCase(Locale.ROOT), url,
                ArtilleryValues.safe(request.name()) ? Yaml.quote(request.name()) : values.indirect(JavaScript.quote(request.name())),
                beforeRequest, !qs.isEmpty(), qs, !headers.isEmpty(), headers, !cookies.isEmpty(), cookies, auth, body,
                request.expectsRedirect(), !captures.isEmpty(), captures, afterResponse, !expects.isEmpty(), expects);
    }

    private int hookCount;

    /**
     * A WebSocket session as a flow function of processor.js, on Node's own WebSocket client
     * (Artillery's ws engine runs a scenario of WebSocket steps only, and cannot follow HTTP
     * requests in one flow): its name in the flow.
     */
    private String webSocket(WebSocketSession session) {
        JsCode js = new JsCode(name -> jsNames.getOrDefault(name, "context.vars." + name), jsNames::containsKey);
        HttpRequest handshake = session.handshake();
        ResolvedRequest resolved = ResolvedRequest.of(plan, handshake);
        StringBuilder url = new StringBuilder("`${context.vars.target.replace(/\\/+$/, '').replace(/^http/, 'ws')}")
                .append(JavaScript.escape(UrlEncoding.path(session.path())));
        List<Param> query = resolved.query();
        for (int i = 0; i < query.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(JavaScript.escape(UrlEncoding.component(query.get(i).name()))).append('=');
            for (Text.Part part : query.get(i).value().parts()) {
                url.append(part instanceof Text.Literal literal ? JavaScript.escape(UrlEncoding.component(literal.value()))
                        : "${encodeURIComponent(" + js.text(new Text(List.of(part))) + ")}");
            }
        }
        url.append('`');
        List<String> headers = new ArrayList<>();
        for (ResolvedRequest.Header header : resolved.headers(true, false)) {
            if (header.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                continue;
            }
            String value;
            if (header.value() instanceof ResolvedRequest.HeaderValue.Plain plain) {
                value = js.text(plain.text());
            } else if (header.value() instanceof ResolvedRequest.HeaderValue.AccessToken) {
                value = "`Bearer ${context.vars." + TOKEN + "}`";
            } else if (header.value() instanceof ResolvedRequest.HeaderValue.Basic basic) {
                value = "`Basic ${Buffer.from(" + js.text(Text.concat(basic.credentials().username(), Text.of(":"),
                        basic.credentials().password())) + ").toString('base64')}`";
            } else {
                List<Text> pairs = new ArrayList<>();
                List<Param> cookies = ((ResolvedRequest.HeaderValue.Cookies) header.value()).cookies();
                for (int i = 0; i < cookies.size(); i++) {
                    pairs.add(Text.of((i == 0 ? "" : "; ") + cookies.get(i).name() + "="));
                    pairs.add(cookies.get(i).value());
                }
                value = js.text(Text.concat(pairs.toArray(Text[]::new)));
            }
            headers.add(JavaScript.key(header.name()) + ": " + value);
        }
        String options = "{ " + (session.subprotocol() == null ? "" : "protocols: [" + JavaScript.quote(session.subprotocol()) + "], ")
                + "headers: { " + String.join(", ", headers) + " } }";
        List<ArtilleryViews.WebSocketAction> actions = JsWebSocketActions.of(session, js, name -> "context.vars." + name).stream()
                .map(ArtilleryViews.WebSocketAction::new).toList();
        String function = "webSocket" + (webSockets.size() + 1);
        webSockets.add(new ArtilleryViews.WebSocket(function, session.name(), JavaScript.quote(session.name()), url.toString(), options,
                actions));
        return function;
    }

    /**
     * A beforeRequest hook for the values that YAML could not hold (those the scalars of this
     * request asked for): its name as YAML, or null when none is needed.
     */
    private String hookFor(String name, String purpose) {
        List<ArtilleryViews.Assignment> assignments = values.takePending();
        if (assignments.isEmpty()) {
            return null;
        }
        String function = name.equals("fetchToken") ? name : "prepareRequest" + (++hookCount);
        hooks.add(new ArtilleryViews.Hook(function, purpose, assignments, List.of()));
        return Yaml.quote(function);
    }

    private String url(HttpRequest request, List<Param> query) {
        StringBuilder url = new StringBuilder();
        for (HttpRequest.PathPiece piece : request.pathPieces()) {
            if (piece.isParameter()) {
                url.append(urlValue(request.pathParam(piece.parameter())));
            } else {
                url.append(UrlEncoding.path(piece.literal()));
            }
        }
        boolean plainQuery = query.stream().allMatch(p -> PLAIN_QUERY_NAME.matcher(p.name()).matches());
        if (!plainQuery) {
            for (int i = 0; i < query.size(); i++) {
                url.append(i == 0 ? '?' : '&').append(UrlEncoding.component(query.get(i).name())).append('=')
                        .append(urlValue(query.get(i).value()));
            }
        }
        return "\"" + url + "\"";
    }

    /** Literal parts percent-encoded (so they hold no braces), references as templates, inserted as they are. */
    private String urlValue(Text text) {
        StringBuilder out = new StringBuilder();
        for (Text.Part part : text.parts()) {
            if (part instanceof Text.Literal literal) {
                out.append(Yaml.escape(UrlEncoding.component(literal.value())));
            } else {
                String variable = ((Text.Ref) part).variable();
                String encoded = encodedNames.get(variable);
                rawUrlValues |= encoded == null;
                out.append("{{ ").append(encoded != null ? encoded : yamlNames.getOrDefault(variable, variable)).append(" }}");
            }
        }
        return out.toString();
    }

    private ArtilleryViews.Body body(HttpRequest request) {
        Body body = request.body();
        if (body instanceof Body.JsonBody json) {
            if (ArtilleryValues.yamlSafe(json.value())) {
                return ArtilleryViews.Body.json((json.value() instanceof io.loadsmith.model.Json.JsonObject o && !o.members().isEmpty()
                        || json.value() instanceof io.loadsmith.model.Json.JsonArray a && !a.items().isEmpty()
                        ? "" : " ") + values.json(json.value(), "  "));
            }
            JsCode js = new JsCode(name -> jsNames.getOrDefault(name, "context.vars." + name), jsNames::containsKey);
            return ArtilleryViews.Body.raw(values.indirect("JSON.stringify(" + js.json(json.value()).replace("\n", "\n  ") + ")"));
        }
        if (body instanceof Body.FormBody form) {
            if (uniqueNames(form)) {
                List<ArtilleryViews.Entry> fields = new ArrayList<>();
                form.fields().forEach(f -> fields.add(new ArtilleryViews.Entry(ArtilleryValues.key(f.name()), values.scalar(f.value()))));
                return new ArtilleryViews.Body(null, null, true, fields, false, List.of());
            }
            StringBuilder encoded = new StringBuilder();
            for (Param field : form.fields()) {
                encoded.append(encoded.length() == 0 ? "" : "&").append(UrlEncoding.component(field.name())).append('=')
                        .append(urlValue(field.value()));
            }
            return ArtilleryViews.Body.raw("\"" + encoded + "\"");
        }
        if (body instanceof Body.MultipartBody multipart) {
            Set<String> names = new LinkedHashSet<>();
            List<ArtilleryViews.Part> parts = new ArrayList<>();
            for (Body.MultipartPart part : multipart.parts()) {
                if (!names.add(part.name())) {
                    diagnostics.add(Diagnostic.warning(request.name(), "Artillery's formData holds one part per name; "
                            + "only the last part named '" + part.name() + "' is sent"));
                }
                if (part instanceof Body.MultipartFile file) {
                    String path = "files/" + (dataFiles.size() + 1) + "/" + safeFileName(file.fileName());
                    dataFiles.add(new RenderedFile("artillery/" + path, file.content()));
                    parts.add(new ArtilleryViews.Part(ArtilleryValues.key(part.name()), null, Yaml.quote("./" + path),
                            Yaml.quote(file.contentType())));
                    if (!safeFileName(file.fileName()).equals(file.fileName())) {
                        diagnostics.add(Diagnostic.warning(request.name(), "Artillery sends a file under its name on disk; "
                                + "the part '" + part.name() + "' is sent as " + safeFileName(file.fileName())));
                    }
                } else {
                    parts.add(new ArtilleryViews.Part(ArtilleryValues.key(part.name()), values.scalar(((Body.MultipartField) part).value()),
                            null, null));
                }
            }
            return new ArtilleryViews.Body(null, null, false, List.of(), true, parts);
        }
        if (body instanceof Body.RawBody raw) {
            return ArtilleryViews.Body.raw(values.scalar(raw.content()));
        }
        if (body instanceof Body.BinaryBody binary) {
            String path = "files/" + (dataFiles.size() + 1) + "/body.bin";
            dataFiles.add(new RenderedFile("artillery/" + path, binary.content()));
            return ArtilleryViews.Body.raw(values.indirect("require('fs').readFileSync(require('path').join(__dirname, "
                    + JavaScript.quote(path) + "))"));
        }
        return null;
    }

    private static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return safe.isEmpty() ? "data" : safe;
    }

    private static String statuses(Check.StatusCheck status) {
        if (status.isSingle()) {
            return Integer.toString(status.from());
        }
        List<String> codes = new ArrayList<>();
        for (int code : KNOWN_STATUSES) {
            if (code >= status.from() && code <= status.to()) {
                codes.add(Integer.toString(code));
            }
        }
        return "[" + String.join(", ", codes) + "]";
    }

    private static String regexLiteral(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0");
    }

    private static String lodashPath(JsonPath path) {
        StringBuilder out = new StringBuilder();
        for (JsonPath.Segment segment : path.segments()) {
            if (segment instanceof JsonPath.Index index) {
                out.append('[').append(index.index()).append(']');
            } else {
                String name = ((JsonPath.Field) segment).name();
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    /** A header's value as a YAML scalar. */
    private String headerCode(ResolvedRequest.HeaderValue value) {
        if (value instanceof ResolvedRequest.HeaderValue.Plain plain) {
            return values.scalar(plain.text());
        }
        if (value instanceof ResolvedRequest.HeaderValue.AccessToken) {
            return "\"Bearer {{ " + TOKEN + " }}\"";
        }
        throw new IllegalArgumentException("Artillery sends basic credentials in auth and cookies in cookie: " + value);
    }

    private static boolean uniqueNames(Body.FormBody form) {
        return form.fields().stream().map(Param::name).distinct().count() == form.fields().size();
    }

    /** Thresholds through the ensure plugin: summaries as thresholds, rates and ratios as conditions. */
    private void ensure(List<String> conditions) {
        for (Threshold threshold : plan.thresholds()) {
            String scope = threshold.operation() == null ? "http.response_time"
                    : "plugins.metrics-by-endpoint.response_time." + threshold.operation();
            Threshold.Measure measure = threshold.measure();
            String limit = plain(threshold.limit());
            String op = threshold.comparison().symbol();
            if (measure instanceof Threshold.Percentile p) {
                String aggregate = switch (plain(p.percentile())) {
                    case "50" -> "p50";
                    case "75" -> "p75";
                    case "90" -> "p90";
                    case "95" -> "p95";
                    case "99" -> "p99";
                    case "99.9" -> "p999";
                    default -> null;
                };
                if (aggregate == null) {
                    diagnostics.add(Diagnostic.warning(threshold.expression(), "Artillery reports p50, p75, p90, p95, p99 and "
                            + "p999 only; this threshold is not checked by Artillery"));
                    continue;
                }
                conditions.add(scope + "." + aggregate + " " + op + " " + limit);
            } else if (measure instanceof Threshold.MeanLatency) {
                conditions.add(scope + ".mean " + op + " " + limit);
            } else if (measure instanceof Threshold.MaxLatency) {
                conditions.add(scope + ".max " + op + " " + limit);
            } else if (measure instanceof Threshold.ErrorRate && threshold.operation() == null) {
                zeroCounters.add("plugins.expect.failed.statusCode");
                zeroCounters.add("vusers.failed");
                conditions.add("(plugins.expect.failed.statusCode + vusers.failed) / http.requests " + op + " " + limit);
                diagnostics.add(Diagnostic.info(threshold.expression(), "Artillery counts failed status expectations and "
                        + "virtual users stopped by an error; this is the error rate it can check"));
            } else if (measure instanceof Threshold.Throughput && threshold.operation() == null) {
                conditions.add("http.request_rate " + op + " " + limit);
            } else {
                diagnostics.add(Diagnostic.warning(threshold.expression(), "Artillery cannot check a per-operation "
                        + threshold.metricName() + "; this threshold is not checked by Artillery"));
            }
        }
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
