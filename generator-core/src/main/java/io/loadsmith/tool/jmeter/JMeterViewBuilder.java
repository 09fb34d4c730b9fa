package io.loadsmith.tool.jmeter;

import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Durations;
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
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Variable;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.model.Workload;
import io.loadsmith.render.EnvExample;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.render.ResolvedRequest;
import io.loadsmith.render.UrlEncoding;
import io.loadsmith.render.escape.Groovy;
import io.loadsmith.render.escape.JMeter;
import io.loadsmith.render.escape.NameAllocator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a plan into the JMX view; every JMeter-specific decision is made here. */
final class JMeterViewBuilder {
    /** The path of a GraphQL response's errors, which the inverted JSON Assertion of a GraphQL request looks for. */
    /** The suffix of the variable that holds an extracted value as JSON text. */
    private static final String JSON_SUFFIX = ".json";
    static final String GRAPHQL_ERRORS = "$.errors";
    /** How JMeter's JSON Assertion says it found them: what tells a GraphQL failure in a JTL. */
    static final String GRAPHQL_ERRORS_FAILURE = "JSONPath not exists: " + GRAPHQL_ERRORS;

    /** The User Defined Variable that holds the base URL. */
    static final String BASE_URL = EnvExample.BASE_URL;
    /** The JMeter property the setUp Thread Group leaves the OAuth 2.0 access token in. */
    static final String TOKEN_PROPERTY = "loadsmith.access_token";
    private static final String TOKEN_VARIABLE = "loadsmith.token";
    private static final String TIMEOUT_MILLIS = "60000";
    private static final String NEWLINE = "\r\n";
    private static final Pattern SIMPLE_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Java regular-expression constructs that JMeter's Perl 5 (ORO) engine does not know. */
    private static final Pattern NOT_ORO = Pattern.compile("\\(\\?<[^=!]|\\(\\?<[=!]|\\\\p\\{|\\\\P\\{|\\\\Q|[*+?}][+]");

    private final TestPlan plan;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private static final String PATH_SUFFIX = ".path";
    private final List<RenderedFile> dataFiles = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> usedNames = new HashSet<>(Set.of(BASE_URL));
    private final Set<String> jsonExtracted = new HashSet<>();
    /**
     * Variables a JSON body inserts with their JSON type ({@code {$var: id}}): their JSON
     * extraction also keeps the value as JSON text, in {@code NAME.json}, since JMeter variables are text.
     */
    private final Set<String> typedRefs = new HashSet<>();
    private final Set<String> extracted = new HashSet<>();
    /** Settings (plan variables) that a path uses: each gets a path-encoded copy, the User Defined Variable {@code NAME.path}. */
    private final Set<String> settingsInPaths = new HashSet<>();

    JMeterViewBuilder(TestPlan plan) {
        this.plan = plan;
        for (Variable variable : plan.variables()) {
            name(variable.name());
        }
        for (HttpRequest request : plan.requests()) {
            for (Extraction extraction : request.extractions()) {
                name(extraction.variable());
                if (extraction instanceof Extraction.FromJson) {
                    jsonExtracted.add(extraction.variable());
                }
            }
        }
        plan.requests().forEach(r -> r.extractions().forEach(e -> extracted.add(e.variable())));
        for (Scenario scenario : plan.scenarios()) {
            for (WebSocketSession session : scenario.webSocketSessions()) {
                session.extractions().forEach(e -> {
                    name(e.variable());
                    extracted.add(e.variable());
                });
                // A JSON message inserts values with their JSON type: the extractions keep it (NAME.json).
                session.actions().stream().filter(a -> a instanceof WebSocketSession.Send send && send.json() != null)
                        .forEach(a -> collectJsonRefs(((WebSocketSession.Send) a).json(), typedRefs));
            }
        }
        for (HttpRequest request : plan.requests()) {
            if (request.body() instanceof Body.JsonBody json) {
                collectJsonRefs(json.value(), typedRefs);
            }
        }
        for (HttpRequest request : plan.requests()) {
            for (Param param : request.pathParams()) {
                param.value().references().stream().filter(v -> !extracted.contains(v)).forEach(settingsInPaths::add);
            }
        }
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<RenderedFile> dataFiles() {
        return dataFiles;
    }

    /** The JMeter variable of a plan variable or extraction: the same name unless JMeter cannot use it. */
    private String name(String planName) {
        return names.computeIfAbsent(planName, n -> {
            String base = JMeter.isName(n) ? n : "v_" + n.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^_+", "");
            String candidate = base;
            for (int i = 2; usedNames.contains(candidate); i++) {
                candidate = base + "_" + i;
            }
            usedNames.add(candidate);
            return candidate;
        });
    }

    JMeterViews.Plan build(String sourceName) {
        List<JMeterViews.Argument> variables = new ArrayList<>();
        variables.add(new JMeterViews.Argument(BASE_URL, setting(BASE_URL, plan.baseUrl(), true),
                JMeter.literal("Base URL of the system under test")));
        List<Variable> required = new ArrayList<>();
        for (Variable variable : plan.variables()) {
            variables.add(new JMeterViews.Argument(name(variable.name()), setting(variable.env(), variable.defaultValue(), false),
                    JMeter.literal(variable.description().isBlank() ? variable.env() : variable.description())));
            if (settingsInPaths.contains(variable.name())) {
                variables.add(new JMeterViews.Argument(name(variable.name()) + PATH_SUFFIX, pathSetting(variable),
                        JMeter.literal(name(variable.name()) + ", encoded for URL paths")));
            }
            if (variable.required()) {
                required.add(variable);
            }
        }
        List<JMeterViews.Header> defaultHeaders = new ArrayList<>();
        for (Param header : plan.headers()) {
            defaultHeaders.add(new JMeterViews.Header(JMeter.literal(header.name()), text(header.value())));
        }
        JMeterViews.Setup setup = setup(required);
        List<JMeterViews.ThreadGroup> threadGroups = threadGroups();
        if (!plan.thresholds().isEmpty()) {
            diagnostics.add(Diagnostic.warning("thresholds", "JMeter has no pass/fail thresholds: the plan's "
                    + plan.thresholds().size() + " threshold(s) are listed in the Test Plan's comments, and JMeter "
                    + "does not check them; judge them from the results file"));
        }
        return new JMeterViews.Plan(JMeter.name(plan.name()), JMeter.literal(comments(sourceName)), TIMEOUT_MILLIS,
                variables, !defaultHeaders.isEmpty(), defaultHeaders, setup, threadGroups);
    }

    /**
     * A setting read at the start of the test: the JMeter property of that name ({@code -JNAME=}),
     * else the environment variable, else the default.
     */
    private static String setting(String env, String defaultValue, boolean stripTrailingSlash) {
        JMeter.GroovyCall call = new JMeter.GroovyCall();
        call.code(stripTrailingSlash ? "(" : "");
        lookup(call, env, defaultValue);
        if (stripTrailingSlash) {
            call.code(").replaceAll(").string("/+$").code(", ").string("").code(")");
        }
        return call.build();
    }

    /**
     * The same setting, percent-encoded for a URL path segment. Computed once, with the other User Defined
     * Variables; URLEncoder writes a space as '+', which a path would read as a plus sign.
     */
    private static String pathSetting(Variable variable) {
        JMeter.GroovyCall call = new JMeter.GroovyCall().code("URLEncoder.encode(");
        lookup(call, variable.env(), variable.defaultValue());
        return call.code(", ").string("UTF-8").code(").replace(").string("+").code(", ").string("%20").code(")").build();
    }

    private static void lookup(JMeter.GroovyCall call, String env, String defaultValue) {
        call.code("props.get(").string(env).code(") ?: System.getenv(").string(env).code(") ?: ")
                .string(defaultValue == null ? "" : defaultValue);
    }

    private String comments(String sourceName) {
        StringBuilder out = new StringBuilder();
        out.append(plan.name()).append(": a JMeter test plan generated by Loadsmith")
                .append(sourceName == null ? "" : " from " + sourceName).append(".\n\n");
        out.append("Run it:        jmeter -n -t plan.jmx -l results.jtl\n");
        out.append("Another host:  jmeter -n -t plan.jmx -l results.jtl -J").append(BASE_URL).append("=https://staging.example.com\n\n");
        out.append("Each User Defined Variable below reads the JMeter property of its name (-JNAME=value), else the "
                + "environment variable of that name, else its default; ../.env.example lists them. Secrets have no "
                + "default: set them in the environment.\n");
        out.append("Workload: ").append(workloadDescription()).append('\n');
        if (!plan.thresholds().isEmpty()) {
            out.append("Thresholds of the plan (JMeter does not check them):");
            for (Threshold threshold : plan.thresholds()) {
                out.append("\n  ").append(threshold.expression());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String workloadDescription() {
        if (plan.workload() instanceof Workload.ClosedWorkload closed) {
            return closed.isConstant() ? closed.startUsers() + (closed.startUsers() == 1 ? " user" : " users") + " for "
                    + Durations.format(closed.duration())
                    : "users in " + closed.stages().size() + " stages over " + Durations.format(closed.duration())
                    + "; each Thread Group reads -Jthreads, -Jrampup and -Jduration (seconds)";
        }
        Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
        return "arrivals of up to " + plain(open.peakRate()) + "/s over " + Durations.format(open.duration())
                + "; each Open Model Thread Group reads its schedule from -Jschedule.\n"
                + "JMeter 5.6 keeps an idle Open Model thread for a minute after the test: add"
                + " -Jjmeterengine.force.system.exit=true to exit at once";
    }

    private JMeterViews.Setup setup(List<Variable> required) {
        List<JMeterViews.Node> nodes = new ArrayList<>();
        if (!required.isEmpty()) {
            StringBuilder script = new StringBuilder("// Stops the test before it starts when a required setting is missing.\n");
            script.append("def missing = []\n");
            for (Variable variable : required) {
                script.append("if (!vars.get(").append(Groovy.quote(name(variable.name()))).append(")) missing << ")
                        .append(Groovy.quote(variable.env())).append('\n');
            }
            script.append("if (missing) {\n")
                    .append("    def message = 'Set ' + missing.join(', ') + ' (environment variables or -J properties; see .env.example)'\n")
                    .append("    log.error(message)\n")
                    .append("    println(message)\n")
                    .append("    SampleResult.setSuccessful(false)\n")
                    .append("    SampleResult.setResponseMessage(message)\n")
                    .append("} else {\n")
                    .append("    SampleResult.setIgnore()\n")
                    .append("}\n");
            nodes.add(JMeterViews.Node.of(new JMeterViews.Script(JMeter.name("check settings"), JMeter.literal(script.toString()))));
        }
        if (plan.auth() instanceof Auth.OAuth2ClientCredentials oauth) {
            nodes.add(JMeterViews.Node.of(tokenSampler(oauth)));
        }
        if (nodes.isEmpty()) {
            return null;
        }
        String name = plan.auth() instanceof Auth.OAuth2ClientCredentials ? "setUp: settings and OAuth 2.0 token" : "setUp: settings";
        return new JMeterViews.Setup(JMeter.name(name), JMeter.literal("Runs once before the test; a failure here stops the test."),
                nodes);
    }

    private JMeterViews.Sampler tokenSampler(Auth.OAuth2ClientCredentials oauth) {
        String tokenUrl = oauth.tokenUrl();
        JMeter.Expression url = new JMeter.Expression();
        if (tokenUrl.startsWith("http://") || tokenUrl.startsWith("https://")) {
            url.literal(tokenUrl);
        } else {
            url.code(JMeter.variable(BASE_URL)).literal(tokenUrl.startsWith("/") ? tokenUrl : "/" + tokenUrl);
        }
        List<JMeterViews.HttpArgument> form = new ArrayList<>();
        form.add(new JMeterViews.HttpArgument("grant_type", "client_credentials", true));
        form.add(new JMeterViews.HttpArgument("client_id", text(oauth.clientId()), true));
        form.add(new JMeterViews.HttpArgument("client_secret", text(oauth.clientSecret()), true));
        if (!oauth.scopes().isEmpty()) {
            form.add(new JMeterViews.HttpArgument("scope", JMeter.literal(String.join(" ", oauth.scopes())), true));
        }
        List<JMeterViews.Assertion> assertions = List.of(statusAssertion("oauth2 token", Check.StatusCheck.is(200)));
        String store = "props.put(" + Groovy.quote(TOKEN_PROPERTY) + ", vars.get(" + Groovy.quote(TOKEN_VARIABLE) + ") ?: '')\n";
        List<JMeterViews.Extractor> extractors = List.of(
                new JMeterViews.Extractor(new JMeterViews.JsonExtractor(JMeter.name("access_token"), TOKEN_VARIABLE,
                        "$.access_token", ""), null, null),
                new JMeterViews.Extractor(null, null, new JMeterViews.Script(JMeter.name("share the token with every thread"),
                        JMeter.literal(store))));
        return new JMeterViews.Sampler(JMeter.name("oauth2 token"), "", "POST", url.toString(), true, false, false, form, false,
                List.of(), true, List.of(new JMeterViews.Header("Content-Type", "application/x-www-form-urlencoded")), null,
                assertions, extractors);
    }

    /**
     * One Thread Group with the plan's whole workload. Several scenarios share it: a Switch
     * Controller runs one of them per iteration, picked by weight, as the plan defines scenarios,
     * so many scenarios are not many users.
     */
    private List<JMeterViews.ThreadGroup> threadGroups() {
        List<Scenario> scenarios = plan.scenarios();
        boolean single = scenarios.size() == 1;
        String name = single ? scenarios.get(0).name() : plan.name();
        List<JMeterViews.Node> nodes = single ? nodes(scenarios.get(0).steps()) : List.of();
        JMeterViews.Choice choice = single ? null : choice(scenarios);
        if (plan.workload() instanceof Workload.ClosedWorkload closed) {
            ClosedShape shape = closedShape(name, closed);
            JMeterViews.Closed view = new JMeterViews.Closed(
                    JMeter.property("threads", Integer.toString(shape.threads)),
                    JMeter.property("rampup", Long.toString(shape.rampUp)),
                    JMeter.property("duration", Long.toString(shape.duration)));
            String comments = shape.threads + (shape.threads == 1 ? " user" : " users") + ", started over " + shape.rampUp
                    + " s, for " + shape.duration + " s in all (-Jthreads, -Jrampup, -Jduration)";
            return List.of(new JMeterViews.ThreadGroup(JMeter.name(name), JMeter.literal(comments), view, null, nodes, choice));
        }
        Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
        diagnostics.add(Diagnostic.warning("workload", "JMeter's Open Model Thread Group starts a new thread for every "
                + "arrival and has no cap: the plan's limit of " + open.maxUsers() + " concurrent users is not enforced"));
        String comments = "Arrivals, evenly spaced, each running " + (single ? "the scenario" : "one scenario, picked by weight,")
                + " once in a new thread (-Jschedule)";
        return List.of(new JMeterViews.ThreadGroup(JMeter.name(name), JMeter.literal(comments), null,
                new JMeterViews.Open(JMeter.property("schedule", schedule(open, 1))), nodes, choice));
    }

    /** An Open Model Thread Group's schedule for the workload's arrival rates, times {@code share}. */
    private static String schedule(Workload.OpenWorkload open, double share) {
        StringBuilder schedule = new StringBuilder("rate(").append(rate(open.startRate() * share)).append(")");
        for (Workload.RateStage stage : open.stages()) {
            schedule.append(" even_arrivals(").append(duration(stage.duration())).append(") rate(")
                    .append(rate(stage.rate() * share)).append(")");
        }
        return schedule.toString();
    }

    /**
     * What each of {@code servers} JMeter servers runs of the plan's workload, as the properties
     * the plan's Thread Group reads: {@code -Jthreads} of a closed workload divided among them (the
     * remainder one more each for the first), or {@code -Jschedule} with a share of every arrival
     * rate. Together they run the plan.
     */
    static List<List<String>> serverProperties(TestPlan plan, int servers) {
        List<List<String>> properties = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            if (plan.workload() instanceof Workload.ClosedWorkload closed) {
                int threads = new JMeterViewBuilder(plan).closedShape(plan.name(), closed).threads;
                properties.add(List.of("-Jthreads=" + (threads / servers + (i < threads % servers ? 1 : 0))));
            } else {
                properties.add(List.of("-Jschedule=" + schedule((Workload.OpenWorkload) plan.workload(), 1.0 / servers)));
            }
        }
        return properties;
    }

    /**
     * The Switch Controller of several scenarios: {@code __Random} when their weights are equal,
     * else a Groovy expression that maps one random draw onto the weights, once per iteration.
     */
    private JMeterViews.Choice choice(List<Scenario> scenarios) {
        List<JMeterViews.Case> cases = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            cases.add(new JMeterViews.Case(JMeter.name(scenario.name()), nodes(scenario.steps())));
        }
        long total = scenarios.stream().mapToLong(Scenario::weight).sum();
        String value;
        if (scenarios.stream().allMatch(s -> s.weight() == scenarios.get(0).weight())) {
            value = "${__Random(0," + (scenarios.size() - 1) + ")}";
        } else {
            StringBuilder expression = new StringBuilder("def r = java.util.concurrent.ThreadLocalRandom.current().nextLong(")
                    .append(total).append("L); ");
            long upTo = 0;
            for (int i = 0; i < scenarios.size() - 1; i++) {
                upTo += scenarios.get(i).weight();
                expression.append("r < ").append(upTo).append("L ? ").append(i).append(" : ");
            }
            expression.append(scenarios.size() - 1);
            value = "${__groovy(" + expression + ")}";
        }
        String weights = String.join(", ", scenarios.stream().map(s -> Integer.toString(s.weight())).toList());
        return new JMeterViews.Choice(JMeter.name("one scenario per iteration"),
                JMeter.literal("Runs one of the Simple Controllers below each iteration, in proportion to their weights ("
                        + weights + ")"), value, cases);
    }

    private record ClosedShape(int threads, long rampUp, long duration) {}

    /**
     * A standard Thread Group starts its threads evenly over the ramp-up and runs them all until
     * the end. That is exact for a constant load and for one ramp up followed by a hold; any other
     * shape becomes a ramp to the peak and a hold with the same user-seconds as the plan.
     */
    private ClosedShape closedShape(String scenario, Workload.ClosedWorkload closed) {
        List<Integer> users = new ArrayList<>();
        users.add(closed.startUsers());
        closed.stages().forEach(stage -> users.add(stage.users()));
        return closedShape(scenario, users, closed.stages().stream().map(Workload.UserStage::duration).toList());
    }

    private ClosedShape closedShape(String scenario, List<Integer> users, List<Duration> durations) {
        // The model holds at least one user in some stage: the peak is at least 1.
        final int peak = users.stream().mapToInt(Integer::intValue).max().orElseThrow();
        double area = 0;
        double total = 0;
        double rampUp = -1;
        if (users.get(0) == peak) {
            rampUp = 0;
        }
        for (int i = 1; i < users.size(); i++) {
            double seconds = durations.get(i - 1).toMillis() / 1000.0;
            area += (users.get(i - 1) + users.get(i)) / 2.0 * seconds;
            total += seconds;
            if (rampUp < 0 && users.get(i) == peak) {
                rampUp = total;
            }
        }
        boolean exact = (users.get(0) == peak || (users.get(0) == 0 && users.size() > 1 && users.get(1) == peak))
                && users.subList(Math.min(users.size(), users.get(0) == peak ? 0 : 2), users.size()).stream().allMatch(u -> u == peak)
                && isWhole(total) && isWhole(rampUp);
        long ramp = Math.round(rampUp);
        long duration = exact ? Math.round(total) : Math.max(ramp + 1, Math.round(area / peak + rampUp / 2));
        if (!exact) {
            diagnostics.add(Diagnostic.warning(scenario, "JMeter's Thread Group ramps up once and then holds: the stages run "
                    + "as " + peak + " users started over " + ramp + " s and stopped together at " + duration
                    + " s, the same user-time as the plan"));
        }
        return new ClosedShape(peak, ramp, duration);
    }

    private static boolean isWhole(double seconds) {
        return Math.abs(seconds - Math.rint(seconds)) < 1e-9;
    }

    private static String rate(double perSecond) {
        return plain(perSecond) + "/sec";
    }

    private static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " sec" : duration.toMillis() + " ms";
    }

    private List<JMeterViews.Node> nodes(List<Step> steps) {
        List<JMeterViews.Node> nodes = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof HttpRequest request) {
                nodes.add(JMeterViews.Node.of(sampler(request)));
            } else if (step instanceof WebSocketSession session) {
                nodes.addAll(webSocket(session));
            } else if (step instanceof ThinkTime think) {
                nodes.add(JMeterViews.Node.of(think(think)));
            } else {
                Group group = (Group) step;
                nodes.add(JMeterViews.Node.of(new JMeterViews.Group(JMeter.name(group.name()), nodes(group.steps()))));
            }
        }
        return nodes;
    }

    /**
     * A WebSocket session as JSR223 samplers in Groovy on the JDK's WebSocket client (JMeter ships no
     * WebSocket sampler): the connect, reported under the session's name; one sampler per expected
     * message, reported under its name, that sends the messages before it and waits for it (its
     * time is the send and the round trip, or from the one before when nothing is sent between
     * them; pauses before it run first, as Flow Control Actions);
     * and a last one, not reported, that sends what is left and closes. The socket and the queue
     * of received messages live in the thread's variables.
     */
    private List<JMeterViews.Node> webSocket(WebSocketSession session) {
        List<JMeterViews.Node> nodes = new ArrayList<>();
        ResolvedRequest resolved = ResolvedRequest.of(plan, session.handshake());
        StringBuilder url = new StringBuilder("vars.get(").append(Groovy.quote(BASE_URL))
                .append(").replaceAll('/+$', '').replaceFirst('^http', 'ws') + ").append(Groovy.quote(UrlEncoding.path(session.path())));
        List<Param> query = resolved.query();
        for (int i = 0; i < query.size(); i++) {
            url.append(" + ").append(Groovy.quote((i == 0 ? "?" : "&") + UrlEncoding.component(query.get(i).name()) + "="));
            for (Text.Part part : query.get(i).value().parts()) {
                url.append(" + ").append(part instanceof Text.Literal literal ? Groovy.quote(UrlEncoding.component(literal.value()))
                        : "URLEncoder.encode(vars.get(" + Groovy.quote(name(((Text.Ref) part).variable())) + ") ?: '', 'UTF-8').replace('+', '%20')");
            }
        }
        StringBuilder connect = new StringBuilder(WS_IMPORTS)
                .append("def messages = new LinkedBlockingQueue<String>()\n")
                .append("def listener = new WebSocket.Listener() {\n")
                .append("    StringBuilder text = new StringBuilder()\n")
                .append("    CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {\n")
                .append("        text.append(data)\n")
                .append("        if (last) {\n")
                .append("            messages.put(text.toString())\n")
                .append("            text.setLength(0)\n")
                .append("        }\n")
                .append("        socket.request(1)\n")
                .append("        return null\n")
                .append("    }\n")
                .append("}\n")
                // One client per thread, for all its sessions.
                .append("def client = vars.getObject('loadsmith.ws.client')\n")
                .append("if (client == null) {\n")
                .append("    client = HttpClient.newHttpClient()\n")
                .append("    vars.putObject('loadsmith.ws.client', client)\n")
                .append("}\n")
                .append("def builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))\n");
        for (ResolvedRequest.Header header : resolved.headers(true, false)) {
            if (header.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                continue;
            }
            connect.append("builder.header(").append(Groovy.quote(header.name())).append(", ").append(groovyHeader(header.value())).append(")\n");
        }
        if (session.subprotocol() != null) {
            connect.append("builder.subprotocols(").append(Groovy.quote(session.subprotocol())).append(")\n");
        }
        connect.append(WS_TIMED).append("try {\n")
                .append("    def socket = builder.buildAsync(URI.create(").append(url).append("), listener).get(30, TimeUnit.SECONDS)\n")
                .append("    vars.putObject('loadsmith.ws', socket)\n")
                .append("    vars.putObject('loadsmith.ws.messages', messages)\n")
                .append("    SampleResult.setResponseCode('101')\n")
                .append("} catch (ExecutionException e) {\n")
                .append("    vars.remove('loadsmith.ws')\n")
                .append("    SampleResult.setSuccessful(false)\n")
                .append("    SampleResult.setResponseCode(e.cause instanceof WebSocketHandshakeException ? ")
                .append("String.valueOf(e.cause.response.statusCode()) : 'connection failed')\n")
                .append("    SampleResult.setResponseMessage(String.valueOf(e.cause))\n")
                .append("}\n");
        nodes.add(JMeterViews.Node.of(new JMeterViews.Script(JMeter.name(session.name()), JMeter.literal(connect.toString()))));

        StringBuilder sends = new StringBuilder();
        for (WebSocketSession.Action action : session.actions()) {
            if (action instanceof WebSocketSession.Send send) {
                sends.append("socket.sendText(").append(send.text() != null ? groovyText(send.text()) : groovyJson(send.json()))
                        .append(", true).get(30, TimeUnit.SECONDS)\n");
            } else if (action instanceof WebSocketSession.Pause pause) {
                nodes.add(JMeterViews.Node.of(think(ThinkTime.fixed(pause.duration()))));
            } else {
                WebSocketSession.Expect expect = (WebSocketSession.Expect) action;
                StringBuilder script = new StringBuilder(WS_IMPORTS).append(WS_HELPERS).append(WS_OPEN).append(WS_TIMED).append(sends)
                        .append("def deadline = System.nanoTime() + ").append(expect.timeout().toMillis()).append("L * 1000000L\n")
                        .append("while (true) {\n")
                        .append("    def left = deadline - System.nanoTime()\n")
                        .append("    def text = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null\n")
                        .append("    if (text == null) {\n")
                        .append("        SampleResult.setSuccessful(false)\n")
                        .append("        SampleResult.setResponseCode('timeout')\n")
                        .append("        SampleResult.setResponseMessage(").append(Groovy.quote(expect.name() + ": no matching message within "
                                + Durations.format(expect.timeout()))).append(")\n")
                        .append("        socket.abort()\n")
                        .append("        vars.remove('loadsmith.ws')\n")
                        .append("        return\n")
                        .append("    }\n")
                        .append("    def message = parse(text)\n")
                        .append("    if (").append(groovyMatch(expect)).append(") {\n")
                        .append("        SampleResult.setResponseData(text, 'UTF-8')\n");
                for (Extraction extraction : expect.extractions()) {
                    String variable = name(extraction.variable());
                    if (extraction instanceof Extraction.FromJson json) {
                        script.append("        def value = valueAt(message, ").append(groovyPath(json.path())).append(")\n")
                                .append("        vars.put(").append(Groovy.quote(variable)).append(", value == null ? '' : asText(value))\n")
                                .append("        vars.put(").append(Groovy.quote(variable + JSON_SUFFIX)).append(", JsonOutput.toJson(value))\n");
                    } else {
                        Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
                        script.append("        def found = text =~ ").append(Groovy.quote(regex.pattern())).append("\n")
                                .append("        vars.put(").append(Groovy.quote(variable)).append(", found.find() ? (found.group(")
                                .append(regex.group()).append(") ?: '') : '')\n");
                    }
                }
                script.append("        break\n    }\n}\n");
                nodes.add(JMeterViews.Node.of(new JMeterViews.Script(JMeter.name(expect.name()), JMeter.literal(script.toString()))));
                sends.setLength(0);
            }
        }
        StringBuilder close = new StringBuilder(WS_IMPORTS).append("SampleResult.setIgnore()\n").append(WS_OPEN).append(sends)
                .append("socket.sendClose(WebSocket.NORMAL_CLOSURE, '').get(30, TimeUnit.SECONDS)\n")
                .append("vars.remove('loadsmith.ws')\n");
        nodes.add(JMeterViews.Node.of(new JMeterViews.Script(JMeter.name(session.name() + ": close"), JMeter.literal(close.toString()))));
        return nodes;
    }

    private static final String WS_IMPORTS = "import groovy.json.JsonOutput\nimport groovy.json.JsonSlurper\nimport java.net.URI\n"
            + "import java.net.URLEncoder\nimport java.net.http.HttpClient\nimport java.net.http.WebSocket\n"
            + "import java.net.http.WebSocketHandshakeException\nimport java.time.Duration\nimport java.util.concurrent.*\n\n";
    /**
     * From here the sample is timed: what the sampler did before (compiling the script the first
     * time, setting up) is idle time, which JMeter leaves out of the sample's time.
     */
    private static final String WS_TIMED = "SampleResult.setIdleTime(System.currentTimeMillis() - SampleResult.startTime)\n";
    /** The session's socket and messages; a session whose connect failed goes on without samples. */
    private static final String WS_OPEN = "def socket = vars.getObject('loadsmith.ws')\n"
            + "def messages = vars.getObject('loadsmith.ws.messages')\n"
            + "if (socket == null) {\n    SampleResult.setIgnore()\n    return\n}\n";
    private static final String WS_HELPERS = "def parse(String text) {\n"
            + "    try {\n        return new JsonSlurper().parseText(text)\n    } catch (Exception e) {\n        return null\n    }\n}\n"
            + "def valueAt(value, List path) {\n"
            + "    for (key in path) {\n"
            + "        if (value instanceof Map && value.containsKey(key) || value instanceof List && key instanceof Integer && key < value.size()) {\n"
            + "            value = value[key]\n"
            + "        } else {\n            return null\n        }\n    }\n    return value\n}\n"
            + "def asText(value) {\n    return value == null || value instanceof String ? value : JsonOutput.toJson(value)\n}\n";

    private String groovyMatch(WebSocketSession.Expect expect) {
        if (expect.path() == null) {
            return expect.equals() == null ? "true" : "text == " + groovyText(expect.equals());
        }
        String value = "valueAt(message, " + groovyPath(expect.path()) + ")";
        return expect.equals() == null ? value + " != null" : "asText(" + value + ") == " + groovyText(expect.equals());
    }

    private static String groovyPath(JsonPath path) {
        List<String> keys = new ArrayList<>();
        for (JsonPath.Segment segment : path.segments()) {
            keys.add(segment instanceof JsonPath.Index index ? Integer.toString(index.index()) : Groovy.quote(((JsonPath.Field) segment).name()));
        }
        return "[" + String.join(", ", keys) + "]";
    }

    /** Text as a Groovy expression: literals quoted, references read from the thread's variables. */
    private String groovyText(Text text) {
        List<String> pieces = new ArrayList<>();
        for (Text.Part part : text.parts()) {
            pieces.add(part instanceof Text.Literal literal ? Groovy.quote(literal.value())
                    : "(vars.get(" + Groovy.quote(name(((Text.Ref) part).variable())) + ") ?: '')");
        }
        return pieces.isEmpty() ? "''" : String.join(" + ", pieces);
    }

    /** A JSON message as a Groovy expression: a value of the document as Groovy data, written by JsonOutput. */
    private String groovyJson(Json json) {
        return "JsonOutput.toJson(" + groovyData(json) + ")";
    }

    private String groovyData(Json value) {
        if (value instanceof Json.JsonObject object) {
            if (object.members().isEmpty()) {
                return "[:]";
            }
            List<String> members = new ArrayList<>();
            for (Json.Member member : object.members()) {
                members.add("(" + Groovy.quote(member.key()) + "): " + groovyData(member.value()));
            }
            return "[" + String.join(", ", members) + "]";
        }
        if (value instanceof Json.JsonArray array) {
            return "[" + String.join(", ", array.items().stream().map(this::groovyData).toList()) + "]";
        }
        if (value instanceof Json.JsonString string) {
            return groovyText(string.value());
        }
        if (value instanceof Json.JsonNumber number) {
            return "new BigDecimal(" + Groovy.quote(number.text()) + ")";
        }
        if (value instanceof Json.JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof Json.JsonRef ref) {
            String variable = name(ref.variable());
            // With its JSON type when an extraction kept it (NAME.json), else as the text it is.
            return "(vars.get(" + Groovy.quote(variable + JSON_SUFFIX) + ") != null ? new JsonSlurper().parseText(vars.get("
                    + Groovy.quote(variable + JSON_SUFFIX) + ")) : vars.get(" + Groovy.quote(variable) + "))";
        }
        return "null";
    }

    private String groovyHeader(ResolvedRequest.HeaderValue value) {
        if (value instanceof ResolvedRequest.HeaderValue.Plain plain) {
            return groovyText(plain.text());
        }
        if (value instanceof ResolvedRequest.HeaderValue.AccessToken) {
            return "'Bearer ' + (props.get(" + Groovy.quote(TOKEN_PROPERTY) + ") ?: '')";
        }
        if (value instanceof ResolvedRequest.HeaderValue.Basic basic) {
            return "'Basic ' + Base64.encoder.encodeToString((" + groovyText(Text.concat(basic.credentials().username(), Text.of(":"),
                    basic.credentials().password())) + ").getBytes('UTF-8'))";
        }
        ResolvedRequest.HeaderValue.Cookies cookies = (ResolvedRequest.HeaderValue.Cookies) value;
        List<Text> pairs = new ArrayList<>();
        for (int i = 0; i < cookies.cookies().size(); i++) {
            pairs.add(Text.of((i == 0 ? "" : "; ") + cookies.cookies().get(i).name() + "="));
            pairs.add(cookies.cookies().get(i).value());
        }
        return groovyText(Text.concat(pairs.toArray(Text[]::new)));
    }

    private static JMeterViews.Think think(ThinkTime think) {
        long min = think.min().toMillis();
        if (think.isFixed()) {
            return new JMeterViews.Think(JMeter.name("think " + Durations.format(think.min())), Long.toString(min), null);
        }
        long range = think.max().toMillis() - min;
        String name = "think " + Durations.format(think.min()) + " to " + Durations.format(think.max());
        return new JMeterViews.Think(JMeter.name(name), "0",
                new JMeterViews.RandomPause(JMeter.name(name), Long.toString(min), Long.toString(range)));
    }

    private JMeterViews.Sampler sampler(HttpRequest request) {
        ResolvedRequest resolved = ResolvedRequest.of(plan, request);
        List<String> headerNames = new ArrayList<>();
        List<String> headerValues = new ArrayList<>();
        // A binary body is a file argument with its own media type.
        for (ResolvedRequest.Header header : resolved.headers(true, !(request.body() instanceof Body.BinaryBody))) {
            // The plan's headers are the Test Plan's Header Manager; basic credentials, the sampler's Authorization Manager.
            if (header.source() != ResolvedRequest.Source.PLAN && !(header.value() instanceof ResolvedRequest.HeaderValue.Basic)) {
                headerNames.add(header.name());
                headerValues.add(headerValue(header.value()));
            }
        }
        List<Param> query = resolved.query();
        JMeterViews.BasicAuth basicAuth = resolved.basicAuth() == null ? null
                : new JMeterViews.BasicAuth(text(resolved.basicAuth().username()), text(resolved.basicAuth().password()));

        boolean rawBody = false;
        boolean multipart = false;
        List<JMeterViews.HttpArgument> arguments = new ArrayList<>();
        List<JMeterViews.FileArgument> files = new ArrayList<>();
        Body body = request.body();
        if (body instanceof Body.JsonBody json) {
            rawBody = true;
            JMeter.Expression out = new JMeter.Expression();
            json(json.value(), out, 0, request.name());
            arguments.add(new JMeterViews.HttpArgument("", out.toString(), false));
        } else if (body instanceof Body.FormBody form) {
            for (Param field : form.fields()) {
                arguments.add(new JMeterViews.HttpArgument(JMeter.name(field.name()), text(field.value()), true));
            }
        } else if (body instanceof Body.MultipartBody parts) {
            multipart = true;
            for (Body.MultipartPart part : parts.parts()) {
                if (part instanceof Body.MultipartFile file) {
                    files.add(new JMeterViews.FileArgument(dataFile(request.name(), file.fileName(), file.content(), true),
                            JMeter.literal(file.name()), JMeter.literal(file.contentType())));
                } else {
                    Body.MultipartField field = (Body.MultipartField) part;
                    arguments.add(new JMeterViews.HttpArgument(JMeter.name(field.name()), text(field.value()), false));
                }
            }
            if (parts.parts().stream().anyMatch(p -> p instanceof Body.MultipartFile)
                    && parts.parts().stream().anyMatch(p -> p instanceof Body.MultipartField)) {
                diagnostics.add(Diagnostic.info(request.name(), "JMeter sends a multipart request's fields before its files"));
            }
        } else if (body instanceof Body.RawBody raw) {
            rawBody = true;
            arguments.add(new JMeterViews.HttpArgument("", text(raw.content()), false));
        } else if (body instanceof Body.BinaryBody binary) {
            files.add(new JMeterViews.FileArgument(dataFile(request.name(), "body.bin", binary.content(), false), "",
                    JMeter.literal(binary.contentType())));
        }

        List<JMeterViews.Header> headers = new ArrayList<>();
        for (int i = 0; i < headerNames.size(); i++) {
            headers.add(new JMeterViews.Header(JMeter.literal(headerNames.get(i)), headerValues.get(i)));
        }
        List<JMeterViews.Assertion> assertions = new ArrayList<>();
        for (Check check : request.checks()) {
            assertions.add(assertion(request.name(), check));
        }
        List<JMeterViews.Extractor> extractors = new ArrayList<>();
        for (Extraction extraction : request.extractions()) {
            extractors.add(extractor(request.name(), extraction));
        }
        String comments = resolved.comment() == null ? "" : resolved.comment();
        return new JMeterViews.Sampler(JMeter.name(request.name()), JMeter.literal(comments), request.method().name(),
                url(request, query), !request.expectsRedirect(), rawBody, multipart, arguments, !files.isEmpty(), files, !headers.isEmpty(), headers,
                basicAuth, assertions, extractors);
    }

    private JMeter.Expression cookie(String name, Text value) {
        JMeter.Expression cookie = new JMeter.Expression().literal(name + "=");
        appendTo(cookie, value);
        return cookie;
    }

    /** The full URL: literals encoded now, references encoded when the request is sent. */
    private String url(HttpRequest request, List<Param> query) {
        JMeter.Expression url = new JMeter.Expression().code(JMeter.variable(BASE_URL));
        for (HttpRequest.PathPiece piece : request.pathPieces()) {
            if (!piece.isParameter()) {
                url.literal(UrlEncoding.path(piece.literal()));
                continue;
            }
            for (Text.Part part : request.pathParam(piece.parameter()).parts()) {
                if (part instanceof Text.Literal literal) {
                    url.literal(UrlEncoding.component(literal.value()));
                } else if (extracted.contains(((Text.Ref) part).variable())) {
                    // A value from a response, encoded at each use by JMeter's own function (plain Java, so cheap:
                    // Groovy, even once where the value is found, cost half of the plan's throughput, JEXL at each use
                    // 70%). It writes a space as '+', which a server reads as a plus sign: ids rarely hold spaces.
                    url.code("${__urlencode(" + JMeter.variable(name(((Text.Ref) part).variable())) + ")}");
                } else {
                    url.code(JMeter.variable(name(((Text.Ref) part).variable()) + PATH_SUFFIX));
                }
            }
        }
        for (int i = 0; i < query.size(); i++) {
            url.literal((i == 0 ? "?" : "&") + UrlEncoding.component(query.get(i).name()) + "=");
            for (Text.Part part : query.get(i).value().parts()) {
                if (part instanceof Text.Literal literal) {
                    url.literal(UrlEncoding.component(literal.value()));
                } else {
                    url.code("${__urlencode(" + JMeter.variable(name(((Text.Ref) part).variable())) + ")}");
                }
            }
        }
        return url.toString();
    }

    /** Text with references to variables. */
    private String text(Text value) {
        JMeter.Expression out = new JMeter.Expression();
        appendTo(out, value);
        return out.toString();
    }

    private void appendTo(JMeter.Expression out, Text value) {
        for (Text.Part part : value.parts()) {
            if (part instanceof Text.Literal literal) {
                out.literal(literal.value());
            } else {
                out.code(JMeter.variable(name(((Text.Ref) part).variable())));
            }
        }
    }

    /**
     * A JSON body, indented by two spaces, with CR LF line breaks as JMeter's GUI writes a body
     * (so that opening and saving the plan in the GUI changes nothing); strings that hold
     * references are encoded when the request is sent.
     */
    private void json(Json value, JMeter.Expression out, int depth, String requestName) {
        String indent = "  ".repeat(depth);
        if (value instanceof Json.JsonObject object) {
            if (object.members().isEmpty()) {
                out.literal("{}");
                return;
            }
            out.literal("{" + NEWLINE);
            for (int i = 0; i < object.members().size(); i++) {
                Json.Member member = object.members().get(i);
                out.literal(indent + "  " + jsonString(member.key()) + ": ");
                json(member.value(), out, depth + 1, requestName);
                out.literal(i + 1 < object.members().size() ? "," + NEWLINE : NEWLINE);
            }
            out.literal(indent + "}");
        } else if (value instanceof Json.JsonArray array) {
            if (array.items().isEmpty()) {
                out.literal("[]");
                return;
            }
            out.literal("[" + NEWLINE);
            for (int i = 0; i < array.items().size(); i++) {
                out.literal(indent + "  ");
                json(array.items().get(i), out, depth + 1, requestName);
                out.literal(i + 1 < array.items().size() ? "," + NEWLINE : NEWLINE);
            }
            out.literal(indent + "]");
        } else if (value instanceof Json.JsonString string) {
            if (string.value().isLiteral()) {
                out.literal(jsonString(string.value().literalValue()));
            } else {
                JMeter.GroovyCall call = new JMeter.GroovyCall().code("groovy.json.JsonOutput.toJson(");
                List<Text.Part> parts = string.value().parts();
                for (int i = 0; i < parts.size(); i++) {
                    call.code(i == 0 ? "" : " + ");
                    if (parts.get(i) instanceof Text.Literal literal) {
                        call.string(literal.value());
                    } else {
                        call.variable(name(((Text.Ref) parts.get(i)).variable()));
                    }
                }
                out.code(call.code(")").build());
            }
        } else if (value instanceof Json.JsonNumber number) {
            out.literal(number.text());
        } else if (value instanceof Json.JsonBoolean bool) {
            out.literal(Boolean.toString(bool.value()));
        } else if (value instanceof Json.JsonRef ref) {
            if (jsonExtracted.contains(ref.variable())) {
                // Extracted as JSON text beside the plain one (typedRefs): the value with its own JSON type.
                out.code(JMeter.variable(name(ref.variable()) + JSON_SUFFIX));
            } else {
                out.code(new JMeter.GroovyCall().code("groovy.json.JsonOutput.toJson(").variable(name(ref.variable()))
                        .code(")").build());
            }
        } else {
            out.literal("null");
        }
    }

    private static void collectJsonRefs(Json value, Set<String> names) {
        if (value instanceof Json.JsonRef ref) {
            names.add(ref.variable());
        } else if (value instanceof Json.JsonObject object) {
            object.members().forEach(m -> collectJsonRefs(m.value(), names));
        } else if (value instanceof Json.JsonArray array) {
            array.items().forEach(item -> collectJsonRefs(item, names));
        }
    }

    /** A JSON string literal; characters XML cannot hold are JSON escapes. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                            || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private JMeterViews.Assertion assertion(String requestName, Check check) {
        if (check instanceof Check.StatusCheck status) {
            return statusAssertion(requestName, status);
        }
        if (check instanceof Check.BodyContains contains) {
            String pattern = contains.text();
            return new JMeterViews.Assertion(new JMeterViews.ResponseAssertion(JMeter.name("body contains " + pattern),
                    "Assertion.response_data", "16", false, Integer.toString(pattern.hashCode()), JMeter.literal(pattern),
                    JMeter.literal(requestName + ": the body does not contain " + pattern)), null);
        }
        if (check instanceof Check.NoGraphQlErrors) {
            return new JMeterViews.Assertion(null, new JMeterViews.JsonPathAssertion(JMeter.name("no GraphQL errors"),
                    JMeter.literal(GRAPHQL_ERRORS), true));
        }
        JsonPath path = ((Check.JsonPathExists) check).path();
        return new JMeterViews.Assertion(null, new JMeterViews.JsonPathAssertion(JMeter.name("body has " + path),
                JMeter.literal(jaywayPath(path)), false));
    }

    /**
     * A status check decides alone whether the response is a success ("Ignore Status"), so that an
     * expected 404 passes and an unexpected 302 fails, as in the other tools.
     */
    private static JMeterViews.Assertion statusAssertion(String requestName, Check.StatusCheck status) {
        String pattern;
        String testType;
        if (status.isSingle()) {
            pattern = Integer.toString(status.from());
            testType = "8";
        } else {
            pattern = statusPattern(status.from(), status.to());
            testType = "1";
        }
        return new JMeterViews.Assertion(new JMeterViews.ResponseAssertion(JMeter.name("status is " + status.describe()),
                "Assertion.response_code", testType, true, Integer.toString(pattern.hashCode()), JMeter.literal(pattern),
                JMeter.literal(requestName + ": expected status " + status.describe())), null);
    }

    /** A regular expression that matches exactly the three-digit codes from..to. */
    static String statusPattern(int from, int to) {
        if (from % 100 == 0 && to % 100 == 99) {
            int first = from / 100;
            int last = to / 100;
            return (first == last ? Integer.toString(first) : "[" + first + "-" + last + "]") + "\\d\\d";
        }
        List<String> codes = new ArrayList<>();
        for (int code = from; code <= to; code++) {
            codes.add(Integer.toString(code));
        }
        return String.join("|", codes);
    }

    private JMeterViews.Extractor extractor(String requestName, Extraction extraction) {
        String variable = name(extraction.variable());
        if (extraction instanceof Extraction.FromJson json) {
            boolean typed = typedRefs.contains(extraction.variable());
            if (!typed && json.path().segments().stream().allMatch(s -> !(s instanceof JsonPath.Field f) || !f.name().contains(";"))) {
                return new JMeterViews.Extractor(new JMeterViews.JsonExtractor(JMeter.name(variable + " = " + json.path()),
                        variable, JMeter.literal(jaywayPath(json.path())), ""), null, null);
            }
            // The JSON Extractor splits its fields at ';', and keeps a string without its quotes: such a path, and a value
            // a JSON body inserts with its type, are read in Groovy instead.
            StringBuilder script = new StringBuilder("def value = new groovy.json.JsonSlurper().parseText(prev.getResponseDataAsString())\n");
            for (JsonPath.Segment segment : json.path().segments()) {
                script.append("value = value?.getAt(").append(segment instanceof JsonPath.Index index ? Integer.toString(index.index())
                        : Groovy.quote(((JsonPath.Field) segment).name())).append(")\n");
            }
            script.append("vars.put(").append(Groovy.quote(variable))
                    .append(", value == null ? '' : value instanceof String ? value : groovy.json.JsonOutput.toJson(value))\n");
            if (typed) {
                // The same value as JSON text, for a JSON body that inserts it with its type.
                script.append("vars.put(").append(Groovy.quote(variable + JSON_SUFFIX)).append(", groovy.json.JsonOutput.toJson(value))\n");
            }
            return new JMeterViews.Extractor(null, null, new JMeterViews.Script(JMeter.name(variable + " = " + json.path()),
                    JMeter.literal(script.toString())));
        }
        if (extraction instanceof Extraction.FromHeader header) {
            StringBuilder regex = new StringBuilder("(?im)^");
            for (char c : header.header().toCharArray()) {
                regex.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
            }
            // The extractor reads all response headers as one text: the pattern must match within this header's line.
            regex.append(":[ \\t]*").append(header.pattern() == null ? "([^\\r\\n]*)" : "[^\\r\\n]*?" + header.pattern());
            if (header.pattern() != null && NOT_ORO.matcher(header.pattern()).find()) {
                diagnostics.add(Diagnostic.warning(requestName, "JMeter's Regular Expression Extractor uses Perl 5 syntax, "
                        + "which has no look-behind, named groups, possessive quantifiers, \\p{...} or \\Q...\\E: check "
                        + header.pattern()));
            }
            return new JMeterViews.Extractor(null, new JMeterViews.RegexExtractor(
                    JMeter.name(variable + " = header " + header.header()), "true", variable, JMeter.literal(regex.toString()),
                    "$1$", "", true), null);
        }
        Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
        if (NOT_ORO.matcher(regex.pattern()).find()) {
            diagnostics.add(Diagnostic.warning(requestName, "JMeter's Regular Expression Extractor uses Perl 5 syntax, "
                    + "which has no look-behind, named groups, possessive quantifiers, \\p{...} or \\Q...\\E: check " + regex.pattern()));
        }
        return new JMeterViews.Extractor(null, new JMeterViews.RegexExtractor(JMeter.name(variable + " = regex"),
                "false", variable, JMeter.literal(regex.pattern()), "$" + regex.group() + "$", "", true), null);
    }

    /** A Jayway JsonPath expression: dot notation for plain names, brackets for the rest. */
    static String jaywayPath(JsonPath path) {
        StringBuilder out = new StringBuilder("$");
        for (JsonPath.Segment segment : path.segments()) {
            if (segment instanceof JsonPath.Index index) {
                out.append('[').append(index.index()).append(']');
            } else {
                String field = ((JsonPath.Field) segment).name();
                if (SIMPLE_FIELD.matcher(field).matches()) {
                    out.append('.').append(field);
                } else {
                    out.append("['").append(field.replace("\\", "\\\\").replace("'", "\\'")).append("']");
                }
            }
        }
        return out.toString();
    }

    private String dataFile(String requestName, String fileName, byte[] content, boolean keepName) {
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (safeName.isEmpty()) {
            safeName = "data";
        }
        if (keepName && !safeName.equals(fileName)) {
            diagnostics.add(Diagnostic.warning(requestName, "JMeter sends an uploaded file under its own name: the part's "
                    + "file name is " + safeName + " instead of " + fileName));
        }
        String path = "files/" + (dataFiles.size() + 1) + "/" + safeName;
        dataFiles.add(new RenderedFile("jmeter/" + path, content));
        return JMeter.literal(path);
    }

    /** A header's value as JMeter text, with the variables and functions that fill it in at run time. */
    private String headerValue(ResolvedRequest.HeaderValue value) {
        if (value instanceof ResolvedRequest.HeaderValue.Plain plain) {
            return text(plain.text());
        }
        if (value instanceof ResolvedRequest.HeaderValue.AccessToken) {
            return "Bearer ${__P(" + TOKEN_PROPERTY + ")}";
        }
        if (value instanceof ResolvedRequest.HeaderValue.Cookies cookies) {
            JMeter.Expression cookie = new JMeter.Expression();
            for (int i = 0; i < cookies.cookies().size(); i++) {
                cookie.literal(i == 0 ? "" : "; ");
                cookie.append(cookie(cookies.cookies().get(i).name(), cookies.cookies().get(i).value()));
            }
            return cookie.toString();
        }
        throw new IllegalArgumentException("JMeter sends basic credentials through its Authorization Manager: " + value);
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
