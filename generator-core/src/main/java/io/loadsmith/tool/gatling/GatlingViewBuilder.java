package io.loadsmith.tool.gatling;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.ThinkTime;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Variable;
import io.loadsmith.model.Workload;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.ResolvedRequest;
import io.loadsmith.render.UrlEncoding;
import io.loadsmith.render.escape.NameAllocator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plan into the Gatling simulation's view; every Gatling-specific decision is made here.
 *
 * <p>Gatling reads its Expression Language in nearly every string of its DSL, so every literal
 * goes through {@link GatlingEl} and then {@link Java}; a value found at run time is a session
 * attribute, {@code #{name}}, the plan's settings included (each user starts by setting them).
 * Where a value must be encoded at run time (a URL path segment, a JSON value) the DSL gets a
 * function of the session instead of an expression.
 */
final class GatlingViewBuilder {
    /** The path of a GraphQL response's errors, which a GraphQL request checks are absent. */
    static final String GRAPHQL_ERRORS = "$.errors";
    /** How Gatling's log begins the message of that check when it fails: what tells a GraphQL failure. */
    static final String GRAPHQL_ERRORS_CHECK = "jsonPath(" + GRAPHQL_ERRORS + ")";

    static final String TOKEN_ATTRIBUTE = "loadsmithAccessToken";
    /** The requests of one method: a request's DSL code takes up to about a kilobyte of bytecode. */
    static final int CHAIN_REQUESTS = 40;
    private static final Set<String> DSL_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final TestPlan plan;
    private final String resources;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<RenderedFile> dataFiles = new ArrayList<>();
    /**
     * Java keywords that JavaScript does not reserve, and the names the template declares or
     * imports, which no setting or scenario field may take.
     */
    private static final List<String> TAKEN = List.of("abstract", "assert", "boolean", "byte", "char", "double", "final",
            "float", "goto", "int", "long", "native", "short", "strictfp", "synchronized", "throws", "transient", "volatile",
            "var", "record", "sealed", "permits", "non", "_", "BASE_URL", "JSON", "PLANNED", "USERS", "RATE", "DURATION",
            "accessToken", "httpProtocol", "tokenScenario", "populations", "setting", "withSettings", "pathSegment", "json",
            "firstGroup", "load", "session", "http", "scenario", "exec", "group", "pause", "status", "jsonPath", "regex",
            "header", "substring", "global", "details");

    private final NameAllocator names = NameAllocator.javaScript();
    private final Map<String, String> constants = new LinkedHashMap<>();
    /** The group path of each place an operation is called, for per-operation assertions. */
    private final Map<String, Set<List<String>>> paths = new LinkedHashMap<>();
    /** Parts of long scenarios, each a method of its own (javac allows 64 KiB of bytecode a method). */
    private final List<GatlingViews.Chain> chains = new ArrayList<>();
    private boolean usesJson;
    private boolean usesWebSocket;
    private boolean usesHeaderPattern;

    /** @param resources the folder, relative to the output folder, that is the simulation's class path for data files */
    GatlingViewBuilder(TestPlan plan, String resources) {
        this.plan = plan;
        this.resources = resources;
        TAKEN.forEach(names::reserve);
        for (Variable variable : plan.variables()) {
            constants.put(variable.name(), names.newVerbatimName(variable.name(), variable));
        }
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<RenderedFile> dataFiles() {
        return dataFiles;
    }

    GatlingViews.Simulation build(String sourceName) {
        List<GatlingViews.Setting> settings = new ArrayList<>();
        for (Variable variable : plan.variables()) {
            settings.add(new GatlingViews.Setting(constants.get(variable.name()), JavaText.quote(variable.env()),
                    variable.defaultValue() == null ? "null" : JavaText.quote(variable.defaultValue()), JavaText.quote(variable.name()),
                    variable.description().isBlank() ? variable.name() : variable.description()));
        }
        GatlingViews.OAuth2 oauth2 = null;
        if (plan.auth() instanceof Auth.OAuth2ClientCredentials oauth) {
            List<GatlingViews.Pair> form = new ArrayList<>(List.of(
                    new GatlingViews.Pair("\"grant_type\"", "\"client_credentials\""),
                    new GatlingViews.Pair("\"client_id\"", el(oauth.clientId())),
                    new GatlingViews.Pair("\"client_secret\"", el(oauth.clientSecret()))));
            if (!oauth.scopes().isEmpty()) {
                form.add(new GatlingViews.Pair("\"scope\"", GatlingEl.quote(String.join(" ", oauth.scopes()))));
            }
            String url = oauth.tokenUrl().matches("(?i)https?://.*") ? GatlingEl.quote(oauth.tokenUrl())
                    : GatlingEl.quote(UrlEncoding.path(oauth.tokenUrl().startsWith("/") ? oauth.tokenUrl() : "/" + oauth.tokenUrl()));
            oauth2 = new GatlingViews.OAuth2(JavaText.quote("oauth2 token"), url, form);
        }
        List<GatlingViews.Scenario> scenarios = new ArrayList<>();
        if (plan.scenarios().size() == 1) {
            Scenario scenario = plan.scenarios().get(0);
            String field = names.newName(scenario.name(), scenario);
            scenarios.add(new GatlingViews.Scenario(field, scenario.name(), JavaText.quote(scenario.name()),
                    chunked(scenario.steps(), List.of(), true, ";", field, scenario.name()), null));
        } else {
            scenarios.add(new GatlingViews.Scenario(names.newName(plan.name(), plan), plan.name(), JavaText.quote(plan.name()),
                    List.of(), pick()));
        }
        boolean closed = plan.workload() instanceof Workload.ClosedWorkload;
        List<GatlingViews.Population> populations = populations(scenarios);
        List<GatlingViews.Item> assertions = assertions();
        return new GatlingViews.Simulation(plan.name(), sourceName, JavaText.quote(plan.baseUrl()), closed,
                seconds(plan.workload().duration()), usesJson, usesHeaderPattern, usesWebSocket, settings, oauth2, scenarios, chains, populations,
                !assertions.isEmpty(), assertions);
    }

    // ---- steps

    /**
     * The steps of a chain, as {@link #steps}; a chain of more than {@link #CHAIN_REQUESTS}
     * requests is cut into parts, each a method of its own ({@code .exec(checkoutPart2())}), and a
     * group too long for one part has its own parts inside it.
     */
    private List<GatlingViews.Step> chunked(List<Step> steps, List<String> groups, boolean chained, String end, String base,
                                            String title) {
        if (requests(steps) <= CHAIN_REQUESTS) {
            return steps(steps, groups, chained, end);
        }
        List<List<Step>> parts = new ArrayList<>();
        List<Step> part = new ArrayList<>();
        int count = 0;
        for (Step step : steps) {
            int size = requests(List.of(step));
            if (!part.isEmpty() && count + size > CHAIN_REQUESTS) {
                parts.add(part);
                part = new ArrayList<>();
                count = 0;
            }
            part.add(step);
            count += size;
        }
        parts.add(part);
        List<GatlingViews.Step> calls = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            List<Step> chunk = parts.get(i);
            String method = names.newName(base + "Part" + (i + 1));
            List<GatlingViews.Step> body;
            if (chunk.size() == 1 && chunk.get(0) instanceof Group group && requests(group.steps()) > CHAIN_REQUESTS) {
                List<String> inner = new ArrayList<>(groups);
                inner.add(group.name());
                body = List.of(new GatlingViews.Step(false, null, null, new GatlingViews.Group(GatlingEl.quote(group.name()),
                        chunked(group.steps(), List.copyOf(inner), false, "", method, title + " / " + group.name())), ";", null, null));
            } else {
                body = steps(chunk, groups, false, ";");
            }
            chains.add(new GatlingViews.Chain(method, title + ", part " + (i + 1) + " of " + parts.size(), body));
            calls.add(new GatlingViews.Step(chained || i > 0, null, null, null, i == parts.size() - 1 ? end : "", method, null));
        }
        return calls;
    }

    /**
     * Several scenarios: each a chain method, one of them run by each user of the injection profile
     * (an iteration in Gatling's closed model, an arrival in its open one), picked by weight.
     */
    private GatlingViews.Pick pick() {
        List<Scenario> planScenarios = plan.scenarios();
        long total = planScenarios.stream().mapToLong(Scenario::weight).sum();
        boolean uniform = planScenarios.stream().allMatch(s -> s.weight() == planScenarios.get(0).weight());
        List<GatlingViews.Choice> choices = new ArrayList<>();
        String elseMethod = null;
        for (int i = 0; i < planScenarios.size(); i++) {
            Scenario scenario = planScenarios.get(i);
            String method = names.newName(scenario.name(), scenario);
            List<GatlingViews.Step> body = chunked(scenario.steps(), List.of(), false, ";", method, scenario.name());
            chains.add(new GatlingViews.Chain(method, scenario.name(), body));
            boolean last = i == planScenarios.size() - 1;
            if (uniform || !last) {
                choices.add(new GatlingViews.Choice(number(scenario.weight() * 100.0 / total), method,
                        uniform ? last : i == planScenarios.size() - 2));
            } else {
                elseMethod = method;
            }
        }
        return new GatlingViews.Pick(uniform, choices, elseMethod);
    }

    private static int requests(List<Step> steps) {
        int count = 0;
        for (Step step : steps) {
            count += step instanceof HttpRequest ? 1 : step instanceof Group group ? requests(group.steps()) : 0;
        }
        return count;
    }

    /** The steps of a chain; the last one ends with {@code end}. */
    private List<GatlingViews.Step> steps(List<Step> steps, List<String> groups, boolean chained, String end) {
        List<GatlingViews.Step> views = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean dot = chained || i > 0;
            String endCode = i == steps.size() - 1 ? end : "";
            if (step instanceof HttpRequest request) {
                paths.computeIfAbsent(request.name(), k -> new LinkedHashSet<>()).add(groups);
                views.add(new GatlingViews.Step(dot, request(request), null, null, endCode, null, null));
            } else if (step instanceof WebSocketSession session) {
                List<String> inner = groups;
                session.operationNames().forEach(name -> paths.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(inner));
                List<GatlingViews.Step> actions = webSocket(session);
                for (int j = 0; j < actions.size(); j++) {
                    GatlingViews.Step action = actions.get(j);
                    views.add(new GatlingViews.Step(dot || j > 0, null, action.pause(), null, j == actions.size() - 1 ? endCode : "",
                            null, action.webSocket()));
                }
            } else if (step instanceof ThinkTime think) {
                views.add(new GatlingViews.Step(dot, null, new GatlingViews.Pause(millis(think.min()),
                        think.isFixed() ? null : millis(think.max())), null, endCode, null, null));
            } else {
                Group group = (Group) step;
                List<String> inner = new ArrayList<>(groups);
                inner.add(group.name());
                views.add(new GatlingViews.Step(dot, null, null, new GatlingViews.Group(GatlingEl.quote(group.name()),
                        steps(group.steps(), List.copyOf(inner), false, "")), endCode, null, null));
            }
        }
        return views;
    }

    /**
     * A WebSocket session as Gatling's WebSocket DSL runs it: connect (relative to wsBaseUrl), each
     * send with an await block per expected message after it (Gatling arms checks when it sends,
     * so an expected message is awaited at the send before it, or at the connect; a pause between
     * them comes after the awaits), then close. Gatling reports the connect under the session's
     * name, each check under its own, and, as it does, each send (no time) and the close: those
     * as "NAME: send" and "NAME: close".
     */
    private List<GatlingViews.Step> webSocket(WebSocketSession session) {
        usesWebSocket = true;
        HttpRequest handshake = session.handshake();
        ResolvedRequest resolved = ResolvedRequest.of(plan, handshake);
        String name = GatlingEl.quote(session.name());
        List<List<String>> actions = new ArrayList<>();
        List<GatlingViews.Step> steps = new ArrayList<>();
        List<String> connect = new ArrayList<>();
        StringBuilder url = new StringBuilder(UrlEncoding.path(session.path()));
        List<Param> query = resolved.query();
        for (int i = 0; i < query.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(UrlEncoding.component(query.get(i).name())).append('=');
            for (Text.Part part : query.get(i).value().parts()) {
                url.append(part instanceof Text.Literal literal ? GatlingEl.escape(UrlEncoding.component(literal.value()), true)
                        : "#{" + ((Text.Ref) part).variable() + "}");
            }
        }
        connect.add("ws(" + name + ").connect(" + JavaText.quote(url.toString()) + ")");
        if (session.subprotocol() != null) {
            connect.add("    .subprotocol(" + JavaText.quote(session.subprotocol()) + ")");
        }
        for (ResolvedRequest.Header header : resolved.headers(true, false)) {
            if (header.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                continue;
            }
            if (header.value() instanceof ResolvedRequest.HeaderValue.Basic basic) {
                Text credentials = Text.concat(basic.credentials().username(), Text.of(":"), basic.credentials().password());
                connect.add("    .header(\"Authorization\", session -> \"Basic \" + java.util.Base64.getEncoder().encodeToString(("
                        + javaString(credentials) + ").getBytes(StandardCharsets.UTF_8)))");
            } else {
                connect.add("    .header(" + GatlingEl.quote(header.name()) + ", " + headerCode(header.value()) + ")");
            }
        }
        actions.add(connect);
        List<GatlingViews.Step> pauses = new ArrayList<>();
        for (WebSocketSession.Action action : session.actions()) {
            if (action instanceof WebSocketSession.Send send) {
                flush(actions, pauses, steps);
                String text = send.text() != null ? el(send.text()) : send.json().references().isEmpty()
                        ? GatlingEl.quote(jsonText(send.json())) : jsonFunction(send.json());
                actions.add(new ArrayList<>(List.of("ws(" + GatlingEl.quote(session.name() + ": send") + ").sendText(" + text + ")")));
            } else if (action instanceof WebSocketSession.Pause pause) {
                pauses.add(new GatlingViews.Step(true, null, new GatlingViews.Pause(millis(pause.duration()), null), null, "", null, null));
            } else {
                WebSocketSession.Expect expect = (WebSocketSession.Expect) action;
                StringBuilder check = new StringBuilder("    .await(").append(seconds(expect.timeout())).append(").on(ws.checkTextMessage(")
                        .append(GatlingEl.quote(expect.name())).append(")");
                String match = expect.path() == null ? (expect.equals() == null ? null : "bodyString()" + isCode(expect.equals()))
                        : "jsonPath(" + GatlingEl.quote(jsonPath(expect.path())) + ")"
                        + (expect.equals() == null ? ".exists()" : isCode(expect.equals()));
                if (match != null) {
                    check.append(".matching(").append(match).append(")");
                }
                List<String> saves = new ArrayList<>();
                for (Extraction extraction : expect.extractions()) {
                    String as = ".saveAs(" + JavaText.quote(extraction.variable()) + ")";
                    saves.add(extraction instanceof Extraction.FromJson json
                            ? "jsonPath(" + GatlingEl.quote(jsonPath(json.path())) + ").ofObject()" + as
                            : regexCode((Extraction.FromRegex) extraction) + as);
                }
                if (!saves.isEmpty()) {
                    check.append(".check(").append(String.join(", ", saves)).append(")");
                }
                actions.get(actions.size() - 1).add(check.append(")").toString());
            }
        }
        actions.add(new ArrayList<>(List.of("ws(" + GatlingEl.quote(session.name() + ": close") + ").close()")));
        flush(actions, pauses, steps);
        return steps;
    }

    /** A comparison with text: is() takes a value as it is, isEL() an expression with the references. */
    private static String isCode(Text text) {
        return text.isLiteral() ? ".is(" + JavaText.quote(text.literalValue()) + ")" : ".isEL(" + el(text) + ")";
    }

    /** Text as a Java expression over the session: literals quoted, references as its attributes. */
    private static String javaString(Text text) {
        List<String> pieces = new ArrayList<>();
        for (Text.Part part : text.parts()) {
            pieces.add(part instanceof Text.Literal literal ? JavaText.quote(literal.value())
                    : "session.getString(" + JavaText.quote(((Text.Ref) part).variable()) + ")");
        }
        return pieces.isEmpty() ? "\"\"" : String.join(" + ", pieces);
    }

    /** The WebSocket actions gathered so far as steps, then the pauses that came between them. */
    private static void flush(List<List<String>> actions, List<GatlingViews.Step> pauses, List<GatlingViews.Step> steps) {
        for (List<String> lines : actions) {
            steps.add(new GatlingViews.Step(true, null, null, null, "", null, new GatlingViews.WebSocket(items(lines))));
        }
        actions.clear();
        steps.addAll(pauses);
        pauses.clear();
    }

    private static String millis(Duration duration) {
        return "Duration.ofMillis(" + duration.toMillis() + ")";
    }

    private GatlingViews.Request request(HttpRequest request) {
        ResolvedRequest resolved = ResolvedRequest.of(plan, request);
        Body body = request.body();
        // Gatling writes the Content-Type of a form and of a multipart body itself.
        boolean ownContentType = body instanceof Body.FormBody || body instanceof Body.MultipartBody;
        List<GatlingViews.Pair> headers = new ArrayList<>();
        for (ResolvedRequest.Header header : resolved.headers(true, !ownContentType)) {
            if (!(header.value() instanceof ResolvedRequest.HeaderValue.Basic)) {
                headers.add(new GatlingViews.Pair(GatlingEl.quote(header.name()), headerCode(header.value())));
            }
        }
        List<GatlingViews.Pair> query = new ArrayList<>();
        for (Param param : resolved.query()) {
            query.add(new GatlingViews.Pair(GatlingEl.quote(param.name()), el(param.value())));
        }
        GatlingViews.Credentials basic = resolved.basicAuth() == null ? null
                : new GatlingViews.Credentials(el(resolved.basicAuth().username()), el(resolved.basicAuth().password()));
        String bodyCode = null;
        List<GatlingViews.Pair> formParams = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (body instanceof Body.JsonBody json) {
            bodyCode = json.value().references().isEmpty() ? "StringBody(" + GatlingEl.quote(jsonText(json.value())) + ")"
                    : jsonBody(json.value());
        } else if (body instanceof Body.FormBody form) {
            for (Param field : form.fields()) {
                formParams.add(new GatlingViews.Pair(GatlingEl.quote(field.name()), el(field.value())));
            }
        } else if (body instanceof Body.MultipartBody multipart) {
            for (Body.MultipartPart part : multipart.parts()) {
                if (part instanceof Body.MultipartFile file) {
                    parts.add("RawFileBodyPart(" + GatlingEl.quote(part.name()) + ", "
                            + GatlingEl.quote(dataFile(file.fileName(), file.content())) + ").fileName("
                            + GatlingEl.quote(file.fileName()) + ").contentType(" + GatlingEl.quote(file.contentType()) + ")");
                } else {
                    parts.add("StringBodyPart(" + GatlingEl.quote(part.name()) + ", "
                            + el(((Body.MultipartField) part).value()) + ")");
                }
            }
        } else if (body instanceof Body.RawBody raw) {
            bodyCode = "StringBody(" + el(raw.content()) + ")";
        } else if (body instanceof Body.BinaryBody binary) {
            bodyCode = "RawFileBody(" + GatlingEl.quote(dataFile("body.bin", binary.content())) + ")";
        }
        List<String> checks = new ArrayList<>();
        for (Check check : request.checks()) {
            if (check instanceof Check.StatusCheck status) {
                if (status.isSingle()) {
                    checks.add("status().is(" + status.from() + ")");
                } else {
                    checks.add("status().gte(" + status.from() + ")");
                    checks.add("status().lte(" + status.to() + ")");
                }
            } else if (check instanceof Check.BodyContains contains) {
                checks.add("substring(" + GatlingEl.quote(contains.text()) + ").exists()");
            } else if (check instanceof Check.JsonPathExists exists) {
                checks.add("jsonPath(" + GatlingEl.quote(jsonPath(exists.path())) + ").exists()");
            } else if (check instanceof Check.NoGraphQlErrors) {
                checks.add("jsonPath(" + GatlingEl.quote(GRAPHQL_ERRORS) + ").notExists()");
            }
        }
        for (Extraction extraction : request.extractions()) {
            String as = ".saveAs(" + JavaText.quote(extraction.variable()) + ")";
            if (extraction instanceof Extraction.FromJson json) {
                // As an object: a number stays a number where a JSON body inserts it.
                checks.add("jsonPath(" + GatlingEl.quote(jsonPath(json.path())) + ").ofObject()" + as);
            } else if (extraction instanceof Extraction.FromHeader header && header.pattern() != null) {
                usesHeaderPattern = true;
                checks.add("header(" + GatlingEl.quote(header.header()) + ").transform(value -> firstGroup(value, "
                        + JavaText.quote(header.pattern()) + "))" + as);
            } else if (extraction instanceof Extraction.FromHeader header) {
                checks.add("header(" + GatlingEl.quote(header.header()) + ")" + as);
            } else {
                Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
                checks.add(regexCode(regex) + as);
            }
        }
        List<GatlingViews.Item> checkItems = items(checks);
        String method = DSL_METHODS.contains(request.method().name()) ? request.method().name().toLowerCase(Locale.ROOT) : null;
        String url = urlCode(request);
        return new GatlingViews.Request(resolved.comment() == null ? null : (resolved.comment()),
                GatlingEl.quote(request.name()), method == null ? "httpRequest" : method,
                method == null ? JavaText.quote(request.method().name()) + ", " + url : url, query, headers, basic, bodyCode,
                formParams, items(parts), request.expectsRedirect(), !checkItems.isEmpty(), checkItems);
    }

    /**
     * Gatling's regex check saves the first capture group, or the whole match of a pattern
     * without one: other groups are picked from all of them.
     */
    private static String regexCode(Extraction.FromRegex regex) {
        int groups = java.util.regex.Pattern.compile(regex.pattern()).matcher("").groupCount();
        if (regex.group() == 0) {
            return "regex(" + GatlingEl.quote(groups == 0 ? regex.pattern() : "(" + regex.pattern() + ")") + ")";
        }
        if (regex.group() == 1) {
            return "regex(" + GatlingEl.quote(regex.pattern()) + ")";
        }
        return "regex(" + GatlingEl.quote(regex.pattern()) + ").captureGroups(" + groups + ").transform(groups -> groups.get("
                + (regex.group() - 1) + "))";
    }

    /**
     * A path as Gatling's JSONPath reads it: odd member names in {@code ['...']}, where Gatling
     * unescapes only {@code \'}; a name it cannot read back (empty, or a backslash before a quote
     * or at the end) is written as well as it can be, with a warning.
     */
    private String jsonPath(JsonPath path) {
        StringBuilder out = new StringBuilder("$");
        for (JsonPath.Segment segment : path.segments()) {
            if (segment instanceof JsonPath.Index index) {
                out.append('[').append(index.index()).append(']');
                continue;
            }
            String name = ((JsonPath.Field) segment).name();
            if (name.matches("[A-Za-z_$][A-Za-z0-9_$-]*")) {
                out.append('.').append(name);
                continue;
            }
            if (name.isEmpty() || name.endsWith("\\") || name.contains("\\'")) {
                diagnostics.add(Diagnostic.warning(path.toString(), "Gatling's JSONPath cannot spell the member name '" + name
                        + "': the check looks for another member"));
            }
            out.append("['").append(name.replace("'", "\\'")).append("']");
        }
        return out.toString();
    }

    private static List<GatlingViews.Item> items(List<String> codes) {
        List<GatlingViews.Item> items = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            items.add(new GatlingViews.Item(codes.get(i), i == codes.size() - 1));
        }
        return items;
    }

    private String headerCode(ResolvedRequest.HeaderValue value) {
        if (value instanceof ResolvedRequest.HeaderValue.Plain plain) {
            return el(plain.text());
        }
        if (value instanceof ResolvedRequest.HeaderValue.AccessToken) {
            return JavaText.quote("Bearer #{" + TOKEN_ATTRIBUTE + "}");
        }
        if (value instanceof ResolvedRequest.HeaderValue.Cookies cookies) {
            List<Text> pairs = new ArrayList<>();
            for (int i = 0; i < cookies.cookies().size(); i++) {
                pairs.add(Text.of((i == 0 ? "" : "; ") + cookies.cookies().get(i).name() + "="));
                pairs.add(cookies.cookies().get(i).value());
            }
            return el(Text.concat(pairs.toArray(Text[]::new)));
        }
        throw new IllegalArgumentException("Gatling sends basic credentials with basicAuth: " + value);
    }

    /** Text as a Java string of Gatling's Expression Language: literals escaped, references as session attributes. */
    static String el(Text text) {
        StringBuilder out = new StringBuilder();
        List<Text.Part> parts = text.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Text.Literal literal) {
                out.append(GatlingEl.escape(literal.value(), i + 1 < parts.size()));
            } else {
                out.append("#{").append(((Text.Ref) parts.get(i)).variable()).append('}');
            }
        }
        return JavaText.quote(out.toString());
    }

    /** The path, with what is found at run time encoded as one segment: a function of the session, or an expression. */
    private String urlCode(HttpRequest request) {
        boolean dynamic = request.pathPieces().stream().anyMatch(p -> p.isParameter() && !request.pathParam(p.parameter()).isLiteral());
        if (!dynamic) {
            StringBuilder path = new StringBuilder();
            for (HttpRequest.PathPiece piece : request.pathPieces()) {
                path.append(piece.isParameter() ? UrlEncoding.component(request.pathParam(piece.parameter()).literalValue())
                        : UrlEncoding.path(piece.literal()));
            }
            return GatlingEl.quote(path.toString());
        }
        List<String> pieces = new ArrayList<>();
        for (HttpRequest.PathPiece piece : request.pathPieces()) {
            if (!piece.isParameter()) {
                pieces.add(JavaText.quote(UrlEncoding.path(piece.literal())));
                continue;
            }
            for (Text.Part part : request.pathParam(piece.parameter()).parts()) {
                pieces.add(part instanceof Text.Literal literal ? JavaText.quote(UrlEncoding.component(literal.value()))
                        : "pathSegment(session.get(" + JavaText.quote(((Text.Ref) part).variable()) + "))");
            }
        }
        return "session -> " + String.join(" + ", pieces);
    }

    // ---- JSON bodies

    /** A JSON document without references, as text. */
    private static String jsonText(Json value) {
        return jsonCode(value);
    }

    /** A JSON document with references: a function of the session that writes it, values through json(). */
    private String jsonBody(Json value) {
        usesJson = true;
        List<String> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        jsonPieces(value, literal, pieces);
        if (!literal.isEmpty()) {
            pieces.add(JavaText.quote(literal.toString()));
        }
        return "StringBody(session -> " + String.join(" + ", pieces) + ")";
    }

    /** A JSON document with references as a function of the session, for sendText. */
    private String jsonFunction(Json value) {
        String body = jsonBody(value);
        return body.substring("StringBody(".length(), body.length() - 1);
    }

    private static void jsonPieces(Json value, StringBuilder literal, List<String> pieces) {
        if (value.references().isEmpty()) {
            literal.append(jsonCode(value));
            return;
        }
        if (value instanceof Json.JsonObject object) {
            literal.append('{');
            for (int i = 0; i < object.members().size(); i++) {
                Json.Member member = object.members().get(i);
                literal.append(i == 0 ? "" : ",").append(jsonString(member.key())).append(':');
                jsonPieces(member.value(), literal, pieces);
            }
            literal.append('}');
        } else if (value instanceof Json.JsonArray array) {
            literal.append('[');
            for (int i = 0; i < array.items().size(); i++) {
                literal.append(i == 0 ? "" : ",");
                jsonPieces(array.items().get(i), literal, pieces);
            }
            literal.append(']');
        } else {
            String expression;
            if (value instanceof Json.JsonRef ref) {
                expression = "json(session.get(" + JavaText.quote(ref.variable()) + "))";
            } else {
                Text text = ((Json.JsonString) value).value();
                List<String> concat = new ArrayList<>();
                for (Text.Part part : text.parts()) {
                    concat.add(part instanceof Text.Literal l ? JavaText.quote(l.value())
                            : "session.getString(" + JavaText.quote(((Text.Ref) part).variable()) + ")");
                }
                expression = "json(" + (concat.size() == 1 && text.soleReference() != null ? concat.get(0) : "\"\" + " + String.join(" + ", concat)) + ")";
            }
            if (!literal.isEmpty()) {
                pieces.add(JavaText.quote(literal.toString()));
                literal.setLength(0);
            }
            pieces.add(expression);
        }
    }

    private static String jsonCode(Json value) {
        if (value instanceof Json.JsonObject object) {
            List<String> members = new ArrayList<>();
            object.members().forEach(m -> members.add(jsonString(m.key()) + ":" + jsonCode(m.value())));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof Json.JsonArray array) {
            return "[" + String.join(",", array.items().stream().map(GatlingViewBuilder::jsonCode).toList()) + "]";
        }
        if (value instanceof Json.JsonString string) {
            return jsonString(string.value().literalValue());
        }
        if (value instanceof Json.JsonNumber number) {
            return number.text();
        }
        if (value instanceof Json.JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        return "null";
    }

    /** A JSON string literal, as Jackson writes one. */
    private static String jsonString(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    // ---- files

    /** Writes bytes where the simulation's class path finds them, and returns their resource name. */
    private String dataFile(String fileName, byte[] content) {
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        String name = "files/" + (dataFiles.size() + 1) + "-" + (safeName.isEmpty() ? "data" : safeName);
        dataFiles.add(new RenderedFile(resources + "/" + name, content));
        return name;
    }

    // ---- workload

    /**
     * The one scenario's injection profile: the plan's stages, given to load(), which replaces
     * them with a constant load when -Dusers, -Drate or -Dduration is set.
     */
    private List<GatlingViews.Population> populations(List<GatlingViews.Scenario> scenarios) {
        String field = scenarios.get(0).field();
        if (plan.workload() instanceof Workload.ClosedWorkload closed) {
            int peak = closed.startUsers();
            List<String> steps = new ArrayList<>();
            int from = closed.startUsers();
            for (Workload.UserStage stage : closed.stages()) {
                int to = stage.users();
                peak = Math.max(peak, to);
                String during = ".during(" + seconds(stage.duration()) + ")";
                steps.add(from == to ? "constantConcurrentUsers(" + to + ")" + during
                        : "rampConcurrentUsers(" + from + ").to(" + to + ")" + during);
                from = to;
            }
            return List.of(new GatlingViews.Population(field, "injectClosed", Integer.toString(Math.max(1, peak)), items(steps),
                    true));
        }
        Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
        diagnostics.add(Diagnostic.info("workload", "Gatling's open model has no cap on concurrent users: the plan's "
                + open.maxUsers() + " are not enforced"));
        List<String> steps = new ArrayList<>();
        double from = open.startRate();
        for (Workload.RateStage stage : open.stages()) {
            double to = stage.rate();
            String during = seconds(stage.duration());
            steps.add(from == 0 && to == 0 ? "nothingFor(" + during + ")"
                    : from == to ? "constantUsersPerSec(" + number(to) + ").during(" + during + ")"
                    : "rampUsersPerSec(" + number(from) + ").to(" + number(to) + ").during(" + during + ")");
            from = to;
        }
        return List.of(new GatlingViews.Population(field, "injectOpen", number(open.peakRate()), items(steps), true));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? "Duration.ofSeconds(" + duration.toSeconds() + ")"
                : "Duration.ofMillis(" + duration.toMillis() + ")";
    }

    private static String number(double value) {
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    // ---- thresholds

    private List<GatlingViews.Item> assertions() {
        List<String> codes = new ArrayList<>();
        for (Threshold threshold : plan.thresholds()) {
            List<String> scopes = new ArrayList<>();
            if (threshold.operation() == null) {
                scopes.add("global()");
            } else {
                for (List<String> groups : paths.getOrDefault(threshold.operation(), Set.of())) {
                    List<String> path = new ArrayList<>(groups);
                    path.add(threshold.operation());
                    scopes.add("details(" + String.join(", ", path.stream().map(JavaText::quote).toList()) + ")");
                }
            }
            String op = switch (threshold.comparison()) {
                case LESS -> "lt";
                case LESS_OR_EQUAL -> "lte";
                case GREATER -> "gt";
                case GREATER_OR_EQUAL -> "gte";
            };
            Threshold.Measure measure = threshold.measure();
            String metric;
            String limit;
            if (measure instanceof Threshold.ErrorRate) {
                metric = "failedRequests().percent()";
                limit = number(threshold.limit() * 100);
            } else if (measure instanceof Threshold.Throughput) {
                metric = "requestsPerSec()";
                limit = number(threshold.limit());
            } else {
                metric = measure instanceof Threshold.Percentile p ? "responseTime().percentile(" + number(p.percentile()) + ")"
                        : measure instanceof Threshold.MeanLatency ? "responseTime().mean()" : "responseTime().max()";
                // Gatling's response times are whole milliseconds.
                long whole = Math.round(threshold.limit());
                if (whole != threshold.limit()) {
                    diagnostics.add(Diagnostic.warning(threshold.expression(), "Gatling compares whole milliseconds: the limit is "
                            + whole + " ms"));
                }
                limit = Long.toString(whole);
            }
            for (String scope : scopes) {
                codes.add(scope + "." + metric + "." + op + "(" + limit + ")");
            }
        }
        return items(codes);
    }
}
