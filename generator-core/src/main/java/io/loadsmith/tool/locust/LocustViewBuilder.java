package io.loadsmith.tool.locust;

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
import io.loadsmith.render.escape.NameAllocator;
import io.loadsmith.render.escape.Python;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Turns a plan into the locustfile's view; every Locust-specific decision is made here. */
final class LocustViewBuilder {
    /** The end of a GraphQL request's failure message: what tells a GraphQL failure in Locust's CSV. */
    static final String GRAPHQL_ERRORS = ": the response has GraphQL errors";

    private final TestPlan plan;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<RenderedFile> dataFiles = new ArrayList<>();
    private final List<LocustViews.DataFile> fileViews = new ArrayList<>();
    private final NameAllocator names = NameAllocator.python();
    private final NameAllocator classes = NameAllocator.pythonClass();
    private final Map<String, String> constants = new HashMap<>();
    private final PyCode py;
    private final TreeSet<String> modules = new TreeSet<>();
    private final TreeSet<String> urllib = new TreeSet<>();
    private final TreeSet<String> locustImports = new TreeSet<>();
    private boolean usesSemaphore;
    private boolean usesJsonValue;
    private boolean usesWebSocket;
    private boolean usesRegexValue;
    private boolean groupsFlattened;
    private LocustViews.Settings settings;

    LocustViewBuilder(TestPlan plan) {
        this.plan = plan;
        for (String reserved : List.of("BASE_URL", "access_token", "json_value", "regex_value", "read_file", "values",
                "WorkloadShape", "check_thresholds", "quote", "urlencode", "web_socket_session", "expect_message", "message_value", "message_text")) {
            names.reserve(reserved);
            classes.reserve(reserved);
        }
        for (Variable variable : plan.variables()) {
            constants.put(variable.name(), names.newVerbatimName(variable.name(), variable));
        }
        this.py = new PyCode(name -> constants.containsKey(name) ? constants.get(name) : "values[" + Python.quote(name) + "]",
                constants::containsKey);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<RenderedFile> dataFiles() {
        return dataFiles;
    }

    LocustViews.Script build(String sourceName) {
        modules.add("os");
        locustImports.add("task");
        List<LocustViews.EnvVariable> variables = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (Variable variable : plan.variables()) {
            variables.add(new LocustViews.EnvVariable(constants.get(variable.name()), variable.env(), variable.defaultValue() != null,
                    variable.defaultValue() == null ? "" : variable.defaultValue(),
                    variable.description().isBlank() ? variable.name() : variable.description()));
            if (variable.required()) {
                required.add(Python.quote(variable.env()));
            }
        }
        LocustViews.OAuth2 oauth2 = null;
        if (plan.auth() instanceof Auth.OAuth2ClientCredentials oauth) {
            usesSemaphore = true;
            urllib.add("urlencode");
            List<String> form = new ArrayList<>(List.of("(\"grant_type\", \"client_credentials\")",
                    "(\"client_id\", " + py.text(oauth.clientId()) + ")", "(\"client_secret\", " + py.text(oauth.clientSecret()) + ")"));
            if (!oauth.scopes().isEmpty()) {
                form.add("(\"scope\", " + Python.quote(String.join(" ", oauth.scopes())) + ")");
            }
            oauth2 = new LocustViews.OAuth2(Python.quote(oauth.tokenUrl()), "urlencode([" + String.join(", ", form) + "])",
                    "oauth2 token");
        }
        List<LocustViews.User> users = users();
        if (groupsFlattened) {
            diagnostics.add(Diagnostic.warning("groups", "Locust has no request groups; the steps of each group run in order "
                    + "and are reported per request, with the group as a comment"));
        }
        Points points = points();
        // A constant workload is Locust's own users, spawn rate and run time (locust.conf), which flags override;
        // only a workload in stages needs a shape class, which Locust does not combine with them.
        LocustViews.Shape shape = null;
        if (!plan.workload().isConstant()) {
            locustImports.add("LoadTestShape");
            modules.add("os");
            shape = new LocustViews.Shape(points.description(), points.code());
        }
        int startUsers = (int) Math.max(1, Math.round(points.points().get(0)[1]));
        settings = new LocustViews.Settings(plan.name(), points.description(), shape != null, startUsers, startUsers,
                runTime(plan.workload().duration()));
        List<LocustViews.ThresholdCheck> thresholds = thresholds();
        if (!thresholds.isEmpty()) {
            locustImports.add("events");
            modules.add("logging");
        }
        List<String> imports = new ArrayList<>();
        modules.forEach(module -> imports.add("import " + module));
        if (!urllib.isEmpty()) {
            imports.add("from urllib.parse import " + String.join(", ", urllib));
        }
        imports.add("");
        if (usesSemaphore) {
            imports.add("from gevent.lock import Semaphore");
        }
        imports.add("from locust import " + String.join(", ", locustImports));
        return new LocustViews.Script(plan.name(), sourceName, imports,
                plan.baseUrl(), variables, !required.isEmpty(), "(" + String.join(", ", required) + (required.size() == 1 ? ",)" : ")"),
                !fileViews.isEmpty(), fileViews, oauth2, usesJsonValue, usesRegexValue, usesWebSocket, users, shape, !thresholds.isEmpty(), thresholds);
    }

    /**
     * One user class whose tasks are the plan's scenarios: Locust picks a task per iteration in
     * proportion to its weight, as the plan defines scenarios, so many scenarios are not many users.
     * A think time that ends every scenario alike is the class's wait_time.
     */
    private List<LocustViews.User> users() {
        List<Scenario> scenarios = plan.scenarios();
        boolean open = plan.workload() instanceof Workload.OpenWorkload;
        ThinkTime trailing = trailingThink(scenarios);
        String waitTime;
        if (open) {
            locustImports.add("constant_pacing");
            waitTime = "constant_pacing(" + plain(pacingSeconds()) + ")";
        } else if (trailing == null) {
            locustImports.add("constant");
            waitTime = "constant(0)";
        } else if (trailing.isFixed()) {
            locustImports.add("constant");
            waitTime = "constant(" + Durations.seconds(trailing.min()) + ")";
        } else {
            locustImports.add("between");
            waitTime = "between(" + Durations.seconds(trailing.min()) + ", " + Durations.seconds(trailing.max()) + ")";
        }
        boolean needsRequests = plan.requests().stream().anyMatch(r -> r.body() instanceof Body.MultipartBody);
        String base = needsRequests ? "HttpUser" : "FastHttpUser";
        locustImports.add(base);
        List<LocustViews.Task> tasks = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<Step> steps = new ArrayList<>(scenario.steps());
            if (trailing != null) {
                steps.remove(steps.size() - 1);
            }
            State state = new State();
            List<LocustViews.Step> stepViews = steps(steps, state);
            tasks.add(new LocustViews.Task(scenario.name(), scenarios.size() == 1 ? "" : "(" + scenario.weight() + ")",
                    names.newName(scenario.name()), state.usesValues, stepViews));
        }
        if (scenarios.size() == 1) {
            Scenario only = scenarios.get(0);
            return List.of(new LocustViews.User(classes.newName(only.name(), only), base, "Scenario " + only.name() + ".",
                    waitTime, tasks));
        }
        return List.of(new LocustViews.User(classes.newName(plan.name(), plan), base, "Each iteration runs one of the "
                + scenarios.size() + " scenarios of " + plan.name() + ", picked by weight.", waitTime, tasks));
    }

    /** The think time every scenario ends with, when they all end with the same one. */
    private static ThinkTime trailingThink(List<Scenario> scenarios) {
        ThinkTime first = null;
        for (Scenario scenario : scenarios) {
            Step last = scenario.steps().get(scenario.steps().size() - 1);
            if (!(last instanceof ThinkTime think) || scenario.steps().size() == 1 || first != null && !first.equals(think)) {
                return null;
            }
            first = think;
        }
        return first;
    }

    private static final class State {
        boolean usesValues;
    }

    private List<LocustViews.Step> steps(List<Step> steps, State state) {
        List<LocustViews.Step> views = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof HttpRequest request) {
                views.add(new LocustViews.Step(request(request, state), null, null, null));
            } else if (step instanceof WebSocketSession session) {
                views.add(new LocustViews.Step(null, webSocket(session, state), null, null));
            } else if (step instanceof ThinkTime think) {
                modules.add("time");
                String seconds;
                if (think.isFixed()) {
                    seconds = Durations.seconds(think.min());
                } else {
                    modules.add("random");
                    seconds = "random.uniform(" + Durations.seconds(think.min()) + ", " + Durations.seconds(think.max()) + ")";
                }
                views.add(new LocustViews.Step(null, null, new LocustViews.Think(seconds), null));
            } else {
                Group group = (Group) step;
                groupsFlattened = true;
                views.add(new LocustViews.Step(null, null, null, new LocustViews.Group(group.name(), steps(group.steps(), state))));
            }
        }
        return views;
    }

    private LocustViews.Request request(HttpRequest request, State state) {
        ResolvedRequest resolved = ResolvedRequest.of(plan, request);
        List<String> headerKeys = new ArrayList<>();
        List<String> headerCodes = new ArrayList<>();
        for (ResolvedRequest.Header header : resolved.headers(true, true)) {
            // Basic credentials go to requests' auth= argument instead.
            if (!(header.value() instanceof ResolvedRequest.HeaderValue.Basic)) {
                headerKeys.add(header.name());
                headerCodes.add(headerCode(header.value()));
            }
        }
        List<Param> query = resolved.query();
        // The call's arguments as name and value code; the template writes the call.
        String method = request.method().name().toLowerCase(Locale.ROOT);
        String function = method;
        List<LocustViews.Argument> arguments = new ArrayList<>();
        if (!List.of("get", "post", "put", "patch", "delete", "head", "options").contains(method)) {
            function = "request";
            arguments.add(new LocustViews.Argument(null, Python.quote(request.method().name())));
        }
        arguments.add(new LocustViews.Argument(null, urlCode(request, query)));
        LocustViews.Argument bodyArgument = bodyArgument(request);
        if (bodyArgument != null) {
            arguments.add(bodyArgument);
        }
        if (resolved.basicAuth() != null) {
            arguments.add(new LocustViews.Argument("auth", "(" + py.text(resolved.basicAuth().username()) + ", "
                    + py.text(resolved.basicAuth().password()) + ")"));
        }
        if (!headerKeys.isEmpty()) {
            arguments.add(new LocustViews.Argument("headers", py.stringDict(headerKeys, headerCodes)));
        }
        if (request.expectsRedirect()) {
            arguments.add(new LocustViews.Argument("allow_redirects", "False"));
        }
        arguments.add(new LocustViews.Argument("name", Python.quote(request.name())));
        arguments.add(new LocustViews.Argument("catch_response", "True"));
        arguments.set(0, new LocustViews.Argument(arguments.get(0).name(), arguments.get(0).valueCode(), true));
        // One line when it fits (88 columns, as black writes Python), else one argument per line.
        String inline = "self.client." + function + "(" + String.join(", ", arguments.stream().map(LocustViews.Argument::text).toList()) + ")";
        boolean oneLine = inline.length() <= 88 && !inline.contains("\n");

        List<LocustViews.Check> checks = new ArrayList<>();
        for (Check check : request.checks()) {
            String keyword = checks.isEmpty() ? "if" : "elif";
            if (check instanceof Check.StatusCheck status) {
                String condition = status.isSingle() ? "response.status_code != " + status.from()
                        : "not " + status.from() + " <= response.status_code <= " + status.to();
                checks.add(new LocustViews.Check(keyword, condition, Python.quote(request.name() + ": status ")
                        + " + str(response.status_code) + " + Python.quote(", expected " + status.describe())));
            } else if (check instanceof Check.BodyContains contains) {
                checks.add(new LocustViews.Check(keyword, Python.quote(contains.text()) + " not in response.text",
                        Python.quote(request.name() + ": the body does not contain " + contains.text())));
            } else if (check instanceof Check.JsonPathExists exists) {
                usesJsonValue = true;
                checks.add(new LocustViews.Check(keyword, "json_value(response" + pathArguments(exists.path()) + ") is None",
                        Python.quote(request.name() + ": the body has no " + exists.path())));
            } else if (check instanceof Check.NoGraphQlErrors) {
                usesJsonValue = true;
                checks.add(new LocustViews.Check(keyword, "json_value(response, \"errors\") is not None",
                        Python.quote(request.name() + GRAPHQL_ERRORS)));
            }
        }
        List<LocustViews.Extraction> extractions = new ArrayList<>();
        for (Extraction extraction : request.extractions()) {
            state.usesValues = true;
            String target = "values[" + Python.quote(extraction.variable()) + "]";
            if (extraction instanceof Extraction.FromJson json) {
                usesJsonValue = true;
                extractions.add(new LocustViews.Extraction(target + " = json_value(response" + pathArguments(json.path()) + ")"));
            } else if (extraction instanceof Extraction.FromHeader header) {
                String value = "response.headers.get(" + Python.quote(header.header()) + ")";
                if (header.pattern() == null) {
                    extractions.add(new LocustViews.Extraction(target + " = " + value));
                } else {
                    modules.add("re");
                    extractions.add(new LocustViews.Extraction(target + " = (re.search(" + Python.quote(header.pattern()) + ", "
                            + value + " or \"\") or (None, None))[1]"));
                }
            } else {
                Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
                usesRegexValue = true;
                modules.add("re");
                extractions.add(new LocustViews.Extraction(target + " = regex_value(response, " + Python.quote(regex.pattern())
                        + ", " + regex.group() + ")"));
            }
        }
        if (!request.references().stream().allMatch(constants::containsKey)) {
            state.usesValues = true;
        }
        return new LocustViews.Request(resolved.comment(), function, oneLine, arguments, request.name(), !checks.isEmpty(), checks, extractions);
    }

    /**
     * A WebSocket session with websocket-client (python3-websocket): the handshake's path, query and
     * headers resolved as a request's (Basic credentials as a header), the subprotocol asked for with
     * subprotocols=, each action a dict the locustfile's web_socket_session() runs in order.
     */
    private LocustViews.WebSocket webSocket(WebSocketSession session, State state) {
        usesWebSocket = true;
        modules.addAll(List.of("json", "re", "time", "websocket"));
        state.usesValues = true;
        HttpRequest handshake = session.handshake();
        ResolvedRequest resolved = ResolvedRequest.of(plan, handshake);
        List<String> headerKeys = new ArrayList<>();
        List<String> headerCodes = new ArrayList<>();
        for (ResolvedRequest.Header header : resolved.headers(true, true)) {
            if (header.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                continue;
            }
            headerKeys.add(header.name());
            if (header.value() instanceof ResolvedRequest.HeaderValue.Basic basic) {
                modules.add("base64");
                headerCodes.add("\"Basic \" + base64.b64encode((" + py.text(Text.concat(basic.credentials().username(), Text.of(":"),
                        basic.credentials().password())) + ").encode(\"utf-8\")).decode(\"ascii\")");
            } else {
                headerCodes.add(headerCode(header.value()));
            }
        }
        String arguments = "self, values, " + Python.quote(session.name()) + ", " + urlCode(handshake, resolved.query()) + ", "
                + py.stringDict(headerKeys, headerCodes) + ", "
                + (session.subprotocol() == null ? "None" : "[" + Python.quote(session.subprotocol()) + "]");
        List<LocustViews.WebSocketAction> actions = new ArrayList<>();
        for (WebSocketSession.Action action : session.actions()) {
            if (action instanceof WebSocketSession.Send send) {
                actions.add(new LocustViews.WebSocketAction("{\"send\": lambda: "
                        + (send.text() != null ? py.text(send.text()) : "json.dumps(" + py.json(send.json()) + ")") + "}"));
            } else if (action instanceof WebSocketSession.Pause pause) {
                actions.add(new LocustViews.WebSocketAction("{\"pause\": " + Durations.seconds(pause.duration()) + "}"));
            } else {
                WebSocketSession.Expect expect = (WebSocketSession.Expect) action;
                StringBuilder code = new StringBuilder("{\"expect\": ").append(Python.quote(expect.name()))
                        .append(", \"timeout\": ").append(Durations.seconds(expect.timeout()))
                        .append(", \"matches\": lambda message, text: ").append(matchCode(expect));
                if (!expect.extractions().isEmpty()) {
                    List<String> getters = new ArrayList<>();
                    for (Extraction extraction : expect.extractions()) {
                        getters.add(Python.quote(extraction.variable()) + ": lambda message, text: " + messageExtractionCode(extraction));
                    }
                    code.append(", \"extract\": {").append(String.join(", ", getters)).append("}");
                }
                actions.add(new LocustViews.WebSocketAction(code.append("}").toString()));
            }
        }
        return new LocustViews.WebSocket(arguments, actions);
    }

    private String matchCode(WebSocketSession.Expect expect) {
        String equals = expect.equals() == null ? null : py.text(expect.equals());
        if (expect.path() == null) {
            return equals == null ? "True" : "text == " + equals;
        }
        String value = "message_value(message" + pathArguments(expect.path()) + ")";
        return equals == null ? value + " is not None" : "message_text(" + value + ") == " + equals;
    }

    private String messageExtractionCode(Extraction extraction) {
        if (extraction instanceof Extraction.FromJson json) {
            return "message_value(message" + pathArguments(json.path()) + ")";
        }
        Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
        return "(re.search(" + Python.quote(regex.pattern()) + ", text) or (None,) * " + (regex.group() + 1) + ")[" + regex.group() + "]";
    }

    private String cookieCode(String name, Text value) {
        return Python.quote(name + "=") + " + " + py.text(value);
    }

    private static String pathArguments(JsonPath path) {
        StringBuilder out = new StringBuilder();
        for (JsonPath.Segment segment : path.segments()) {
            out.append(", ").append(segment instanceof JsonPath.Index index ? Integer.toString(index.index())
                    : Python.quote(((JsonPath.Field) segment).name()));
        }
        return out.toString();
    }

    /** The argument that carries the body ({@code json=}, {@code data=}, {@code files=}), or null. */
    private LocustViews.Argument bodyArgument(HttpRequest request) {
        Body body = request.body();
        if (body instanceof Body.JsonBody json) {
            if (json.contentType().equals("application/json")) {
                return new LocustViews.Argument("json", py.json(json.value()));
            }
            modules.add("json");
            return new LocustViews.Argument("data", "json.dumps(" + py.json(json.value()) + ")");
        }
        if (body instanceof Body.FormBody form) {
            urllib.add("urlencode");
            List<String> pairs = new ArrayList<>();
            for (Param field : form.fields()) {
                pairs.add("(" + Python.quote(field.name()) + ", " + py.text(field.value()) + ")");
            }
            return new LocustViews.Argument("data", "urlencode([" + String.join(", ", pairs) + "])");
        }
        if (body instanceof Body.MultipartBody multipart) {
            List<String> parts = new ArrayList<>();
            for (Body.MultipartPart part : multipart.parts()) {
                if (part instanceof Body.MultipartFile file) {
                    String constant = dataFile(request.name(), file.fileName(), file.content());
                    parts.add("(" + Python.quote(part.name()) + ", (" + Python.quote(file.fileName()) + ", " + constant + ", "
                            + Python.quote(file.contentType()) + "))");
                } else {
                    parts.add("(" + Python.quote(part.name()) + ", (None, " + py.text(((Body.MultipartField) part).value()) + "))");
                }
            }
            return new LocustViews.Argument("files", "[" + String.join(", ", parts) + "]");
        }
        if (body instanceof Body.RawBody raw) {
            return new LocustViews.Argument("data", py.text(raw.content()) + ".encode(\"utf-8\")");
        }
        if (body instanceof Body.BinaryBody binary) {
            return new LocustViews.Argument("data", dataFile(request.name(), "body.bin", binary.content()));
        }
        return null;
    }

    /** A header's value as a Python expression. */
    private String headerCode(ResolvedRequest.HeaderValue value) {
        if (value instanceof ResolvedRequest.HeaderValue.Plain plain) {
            return py.text(plain.text());
        }
        if (value instanceof ResolvedRequest.HeaderValue.AccessToken) {
            return "\"Bearer \" + access_token(self.client)";
        }
        if (value instanceof ResolvedRequest.HeaderValue.Cookies cookies) {
            return String.join(" + \"; \" + ", cookies.cookies().stream().map(c -> cookieCode(c.name(), c.value())).toList());
        }
        throw new IllegalArgumentException("Locust sends basic credentials with auth=: " + value);
    }

    /** The request URL relative to the host: literals encoded now, references quoted at run time. */
    private String urlCode(HttpRequest request, List<Param> query) {
        List<String> pieces = new ArrayList<>();
        for (HttpRequest.PathPiece piece : request.pathPieces()) {
            if (piece.isParameter()) {
                pieces.addAll(py.urlPieces(request.pathParam(piece.parameter()), PyCode::component));
            } else {
                pieces.add(UrlEncoding.path(piece.literal()));
            }
        }
        for (int i = 0; i < query.size(); i++) {
            pieces.add((i == 0 ? "?" : "&") + UrlEncoding.component(query.get(i).name()) + "=");
            pieces.addAll(py.urlPieces(query.get(i).value(), PyCode::component));
        }
        if (pieces.contains(null)) {
            urllib.add("quote");
        }
        List<String> code = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) == null) {
                if (literal.length() > 0) {
                    code.add(Python.quote(literal.toString()));
                    literal.setLength(0);
                }
                code.add(pieces.get(++i));
            } else {
                literal.append(pieces.get(i));
            }
        }
        if (literal.length() > 0 || code.isEmpty()) {
            code.add(Python.quote(literal.toString()));
        }
        return String.join(" + ", code);
    }

    private String dataFile(String requestName, String fileName, byte[] content) {
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        String path = "files/" + (dataFiles.size() + 1) + "-" + (safeName.isEmpty() ? "data" : safeName);
        dataFiles.add(new RenderedFile("locust/" + path, content));
        String constant = names.newName("FILE " + requestName).toUpperCase(Locale.ROOT);
        fileViews.add(new LocustViews.DataFile(constant, path));
        return constant;
    }

    /** For an open workload: each user starts an iteration this often, so that users = rate × pacing. */
    private double pacingSeconds() {
        Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
        return open.peakRate() <= 0 ? 1 : Math.max(0.001, open.maxUsers() / open.peakRate());
    }

    /** Locust's settings file for the plan's workload; after {@link #build}. */
    LocustViews.Settings settings() {
        return settings;
    }

    /** A run time as Locust reads it: hours, minutes and whole seconds (a part of a second is rounded up). */
    private static String runTime(java.time.Duration duration) {
        long seconds = (duration.toMillis() + 999) / 1000;
        return Durations.format(java.time.Duration.ofSeconds(seconds));
    }

    private record Points(String description, List<double[]> points, String code) {}

    /** The workload as (seconds, users, spawn rate) points that users follow linearly. */
    private Points points() {
        List<double[]> points = new ArrayList<>();
        String description;
        if (plan.workload() instanceof Workload.ClosedWorkload closed) {
            double t = 0;
            points.add(new double[] {0, closed.startUsers()});
            for (Workload.UserStage stage : closed.stages()) {
                t += stage.duration().toMillis() / 1000.0;
                points.add(new double[] {t, stage.users()});
            }
            description = closed.isConstant() ? closed.startUsers() + (closed.startUsers() == 1 ? " user" : " users")
                    + " for " + Durations.format(closed.duration())
                    : "users ramping through " + closed.stages().size() + " stages over " + Durations.format(closed.duration());
        } else {
            Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
            double pacing = pacingSeconds();
            double t = 0;
            points.add(new double[] {0, open.startRate() * pacing});
            for (Workload.RateStage stage : open.stages()) {
                t += stage.duration().toMillis() / 1000.0;
                points.add(new double[] {t, stage.rate() * pacing});
            }
            description = "an arrival rate of up to " + plain(open.peakRate()) + "/s, approximated by users that each start an "
                    + "iteration every " + plain(pacing) + " s";
            diagnostics.add(Diagnostic.warning("workload", "Locust has no arrival-rate model: the open workload runs as "
                    + "rate(t) x " + plain(pacing) + " users, each starting an iteration every " + plain(pacing)
                    + " s (constant_pacing); when an iteration takes longer, the rate falls as in a closed model"));
        }
        List<String> tuples = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] point = points.get(i);
            double rate = i == 0 ? Math.max(1, point[1])
                    : Math.max(1, Math.ceil(Math.abs(point[1] - points.get(i - 1)[1]) / Math.max(0.001, point[0] - points.get(i - 1)[0])));
            rate = Math.max(rate, points.get(0)[1]);
            tuples.add("(" + plain(point[0]) + ", " + plain(Math.round(point[1] * 1000) / 1000.0) + ", " + plain(rate) + ")");
        }
        return new Points(description, points, "[" + String.join(", ", tuples) + "]");
    }

    private List<LocustViews.ThresholdCheck> thresholds() {
        List<LocustViews.ThresholdCheck> checks = new ArrayList<>();
        Map<String, HttpRequest> requests = new HashMap<>();
        plan.requests().forEach(r -> requests.putIfAbsent(r.name(), r));
        boolean approximatePercentiles = false;
        for (Threshold threshold : plan.thresholds()) {
            String entry = threshold.operation() == null ? "environment.stats.total"
                    : "environment.stats.get(" + Python.quote(threshold.operation()) + ", "
                    + Python.quote(requests.get(threshold.operation()).method().name()) + ")";
            String measured;
            String limit = plain(threshold.limit());
            Threshold.Measure measure = threshold.measure();
            if (measure instanceof Threshold.Percentile p) {
                measured = entry + ".get_response_time_percentile(" + plain(p.percentile() / 100) + ")";
                approximatePercentiles = true;
            } else if (measure instanceof Threshold.MeanLatency) {
                measured = entry + ".avg_response_time";
            } else if (measure instanceof Threshold.MaxLatency) {
                measured = entry + ".max_response_time";
            } else if (measure instanceof Threshold.ErrorRate) {
                measured = entry + ".fail_ratio";
            } else {
                measured = entry + ".total_rps";
            }
            checks.add(new LocustViews.ThresholdCheck(threshold.expression(), measured, limit, threshold.comparison().symbol()));
        }
        if (approximatePercentiles) {
            diagnostics.add(Diagnostic.info("thresholds", "Locust keeps response times rounded to two significant digits "
                    + "above 100 ms, so its percentiles are approximations"));
        }
        return checks;
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
