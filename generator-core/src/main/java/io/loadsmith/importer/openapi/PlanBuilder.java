package io.loadsmith.importer.openapi;

import io.loadsmith.importer.HeaderValues;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Safety;
import io.loadsmith.importer.Secrets;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Extraction;
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
import io.loadsmith.model.Variable;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the plan of one parsed OpenAPI document. */
final class PlanBuilder {
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    /** A 1x1 transparent PNG, for file parts that declare an image type. */
    private static final byte[] TINY_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final Path file;
    private final OpenAPI api;
    /** Methods whose requests carry a body by nature; the others get one only when the document requires it. */
    private static final Set<PathItem.HttpMethod> BODY_METHODS = EnumSet.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH);
    private final ImportOptions options;
    private final List<Diagnostic> diagnostics;
    private final Refs refs;
    private final SampleGenerator samples;
    private static final Set<PathItem.HttpMethod> CHANGE_METHODS = EnumSet.of(PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH,
            PathItem.HttpMethod.DELETE);
    private static final Set<PathItem.HttpMethod> READ_METHODS = EnumSet.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS);
    private final Map<String, Variable> secretVariables = new LinkedHashMap<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private final Map<String, Variable> designated = new LinkedHashMap<>();
    /** The path parameter each variable of {@link #designated} stands for. */
    private final Map<String, String> idKeys = new HashMap<>();
    private static final Set<String> NUMERIC = Set.of("integer", "number");
    private static final Set<String> GENERIC_NAMES = Set.of("id", "uuid", "key", "name", "slug", "code", "number", "ref");
    private String baseUrl;

    PlanBuilder(Path file, OpenAPI api, ImportOptions options, List<Diagnostic> diagnostics) {
        this.file = file;
        this.api = api;
        this.options = options;
        this.diagnostics = diagnostics;
        this.refs = new Refs(api);
        this.samples = new SampleGenerator(refs, options.seed(), api.getInfo() == null ? null : api.getInfo().getVersion());
    }

    /**
     * Path values that no create supplies: the same parameter (by name, or for a generic name
     * such as {@code id}, by name and collection) has one value in the whole iteration, and a
     * value the document does not give becomes a variable, its generated value the default, so
     * that the user can name a resource that exists on the system under test.
     */
    private void shareIds(List<Draft> ordered) {
        Map<String, Text> shared = new HashMap<>();
        for (Draft draft : ordered) {
            for (Map.Entry<String, Text> value : draft.pathValues.entrySet()) {
                if (!value.getValue().isLiteral()) {
                    continue;
                }
                String key = idKey(draft.path, value.getKey());
                Text known = shared.get(key);
                if (known == null && draft.guessedPath.contains(value.getKey())) {
                    String env = identifier(key.replaceAll("([a-z0-9])([A-Z])", "$1_$2")).toUpperCase(Locale.ROOT);
                    for (int n = 2; designated.containsKey(env) && !key.equals(idKeys.get(env)); n++) {
                        env = env.replaceFirst("_\\d+$", "") + "_" + n;
                    }
                    idKeys.put(env, key);
                    designated.put(env, Variable.withDefault(env, value.getValue().literalValue(), "An existing {" + value.getKey()
                            + "} on the system under test (" + draft.op.label() + "); the document gives no example, the default is generated"));
                    known = Text.ref(env);
                } else if (known == null) {
                    known = value.getValue();
                }
                shared.put(key, known);
                value.setValue(known);
            }
        }
    }

    /** {@code companyId} names a company wherever it is; {@code id} names what the collection before it holds. */
    private static String idKey(String path, String placeholder) {
        if (!GENERIC_NAMES.contains(placeholder.toLowerCase(Locale.ROOT))) {
            return placeholder;
        }
        String before = path.substring(0, path.indexOf("{" + placeholder + "}")).replaceAll("/+$", "");
        String segment = before.substring(before.lastIndexOf('/') + 1).replaceAll("[{}]", "");
        return segment.isEmpty() ? placeholder : singular(segment) + "_" + placeholder;
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && !word.endsWith("ss") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
    }

    /** An operation the plan does not call, and why. */
    record LeftOut(String operation, String reason) {}

    /**
     * A change or delete of something the iteration did not create: a PUT, PATCH or DELETE whose
     * path has no placeholder (an account-level delete) or a placeholder whose value is not the
     * id a create returned (an example id, a generated one); and a POST to such a placeholder
     * (APIs that update with POST, or add to an existing resource). A POST without placeholders
     * creates, and stays.
     */
    private static boolean isUnsafe(Draft draft) {
        boolean foreignId = draft.pathValues.values().stream().anyMatch(Text::isLiteral);
        if (draft.op.method() == PathItem.HttpMethod.POST) {
            return foreignId;
        }
        return CHANGE_METHODS.contains(draft.op.method()) && (draft.pathValues.isEmpty() || foreignId);
    }

    /**
     * When every operation changes data the test did not create, leaving them out would leave no
     * test. They stay, but each id in their paths becomes a variable without a default, so the
     * scripts do not start until the user names a resource that the test may change.
     */
    private void designate(List<Draft> unsafe) {
        for (Draft draft : unsafe) {
            for (Map.Entry<String, Text> value : draft.pathValues.entrySet()) {
                if (value.getValue().isLiteral()) {
                    String name = identifier(value.getKey()).toUpperCase(Locale.ROOT);
                    designated.putIfAbsent(name, new Variable(name, name, null, false, "An existing {" + value.getKey()
                            + "} that the test may change (" + draft.op.label() + "), for example " + value.getValue().literalValue()));
                    value.setValue(Text.ref(name));
                }
            }
        }
        diagnostics.add(Diagnostic.warning("", "every operation changes or deletes data the test does not create; they are kept, "
                + "as nothing would be left" + (designated.isEmpty() ? "" : ", and the ids in their paths are variables to set ("
                + String.join(", ", designated.keySet()) + "): name resources the test may change")
                + "; run it only against a system whose data may be changed"));
    }

    private static String literalPlaceholders(Draft draft) {
        return String.join(", ", draft.pathValues.entrySet().stream().filter(e -> e.getValue().isLiteral())
                .map(e -> "{" + e.getKey() + "}").toList());
    }

    /** One operation of the document with its path-level parameters merged in. */
    private record Op(String path, PathItem.HttpMethod method, Operation operation, List<Parameter> parameters,
                      List<Server> servers, int index) {
        String label() {
            return method + " " + path;
        }
    }

    /** A request being built; path values stay open until correlation is done. */
    private static final class Draft {
        final Op op;
        final String name;
        final String tag;
        final HttpRequest.Builder builder;
        String path;
        String resource;
        /** A delete moved to the end of the iteration, as a later request uses what it deletes. */
        boolean cleanup;
        HttpRequest request;
        /** A JSON body, whose members may take ids that creates return. */
        Body.JsonBody json;
        Schema<?> jsonSchema;
        final Map<String, Text> pathValues = new LinkedHashMap<>();
        final List<Extraction> extractions = new ArrayList<>();
        final List<String> guessedPath = new ArrayList<>();
        final List<String> guessedOther = new ArrayList<>();

        Draft(Op op, String name, String tag, HttpRequest.Builder builder, String path) {
            this.op = op;
            this.name = name;
            this.tag = tag;
            this.builder = builder;
            this.path = path;
        }
    }

    ImportResult build() {
        List<Op> all = operations();
        if (all.isEmpty()) {
            boolean webhooks = api.getWebhooks() != null && !api.getWebhooks().isEmpty();
            throw new ImportException(file, "/paths", webhooks
                    ? "the document describes only webhooks (requests the API sends), no operations to load-test"
                    : "the document has no operations; there is nothing to load-test");
        }
        List<Op> selected = select(all);
        baseUrl = baseUrl();
        if (options.safety() == Safety.READ_ONLY) {
            for (Op op : selected) {
                if (!READ_METHODS.contains(op.method())) {
                    leftOut.add(new LeftOut(op.label(), "--read-only: it is not a GET, HEAD or OPTIONS"));
                }
            }
            selected = selected.stream().filter(op -> READ_METHODS.contains(op.method())).toList();
            if (selected.isEmpty()) {
                throw new ImportException(file, null, "no operation is left with --read-only: the selected ones all change data");
            }
        }
        // Drafting, ordering and correlating again without the unsafe operations: one of them may
        // have fed an id to another, which then is unsafe too. Values are seeded per operation,
        // so a second round gives the kept operations the same values.
        int mark = diagnostics.size();
        SecurityMapper.Mapping security;
        List<Draft> ordered;
        while (true) {
            security = SecurityMapper.map(api, refs, selected.stream().map(Op::operation).toList(), baseUrl, diagnostics);
            List<String> names = uniqueNames(selected);
            List<Draft> drafts = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                drafts.add(draft(selected.get(i), names.get(i), security));
            }
            ordered = order(drafts);
            correlate(ordered);
            List<Draft> unsafe = options.safety() == Safety.SAFE ? ordered.stream().filter(PlanBuilder::isUnsafe).toList() : List.of();
            if (unsafe.isEmpty()) {
                break;
            }
            if (unsafe.size() == ordered.size()) {
                designate(unsafe);
                break;
            }
            // by index: an Op's own hash code walks its whole swagger-parser Operation
            Set<Integer> dropped = new HashSet<>();
            for (Draft draft : unsafe) {
                dropped.add(draft.op.index());
                leftOut.add(new LeftOut(draft.op.label(), draft.pathValues.isEmpty()
                        ? "it changes or deletes data the test did not create (no id of a created resource in its path)"
                        : "it changes or deletes a resource the test did not create (" + literalPlaceholders(draft) + " not from a create)"));
            }
            selected = selected.stream().filter(op -> !dropped.contains(op.index())).toList();
            diagnostics.subList(mark, diagnostics.size()).clear();
            secretVariables.clear();
        }
        shareIds(ordered);
        if (!leftOut.isEmpty()) {
            diagnostics.add(Diagnostic.warning("", leftOut.size() + (leftOut.size() == 1 ? " operation" : " operations")
                    + " left out, as " + (options.safety() == Safety.READ_ONLY ? "--read-only asks"
                    : "they change or delete data the test did not create (--include-unsafe calls them)") + ": "
                    + String.join(", ", leftOut.stream().map(LeftOut::operation).limit(5).toList())
                    + (leftOut.size() > 5 ? " and " + (leftOut.size() - 5) + " more" : "")));
        }
        for (Draft draft : ordered) {
            List<String> guessed = new ArrayList<>();
            draft.guessedPath.stream().filter(p -> draft.pathValues.containsKey(p) && draft.pathValues.get(p).isLiteral()).map(p -> p + " (path)").forEach(guessed::add);
            guessed.addAll(draft.guessedOther);
            if (!guessed.isEmpty()) {
                diagnostics.add(Diagnostic.warning(draft.name, "no example in the document; generated values for "
                        + String.join(", ", guessed)));
            }
        }

        String title = api.getInfo() != null && api.getInfo().getTitle() != null && !api.getInfo().getTitle().isBlank()
                ? api.getInfo().getTitle().strip() : file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> scenarioNames = new HashSet<>();
        int prefix = commonPrefix(ordered);
        for (List<Draft> journey : journeys(ordered, prefix)) {
            List<Step> steps = steps(deleteLast(journey));
            if (options.thinkTime() != null && !options.thinkTime().max().isZero()) {
                steps.add(options.thinkTime());
            }
            String base = journeyName(journey, ordered, prefix);
            String name = base;
            for (int n = 2; !scenarioNames.add(name); n++) {
                name = base + " " + n;
            }
            scenarios.add(new Scenario(name, 1, steps));
        }
        List<Variable> variables = new ArrayList<>(security.variables());
        designated.values().stream().filter(v -> variables.stream().noneMatch(x -> x.name().equals(v.name()))).forEach(variables::add);
        secretVariables.values().stream().filter(v -> variables.stream().noneMatch(x -> x.name().equals(v.name())))
                .forEach(variables::add);
        TestPlan plan;
        try {
            plan = TestPlan.builder(title, baseUrl)
                    .auth(security.auth())
                    .variables(variables)
                    .scenarios(scenarios)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, null, "cannot build a plan: " + e.getMessage(), e);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        ordered.forEach(d -> labels.put(d.name, d.op.label()));
        String report = SpecReport.write(file.getFileName().toString(), plan, all.size(), labels, leftOut, diagnostics);
        return new ImportResult(plan, diagnostics, report, ImportResult.SPEC_REPORT_PATH);
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        if (api.getPaths() == null) {
            return ops;
        }
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            PathItem item = refs.pathItem(entry.getValue());
            if (item == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
                Map<String, Parameter> merged = new LinkedHashMap<>();
                List<Parameter> levels = new ArrayList<>();
                if (item.getParameters() != null) {
                    levels.addAll(item.getParameters());
                }
                if (op.getValue().getParameters() != null) {
                    levels.addAll(op.getValue().getParameters());
                }
                for (Parameter raw : levels) {
                    Parameter parameter = refs.parameter(raw);
                    if (parameter != null && parameter.getName() != null && parameter.getIn() != null) {
                        merged.put(parameter.getIn() + ":" + parameter.getName(), parameter);
                    }
                }
                List<Server> servers = op.getValue().getServers() != null && !op.getValue().getServers().isEmpty()
                        ? op.getValue().getServers() : item.getServers();
                ops.add(new Op(entry.getKey(), op.getKey(), op.getValue(), new ArrayList<>(merged.values()), servers, ops.size()));
            }
        }
        return ops;
    }

    private List<Op> select(List<Op> all) {
        List<Op> selected = new ArrayList<>();
        Set<String> unmatched = new LinkedHashSet<>(options.operations());
        for (Op op : all) {
            Operation operation = op.operation();
            if (!options.operations().isEmpty()) {
                boolean hit = false;
                for (String wanted : options.operations()) {
                    if (wanted.equalsIgnoreCase(op.label()) || wanted.equals(operation.getOperationId())) {
                        hit = true;
                        unmatched.remove(wanted);
                    }
                }
                if (!hit) {
                    continue;
                }
            }
            if (!options.tags().isEmpty()
                    && (operation.getTags() == null || operation.getTags().stream().noneMatch(options.tags()::contains))) {
                continue;
            }
            if (options.excludeDeprecated() && Boolean.TRUE.equals(operation.getDeprecated())) {
                continue;
            }
            selected.add(op);
        }
        if (!unmatched.isEmpty()) {
            throw new ImportException(file, null, "--operations names " + String.join(", ", unmatched)
                    + ", which the document does not have; it has " + summary(all));
        }
        if (selected.isEmpty()) {
            throw new ImportException(file, null, "no operation is left after --operations, --tags and --exclude-deprecated; "
                    + "the document has " + summary(all));
        }
        return selected;
    }

    private static String summary(List<Op> ops) {
        List<String> labels = ops.stream().map(Op::label).limit(8).toList();
        return String.join(", ", labels) + (ops.size() > 8 ? " and " + (ops.size() - 8) + " more" : "");
    }

    private List<String> uniqueNames(List<Op> ops) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Op op : ops) {
            String id = op.operation().getOperationId();
            String base = id != null && !id.isBlank() ? id : op.label();
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            if (!name.equals(base)) {
                diagnostics.add(Diagnostic.warning(op.label(), "operationId '" + base
                        + "' is used by more than one operation; this one is named '" + name + "'"));
            }
            names.add(name);
        }
        return names;
    }

    private String baseUrl() {
        if (options.baseUrl() != null) {
            return stripSlash(options.baseUrl());
        }
        String url = serverUrl(api.getServers());
        if (url == null || url.equals("/")) {
            diagnostics.add(Diagnostic.warning("servers", "the document names no server; the base URL is http://localhost "
                    + "(set --base-url, or BASE_URL when running)"));
            return "http://localhost";
        }
        if (!url.matches("(?i)https?://.+")) {
            String resolved = stripSlash("http://localhost" + (url.startsWith("/") ? url : "/" + url));
            diagnostics.add(Diagnostic.warning("servers", "the server URL '" + url + "' is relative; the base URL is "
                    + resolved + " (set --base-url, or BASE_URL when running)"));
            return resolved;
        }
        return stripSlash(url);
    }

    private static String serverUrl(List<Server> servers) {
        if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
            return null;
        }
        Server server = servers.get(0);
        String url = server.getUrl();
        if (server.getVariables() != null) {
            for (var variable : server.getVariables().entrySet()) {
                String value = variable.getValue().getDefault();
                if (value == null && variable.getValue().getEnum() != null && !variable.getValue().getEnum().isEmpty()) {
                    value = variable.getValue().getEnum().get(0);
                }
                url = url.replace("{" + variable.getKey() + "}", value == null ? "" : value);
            }
        }
        return url.isEmpty() ? "/" : url;
    }

    private static String stripSlash(String url) {
        String stripped = url.replaceAll("/+$", "");
        return stripped.matches("(?i)https?:/*") ? url : stripped;
    }

    private Draft draft(Op op, String name, SecurityMapper.Mapping security) {
        Operation operation = op.operation();
        String path = pathPrefix(op) + op.path();
        HttpRequest.Builder builder = HttpRequest.builder(HttpMethod.valueOf(op.method().name()), "/").name(name);
        String tag = operation.getTags() == null || operation.getTags().isEmpty() ? "" : operation.getTags().get(0);
        Draft draft = new Draft(op, name, tag, builder, path);

        builder.authenticated(SecurityMapper.applies(security, api, operation));
        List<String> unmet = SecurityMapper.unmet(security, api, operation);
        if (!unmet.isEmpty()) {
            diagnostics.add(Diagnostic.warning(name, "requires security scheme " + String.join(" or ", unmet)
                    + ", which the scripts do not send" + (security.schemeName() == null ? "" : " (they send " + security.schemeName() + ")")));
        }
        for (Parameter parameter : op.parameters()) {
            parameter(draft, parameter, security);
        }
        Set<String> placeholders = HttpRequest.placeholders(path);
        for (String declared : new ArrayList<>(draft.pathValues.keySet())) {
            if (!placeholders.contains(declared)) {
                draft.pathValues.remove(declared);
                diagnostics.add(Diagnostic.warning(name, "path parameter '" + declared
                        + "' has no {" + declared + "} placeholder in " + path + "; it is left out"));
            }
        }
        for (String placeholder : placeholders) {
            if (!draft.pathValues.containsKey(placeholder)) {
                draft.pathValues.put(placeholder, Text.of("1"));
                diagnostics.add(Diagnostic.warning(name, "path placeholder {" + placeholder
                        + "} has no parameter definition; it is sent as 1"));
            }
        }
        body(draft, operation);
        status(draft, operation);
        return draft;
    }

    private String pathPrefix(Op op) {
        String url = serverUrl(op.servers());
        if (url == null) {
            return "";
        }
        URI base;
        URI target;
        try {
            // by URI rules against the base URL: '/v1/reports' from its host, 'reports' below its path
            String absolute = url.matches("(?i)https?://.+") ? stripSlash(url)
                    : stripSlash(URI.create(baseUrl + "/").resolve(url).toString());
            base = URI.create(baseUrl);
            target = URI.create(absolute);
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.warning(op.label(), "declares a server '" + url + "' that is not a URL ("
                    + e.getMessage() + "); the scripts send it to the base URL like every other request"));
            return "";
        }
        if (base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())) {
            String basePath = base.getPath() == null ? "" : stripSlash(base.getPath());
            String targetPath = target.getPath() == null ? "" : target.getPath();
            // below the base path, segment by segment: '/v1beta' is not under '/v1'
            if (targetPath.equals(basePath) || targetPath.startsWith(basePath + "/")) {
                return stripSlash(targetPath.substring(basePath.length()));
            }
        }
        diagnostics.add(Diagnostic.warning(op.label(), "declares its own server " + url
                + "; the scripts send it to the base URL like every other request"));
        return "";
    }

    private void parameter(Draft draft, Parameter parameter, SecurityMapper.Mapping security) {
        String in = parameter.getIn();
        String name = parameter.getName();
        if (in.equals("header") && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (isAuthParameter(security, in, name)) {
            return;
        }
        if (in.equals("header") && !HeaderValues.isToken(name)) {
            diagnostics.add(Diagnostic.warning(draft.name, "header parameter '" + name.strip()
                    + "' is not a valid header name; it is left out"));
            return;
        }
        boolean required = in.equals("path") || Boolean.TRUE.equals(parameter.getRequired());
        Json value = parameterExample(parameter);
        Schema<?> schema = parameterSchema(parameter);
        if (value == null && schema != null) {
            Schema<?> resolved = refs.schema(schema);
            if (resolved != null && (resolved.getExample() != null || resolved.getDefault() != null
                    || (resolved.getEnum() != null && !resolved.getEnum().isEmpty()) || resolved.getConst() != null
                    || (resolved.getExamples() != null && !resolved.getExamples().isEmpty()))) {
                value = samples.sample(schema, draft.name + " " + in + " " + name, true, name);
            }
        }
        if (value == null && !required) {
            return;
        }
        if (value == null) {
            value = samples.sample(schema, draft.name + " " + in + " " + name, true, name);
            (in.equals("path") ? draft.guessedPath : draft.guessedOther).add(name);
        }
        boolean contentEncoded = parameter.getSchema() == null && parameter.getContent() != null;
        String style = parameter.getStyle() == null ? null : parameter.getStyle().toString();
        boolean explode = parameter.getExplode() != null ? parameter.getExplode() : "form".equals(style) || style == null && !in.equals("path") && !in.equals("header");
        if (!in.equals("path") && Secrets.isSecretName(name)) {
            String env = Secrets.environmentName(name);
            secretVariables.putIfAbsent(env, Variable.secret(env, "Value of " + in + " parameter '" + name + "'"));
            diagnostics.add(Diagnostic.warning(draft.name, in + " parameter '" + name + "' looks like a secret; "
                    + "its value is read from the environment variable " + env));
            addParam(draft, in, name, Text.ref(env));
            return;
        }
        if (contentEncoded) {
            addParam(draft, in, name, Text.of(value instanceof Json.JsonString s ? ParameterStyles.scalar(s) : JsonText.write(value)));
            return;
        }
        boolean scalar = !(value instanceof Json.JsonArray) && !(value instanceof Json.JsonObject);
        if (in.equals("path") && scalar && ("label".equals(style) || "matrix".equals(style))) {
            // The prefix is structure, not data: it goes into the path so that tools do not encode it.
            String prefix = "label".equals(style) ? "." : ";" + name + "=";
            draft.path = draft.path.replace("{" + name + "}", prefix + "{" + name + "}");
            draft.pathValues.put(name, ParameterStyles.path(name, value, "simple", explode));
            return;
        }
        switch (in) {
            case "path" -> draft.pathValues.put(name, ParameterStyles.path(name, value, style, explode));
            case "query" -> ParameterStyles.query(name, value, style, explode).forEach(p -> draft.builder.query(p.name(), p.value()));
            default -> addParam(draft, in, name, ParameterStyles.simple(value, explode));
        }
    }

    private void addParam(Draft draft, String in, String name, Text value) {
        switch (in) {
            case "path" -> draft.pathValues.put(name, value);
            case "query" -> draft.builder.query(name, value);
            case "cookie" -> draft.builder.cookie(name, sendable(draft, in, name, value, HeaderValues::cookie));
            default -> draft.builder.header(name, sendable(draft, in, name, value, HeaderValues::header));
        }
    }

    /** A header or cookie value with what HTTP cannot carry percent-encoded, and a warning when it was. */
    private Text sendable(Draft draft, String in, String name, Text value, java.util.function.UnaryOperator<String> encode) {
        List<Text.Part> parts = new ArrayList<>();
        boolean changed = false;
        for (Text.Part part : value.parts()) {
            if (part instanceof Text.Literal literal) {
                String encoded = encode.apply(literal.value());
                changed |= !encoded.equals(literal.value());
                parts.add(new Text.Literal(encoded));
            } else {
                parts.add(part);
            }
        }
        if (!changed) {
            return value;
        }
        diagnostics.add(Diagnostic.warning(draft.name, in + " parameter '" + name + "' holds characters that a " + in
                + " cannot carry as they are (line breaks, tabs, control or non-ASCII characters, spaces at either end); the value is sent percent-encoded"));
        return new Text(parts);
    }

    private static boolean isAuthParameter(SecurityMapper.Mapping security, String in, String name) {
        return security.auth() instanceof io.loadsmith.model.Auth.ApiKey key
                && key.name().equalsIgnoreCase(name) && key.in().name().equalsIgnoreCase(in);
    }

    private Json parameterExample(Parameter parameter) {
        if (parameter.getExample() != null) {
            return SampleGenerator.fromExample(parameter.getExample());
        }
        Json fromExamples = firstExample(parameter.getExamples());
        if (fromExamples != null) {
            return fromExamples;
        }
        if (parameter.getContent() != null && !parameter.getContent().isEmpty()) {
            MediaType media = parameter.getContent().values().iterator().next();
            if (media.getExample() != null) {
                return SampleGenerator.fromExample(media.getExample());
            }
            return firstExample(media.getExamples());
        }
        return null;
    }

    private static Schema<?> parameterSchemaOf(Parameter parameter) {
        if (parameter.getSchema() != null) {
            return parameter.getSchema();
        }
        if (parameter.getContent() != null && !parameter.getContent().isEmpty()) {
            return parameter.getContent().values().iterator().next().getSchema();
        }
        return null;
    }

    private Schema<?> parameterSchema(Parameter parameter) {
        Schema<?> schema = parameterSchemaOf(parameter);
        return schema != null ? schema : new Schema<>().type("string");
    }

    private Json firstExample(Map<String, Example> examples) {
        if (examples == null) {
            return null;
        }
        for (Example raw : examples.values()) {
            Example example = refs.example(raw);
            if (example != null && example.getValue() != null) {
                return SampleGenerator.fromExample(example.getValue());
            }
        }
        return null;
    }

    private void body(Draft draft, Operation operation) {
        RequestBody body = refs.requestBody(operation.getRequestBody());
        if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
            return;
        }
        if (!BODY_METHODS.contains(draft.op.method()) && !Boolean.TRUE.equals(body.getRequired())) {
            // Some documents give every GET and DELETE an optional, empty form body (a payments API
            // does, for all 400 operations); a client sends none, nor its Content-Type.
            return;
        }
        Map.Entry<String, MediaType> chosen = chooseMediaType(body.getContent());
        String mediaType = chosen.getKey();
        String lower = mediaType.toLowerCase(Locale.ROOT);
        MediaType media = chosen.getValue() == null ? new MediaType() : chosen.getValue();
        Json value = null;
        if (media.getExample() != null) {
            value = SampleGenerator.fromExample(media.getExample());
        }
        if (value == null) {
            value = firstExample(media.getExamples());
        }
        String key = draft.name + " body";
        if (value == null) {
            Schema<?> schema = media.getSchema() == null ? new Schema<>().type("object") : media.getSchema();
            value = samples.sample(schema, key, true);
            if (samples.synthesized()) {
                draft.guessedOther.add("the request body");
            }
        }
        if (lower.contains("json") || lower.equals("*/*")) {
            draft.json = new Body.JsonBody(lower.equals("*/*") || lower.contains("*") ? "application/json" : mediaType, value);
            draft.jsonSchema = media.getSchema() == null ? null : refs.schema(media.getSchema());
            draft.builder.body(draft.json);
        } else if (lower.startsWith("application/x-www-form-urlencoded")) {
            draft.builder.body(new Body.FormBody(formFields(value, media.getEncoding())));
        } else if (lower.startsWith("multipart/")) {
            draft.builder.body(multipart(draft.name, media, value));
        } else if (lower.startsWith("text/")) {
            draft.builder.body(new Body.RawBody(mediaType, Text.of(value instanceof Json.JsonString s
                    ? ParameterStyles.scalar(s) : JsonText.write(value))));
        } else if (lower.contains("xml")) {
            Schema<?> schema = media.getSchema() == null ? null : refs.schema(media.getSchema());
            String root = schema != null && schema.getXml() != null && schema.getXml().getName() != null
                    ? schema.getXml().getName()
                    : media.getSchema() != null && media.getSchema().get$ref() != null
                    ? Refs.componentName(media.getSchema().get$ref()) : "body";
            if (value instanceof Json.JsonString s) {
                draft.builder.body(new Body.RawBody(mediaType, s.value()));
            } else {
                draft.builder.body(new Body.RawBody(mediaType, Text.of(Xml.document(root, value))));
                diagnostics.add(Diagnostic.warning(draft.name, "the XML body is written from the schema's sample with element names "
                        + "taken from property names; check it against the API"));
            }
        } else {
            String text = value instanceof Json.JsonString s ? ParameterStyles.scalar(s) : JsonText.write(value);
            draft.builder.body(new Body.BinaryBody(mediaType, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static Map.Entry<String, MediaType> chooseMediaType(Content content) {
        List<String> preference = List.of("json", "x-www-form-urlencoded", "multipart/form-data", "text/plain", "*/*", "xml", "text/");
        for (String wanted : preference) {
            for (Map.Entry<String, MediaType> entry : content.entrySet()) {
                if (entry.getKey().toLowerCase(Locale.ROOT).contains(wanted)) {
                    return entry;
                }
            }
        }
        return content.entrySet().iterator().next();
    }

    /**
     * The fields of a form body. A property with an encoding that gives {@code style} or
     * {@code explode} is serialized as a query parameter of that style ({@code deepObject}:
     * {@code card[number]=...}); one whose encoding's content type is JSON is JSON text.
     * Otherwise arrays of scalars repeat the field, and objects (and arrays of them) take the
     * bracket form that form-decoding servers read ({@code card[address][country]=NL}), not
     * JSON inside a form value.
     */
    private static List<Param> formFields(Json value, Map<String, Encoding> encodings) {
        List<Param> fields = new ArrayList<>();
        if (value instanceof Json.JsonObject object) {
            for (Json.Member member : object.members()) {
                Encoding encoding = encodings == null ? null : encodings.get(member.key());
                boolean nested = member.value() instanceof Json.JsonObject || member.value() instanceof Json.JsonArray array
                        && array.items().stream().anyMatch(i -> i instanceof Json.JsonObject || i instanceof Json.JsonArray);
                if (encoding != null && (encoding.getStyle() != null || encoding.getExplode() != null)) {
                    String style = encoding.getStyle() == null ? "form" : encoding.getStyle().toString();
                    boolean explode = encoding.getExplode() == null ? style.equals("form") : encoding.getExplode();
                    fields.addAll(ParameterStyles.query(member.key(), member.value(), style, explode));
                } else if (encoding != null && encoding.getContentType() != null && encoding.getContentType().contains("json")) {
                    fields.add(Param.of(member.key(), JsonText.write(member.value())));
                } else if (nested) {
                    fields.addAll(ParameterStyles.query(member.key(), member.value(), "deepObject", true));
                } else if (member.value() instanceof Json.JsonArray array) {
                    array.items().forEach(item -> fields.add(Param.of(member.key(), ParameterStyles.scalar(item))));
                } else if (member.value() instanceof Json.JsonString s) {
                    fields.add(new Param(member.key(), s.value()));
                } else {
                    fields.add(Param.of(member.key(), ParameterStyles.scalar(member.value())));
                }
            }
        } else {
            fields.add(Param.of("value", ParameterStyles.scalar(value)));
        }
        return fields;
    }

    private Body multipart(String name, MediaType media, Json value) {
        List<Body.MultipartPart> parts = new ArrayList<>();
        Schema<?> schema = media.getSchema() == null ? null : refs.schema(media.getSchema());
        if (schema != null && schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            schema = samples.merge(schema, new HashSet<>());
        }
        Map<String, Schema> properties = schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
        Map<String, Encoding> encodings = media.getEncoding() == null ? Map.of() : media.getEncoding();
        Set<String> done = new HashSet<>();
        if (value instanceof Json.JsonObject object) {
            for (Json.Member member : object.members()) {
                Schema<?> property = properties.containsKey(member.key()) ? refs.schema(properties.get(member.key())) : null;
                Encoding encoding = encodings.get(member.key());
                if (isFile(property)) {
                    parts.add(file(member.key(), encoding, property));
                } else if (member.value() instanceof Json.JsonString s) {
                    parts.add(new Body.MultipartField(member.key(), s.value()));
                } else if (member.value() instanceof Json.JsonArray array && property != null && isFile(refs.schema(property.getItems()))) {
                    parts.add(file(member.key(), encoding, refs.schema(property.getItems())));
                } else {
                    parts.add(new Body.MultipartField(member.key(), Text.of(member.value() instanceof Json.JsonObject
                            || member.value() instanceof Json.JsonArray ? JsonText.write(member.value()) : ParameterStyles.scalar(member.value()))));
                }
                done.add(member.key());
            }
        }
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            Schema<?> resolved = refs.schema(property.getValue());
            if (!done.contains(property.getKey()) && isFile(resolved)) {
                parts.add(file(property.getKey(), encodings.get(property.getKey()), resolved));
            }
        }
        if (parts.isEmpty()) {
            parts.add(new Body.MultipartField("value", Text.of(ParameterStyles.scalar(value))));
        }
        return new Body.MultipartBody(parts);
    }

    private static boolean isFile(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return format.equals("binary") || schema.getContentMediaType() != null
                || "file".equals(schema.getType());
    }

    private static Body.MultipartFile file(String name, Encoding encoding, Schema<?> schema) {
        String contentType = encoding != null && encoding.getContentType() != null
                ? encoding.getContentType().split(",")[0].trim()
                : schema != null && schema.getContentMediaType() != null ? schema.getContentMediaType() : "application/octet-stream";
        if (contentType.startsWith("image/")) {
            return Body.MultipartFile.of(name, name + ".png", "image/png", TINY_PNG);
        }
        String extension = contentType.contains("json") ? ".json" : contentType.startsWith("text/") ? ".txt" : ".bin";
        byte[] content = ("Sample file for the '" + name + "' part, written by Loadsmith.\n").getBytes(StandardCharsets.UTF_8);
        return Body.MultipartFile.of(name, name + extension, contentType, content);
    }

    private void status(Draft draft, Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().isEmpty()) {
            return;
        }
        for (String code : operation.getResponses().keySet()) {
            if (code.matches("2\\d\\d")) {
                draft.builder.check(Check.StatusCheck.is(Integer.parseInt(code)));
                return;
            }
            if (code.equalsIgnoreCase("2XX")) {
                draft.builder.check(new Check.StatusCheck(200, 299));
                return;
            }
        }
        if (operation.getResponses().containsKey("default")) {
            draft.builder.check(new Check.StatusCheck(200, 299));
            return;
        }
        for (String code : operation.getResponses().keySet()) {
            if (code.matches("[13]\\d\\d")) {
                draft.builder.check(Check.StatusCheck.is(Integer.parseInt(code)));
                return;
            }
            if (code.matches("(?i)3XX")) {
                draft.builder.check(new Check.StatusCheck(300, 399));
                return;
            }
        }
        diagnostics.add(Diagnostic.warning(draft.name, "declares no success response; its requests are not checked"));
    }

    /**
     * Groups by first tag in order of appearance, and within a group puts each resource's
     * operations in lifecycle order: create, list, read, update, other, delete.
     */
    /**
     * Groups by tag, then by resource (the path up to its first placeholder); within a resource,
     * collections from the outermost in (a sub-resource's create after its parent's, before its
     * own reads), each create, list, read, change; the deletes last, the innermost first, so that
     * nothing is deleted while a sub-resource of it is still to be used.
     */
    private static List<Draft> order(List<Draft> drafts) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        Map<String, Integer> resources = new HashMap<>();
        Map<String, Integer> collections = new HashMap<>();
        for (Draft draft : drafts) {
            groups.putIfAbsent(draft.tag, groups.size());
            draft.resource = draft.tag + " " + resource(draft.path);
            resources.putIfAbsent(draft.resource, resources.size());
            collections.putIfAbsent(collection(draft.path), collections.size());
        }
        // Each draft's sort key computed once: the comparator runs n log n times.
        Map<Draft, int[]> keys = new IdentityHashMap<>();
        for (Draft d : drafts) {
            String collection = collection(d.path);
            boolean delete = d.op.method() == PathItem.HttpMethod.DELETE;
            keys.put(d, new int[] {groups.get(d.tag), resources.get(d.resource), delete ? 1 : 0,
                    delete ? -depth(d.path) : depth(collection), collections.get(collection), rank(d), d.op.index()});
        }
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort((a, b) -> Arrays.compare(keys.get(a), keys.get(b)));
        return sorted;
    }

    private static final Pattern LAST_PLACEHOLDER = Pattern.compile("/\\{[^/{}]*}/*$");

    /** The collection a path addresses: itself, or without its last segment when that is a placeholder. */
    private static String collection(String path) {
        return LAST_PLACEHOLDER.matcher(path).replaceFirst("");
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    /**
     * A delete whose id a later request still uses (a sub-resource in another tag's group, say)
     * moves to the end of the iteration, the innermost first: nothing uses an id after its delete.
     */
    private static List<Draft> deleteLast(List<Draft> ordered) {
        List<Draft> kept = new ArrayList<>();
        List<Draft> cleanup = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Draft draft = ordered.get(i);
            if (draft.op.method() == PathItem.HttpMethod.DELETE && usedLater(draft, ordered.subList(i + 1, ordered.size()))) {
                cleanup.add(draft);
            } else {
                kept.add(draft);
            }
        }
        cleanup.sort(Comparator.<Draft>comparingInt(d -> -depth(d.path)));
        cleanup.forEach(d -> d.cleanup = true);
        kept.addAll(cleanup);
        return kept;
    }

    /** Whether a later request uses the id that the delete's last path segment names ({@code /gists/{id}}, not {@code /gists/{id}/star}). */
    private static boolean usedLater(Draft delete, List<Draft> later) {
        if (collection(delete.path).equals(delete.path)) {
            return false;
        }
        List<String> placeholders = new ArrayList<>(HttpRequest.placeholders(delete.path));
        Text last = delete.pathValues.get(placeholders.get(placeholders.size() - 1));
        String id = last == null ? null : last.soleReference();
        return id != null && later.stream().anyMatch(d -> d.op.method() != PathItem.HttpMethod.DELETE
                && (d.pathValues.values().stream().anyMatch(v -> id.equals(v.soleReference()))
                || d.json != null && d.json.value().references().contains(id)));
    }

    private static String resource(String path) {
        int brace = path.indexOf('{');
        String head = brace < 0 ? path : path.substring(0, brace);
        return head.replaceAll("/+$", "");
    }

    private static int rank(Draft draft) {
        boolean item = !collection(draft.path).equals(draft.path);
        return switch (draft.op.method()) {
            case POST -> item ? 4 : 0;
            case PUT -> item ? 3 : 0;
            case GET -> item ? 2 : 1;
            case PATCH -> 3;
            case DELETE -> item ? 6 : 5;
            default -> 4;
        };
    }

    private void correlate(List<Draft> drafts) {
        Map<String, String> variableSources = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            links(drafts, i, variableSources);
        }
        Map<String, List<Integer>> creates = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).op.method() == PathItem.HttpMethod.POST) {
                creates.computeIfAbsent(drafts.get(i).path, k -> new ArrayList<>()).add(i);
            }
        }
        for (int j = 0; j < drafts.size(); j++) {
            Draft target = drafts.get(j);
            for (String placeholder : new ArrayList<>(target.pathValues.keySet())) {
                if (!target.pathValues.get(placeholder).isLiteral()) {
                    continue;
                }
                int at = target.path.indexOf("{" + placeholder + "}");
                String collection = target.path.substring(0, Math.max(0, target.path.lastIndexOf('/', at)));
                int i = latestBefore(creates.getOrDefault(collection, List.of()), j);
                if (i < 0) {
                    continue;
                }
                Draft source = drafts.get(i);
                JsonPath idPath = idPath(source, placeholder, collection, pathSchema(target, placeholder));
                if (idPath != null) {
                    String variable = extract(source, new SourceKey(i, "json", idPath.toString()), placeholder,
                            v -> new Extraction.FromJson(v, idPath), variableSources);
                    target.pathValues.put(placeholder, Text.ref(variable));
                    diagnostics.add(Diagnostic.info(target.name, "{" + placeholder + "} is the " + idPath
                            + " that " + source.name + " returns"));
                }
            }
        }
        for (int j = 0; j < drafts.size(); j++) {
            bodyIds(drafts, j, creates, variableSources);
        }
        for (Draft draft : drafts) {
            draft.extractions.forEach(draft.builder::extract);
        }
    }

    /**
     * A JSON body's member that names what a collection holds ({@code bookId} or {@code book_id}
     * for {@code /books}) takes the id the latest earlier create of that collection returned, with
     * its JSON type: an order is placed for the book the iteration created, not for an example id.
     */
    private void bodyIds(List<Draft> drafts, int j, Map<String, List<Integer>> creates, Map<String, String> variableSources) {
        Draft target = drafts.get(j);
        if (target.json == null || !(target.json.value() instanceof Json.JsonObject object)) {
            return;
        }
        Map<String, Schema> properties = target.jsonSchema == null ? Map.of() : properties(target.jsonSchema);
        List<Json.Member> members = new ArrayList<>();
        boolean changed = false;
        for (Json.Member member : object.members()) {
            Json value = member.value();
            if (value instanceof Json.JsonString || value instanceof Json.JsonNumber) {
                for (Map.Entry<String, List<Integer>> create : creates.entrySet()) {
                    String collection = create.getKey();
                    String singular = singular(collection.substring(collection.lastIndexOf('/') + 1));
                    if (singular.isEmpty() || singular.contains("{")
                            || !member.key().equalsIgnoreCase(singular + "Id") && !member.key().equalsIgnoreCase(singular + "_id")) {
                        continue;
                    }
                    int i = latestBefore(create.getValue(), j);
                    if (i < 0) {
                        continue;
                    }
                    Draft source = drafts.get(i);
                    Schema<?> propertySchema = properties.get(member.key()) == null ? null : refs.schema(properties.get(member.key()));
                    JsonPath idPath = idPath(source, member.key(), collection, propertySchema);
                    if (idPath != null) {
                        String variable = extract(source, new SourceKey(i, "json", idPath.toString()), member.key(),
                                v -> new Extraction.FromJson(v, idPath), variableSources);
                        // A string id goes inside the body's quotes, which every tool writes; a JSON-typed
                        // reference only where the id is not a string (JMeter inserts it as it was extracted).
                        boolean string = propertySchema != null ? "string".equals(SampleGenerator.type(propertySchema))
                                : value instanceof Json.JsonString;
                        value = string ? new Json.JsonString(Text.ref(variable)) : new Json.JsonRef(variable);
                        changed = true;
                        diagnostics.add(Diagnostic.info(target.name, "the body's " + member.key() + " is the " + idPath
                                + " that " + source.name + " returns"));
                        break;
                    }
                }
            }
            members.add(new Json.Member(member.key(), value));
        }
        if (changed) {
            target.json = new Body.JsonBody(target.json.contentType(), Json.object(members));
            target.builder.body(target.json);
        }
    }

    /** The last index in the ascending list that is before {@code j}, or -1. */
    private static int latestBefore(List<Integer> indexes, int j) {
        for (int c = indexes.size() - 1; c >= 0; c--) {
            if (indexes.get(c) < j) {
                return indexes.get(c);
            }
        }
        return -1;
    }

    private record SourceKey(int draft, String kind, String detail) {}

    private static String extract(Draft source, SourceKey key, String suggestion,
                                  java.util.function.Function<String, Extraction> extraction, Map<String, String> sources) {
        String keyText = key.toString();
        String existing = sources.get(keyText);
        if (existing != null) {
            return existing;
        }
        String base = identifier(suggestion);
        String variable = base;
        for (int n = 2; sources.containsValue(variable); n++) {
            variable = base + n;
        }
        sources.put(keyText, variable);
        source.extractions.add(extraction.apply(variable));
        return variable;
    }

    private static String identifier(String text) {
        String id = text.replaceAll("[^A-Za-z0-9_]", "_");
        if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
            id = "_" + id;
        }
        return id;
    }

    /** The schema of a path parameter of the draft's operation, or null. */
    private Schema<?> pathSchema(Draft draft, String name) {
        for (Parameter parameter : draft.op.parameters()) {
            if ("path".equals(parameter.getIn()) && name.equals(parameter.getName())) {
                return refs.schema(parameterSchema(parameter));
            }
        }
        return null;
    }

    /** Where the id of a created resource is in the create operation's response. */
    private JsonPath idPath(Draft source, String placeholder, String collection, Schema<?> pathSchema) {
        Schema<?> schema = successSchema(source.op.operation());
        if (schema == null) {
            return null;
        }
        String last = collection.substring(collection.lastIndexOf('/') + 1);
        String singular = singular(last);
        List<String> candidates = List.of(placeholder, "id", singular + "Id", singular + "_id", "uuid");
        JsonPath direct = findProperty(schema, candidates, JsonPath.of(), pathSchema);
        if (direct != null) {
            return direct;
        }
        for (String wrapper : List.of("data", "result", "item")) {
            Map<String, Schema> properties = properties(schema);
            if (properties.containsKey(wrapper)) {
                JsonPath nested = findProperty(refs.schema(properties.get(wrapper)), candidates, JsonPath.of(wrapper), pathSchema);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /**
     * Whether a response property can be the value of a path parameter: the same type, and not a
     * uuid (or another pattern) where the parameter demands a pattern of its own.
     */
    private boolean fits(Schema<?> property, Schema<?> parameter) {
        Schema<?> value = refs.schema(property);
        if (value == null || parameter == null) {
            return true;
        }
        String valueType = SampleGenerator.type(value);
        String parameterType = SampleGenerator.type(parameter);
        boolean numeric = NUMERIC.contains(valueType) && NUMERIC.contains(parameterType);
        if (!valueType.equals(parameterType) && !numeric && !"string".equals(parameterType)) {
            return false;
        }
        if (parameter.getPattern() != null) {
            return parameter.getPattern().equals(value.getPattern())
                    || value.getPattern() == null && (value.getFormat() == null || value.getFormat().equals(parameter.getFormat()))
                    && !"integer".equals(valueType) && !"number".equals(valueType);
        }
        return !"uuid".equals(parameter.getFormat()) || value.getFormat() == null || "uuid".equals(value.getFormat());
    }

    private JsonPath findProperty(Schema<?> schema, List<String> candidates, JsonPath prefix, Schema<?> pathSchema) {
        if (schema == null) {
            return null;
        }
        Map<String, Schema> properties = properties(schema);
        for (String candidate : candidates) {
            if (properties.containsKey(candidate) && fits(properties.get(candidate), pathSchema)) {
                List<JsonPath.Segment> segments = new ArrayList<>(prefix.segments());
                segments.add(new JsonPath.Field(candidate));
                return new JsonPath(segments);
            }
        }
        return null;
    }

    private Map<String, Schema> properties(Schema<?> schema) {
        Schema<?> resolved = refs.schema(schema);
        if (resolved == null) {
            return Map.of();
        }
        if (resolved.getAllOf() != null && !resolved.getAllOf().isEmpty()) {
            resolved = samples.merge(resolved, new HashSet<>());
        }
        return resolved.getProperties() == null ? Map.of() : resolved.getProperties();
    }

    private Schema<?> successSchema(Operation operation) {
        ApiResponse response = successResponse(operation);
        if (response == null || response.getContent() == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> entry : response.getContent().entrySet()) {
            if (entry.getKey().contains("json") && entry.getValue().getSchema() != null) {
                return refs.schema(entry.getValue().getSchema());
            }
        }
        return null;
    }

    private ApiResponse successResponse(Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            if (entry.getKey().startsWith("2")) {
                return refs.response(entry.getValue());
            }
        }
        return null;
    }

    /** OpenAPI links say exactly which response value feeds which parameter of a later operation. */
    private void links(List<Draft> drafts, int i, Map<String, String> sources) {
        Draft source = drafts.get(i);
        ApiResponse response = successResponse(source.op.operation());
        if (response == null || response.getLinks() == null) {
            return;
        }
        for (Map.Entry<String, Link> entry : response.getLinks().entrySet()) {
            Link link = refs.link(entry.getValue());
            if (link == null || link.getParameters() == null) {
                continue;
            }
            for (int j = i + 1; j < drafts.size(); j++) {
                Draft target = drafts.get(j);
                if (!linksTo(link, target)) {
                    continue;
                }
                for (Map.Entry<String, String> parameter : link.getParameters().entrySet()) {
                    String name = parameter.getKey().replaceFirst("^(path|query|header|cookie)\\.", "");
                    Text value = linkValue(source, i, parameter.getValue(), name, sources);
                    if (value == null) {
                        diagnostics.add(Diagnostic.warning(source.name, "link '" + entry.getKey() + "' expression '"
                                + parameter.getValue() + "' is not supported or points to nothing in the response schema; " + target.name
                                + " keeps its own value"));
                    } else if (target.pathValues.containsKey(name)) {
                        target.pathValues.put(name, value);
                        diagnostics.add(Diagnostic.info(target.name, "{" + name + "} is " + parameter.getValue()
                                + " of " + source.name + " (link " + entry.getKey() + ")"));
                    } else {
                        diagnostics.add(Diagnostic.warning(source.name, "link '" + entry.getKey() + "' sets parameter '"
                                + name + "', which only path parameters support; " + target.name + " keeps its own value"));
                    }
                }
            }
        }
    }

    /** Whether a link's pointer reaches into the response schema (a document may point into an object where it returns an array). */
    private boolean resolves(Schema<?> schema, List<JsonPath.Segment> segments) {
        Schema<?> at = schema;
        for (JsonPath.Segment segment : segments) {
            at = refs.schema(at);
            if (at == null) {
                return true;
            }
            String type = SampleGenerator.type(at);
            if (segment instanceof JsonPath.Index) {
                if (!type.equals("array")) {
                    return false;
                }
                at = at.getItems();
            } else {
                Map<String, Schema> properties = properties(at);
                String field = ((JsonPath.Field) segment).name();
                if (type.equals("array") || !properties.containsKey(field) && at.getAdditionalProperties() == null
                        && !properties.isEmpty()) {
                    return false;
                }
                at = properties.get(field);
            }
            if (at == null) {
                return true;
            }
        }
        return true;
    }

    private static boolean linksTo(Link link, Draft target) {
        if (link.getOperationId() != null) {
            return link.getOperationId().equals(target.op.operation().getOperationId());
        }
        if (link.getOperationRef() != null) {
            String ref = link.getOperationRef();
            String expected = "#/paths/" + target.op.path().replace("~", "~0").replace("/", "~1") + "/"
                    + target.op.method().name().toLowerCase(Locale.ROOT);
            return ref.endsWith(expected);
        }
        return false;
    }

    private Text linkValue(Draft source, int index, Object expression, String name, Map<String, String> sources) {
        String text = String.valueOf(expression);
        if (text.startsWith("$response.body#")) {
            String pointer = text.substring("$response.body#".length());
            List<JsonPath.Segment> segments = new ArrayList<>();
            for (String token : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
                String decoded = token.replace("~1", "/").replace("~0", "~");
                segments.add(decoded.matches("\\d+") ? new JsonPath.Index(Integer.parseInt(decoded)) : new JsonPath.Field(decoded));
            }
            JsonPath path = new JsonPath(segments);
            Schema<?> response = successSchema(source.op.operation());
            if (response != null && !resolves(response, segments)) {
                return null;
            }
            return Text.ref(extract(source, new SourceKey(index, "json", path.toString()), name,
                    v -> new Extraction.FromJson(v, path), sources));
        }
        if (text.startsWith("$response.header.")) {
            String header = text.substring("$response.header.".length());
            return Text.ref(extract(source, new SourceKey(index, "header", header.toLowerCase(Locale.ROOT)), name,
                    v -> new Extraction.FromHeader(v, header), sources));
        }
        if (text.startsWith("$request.path.")) {
            return source.pathValues.get(text.substring("$request.path.".length()));
        }
        if (!text.startsWith("$")) {
            return Text.of(text);
        }
        return null;
    }

    /**
     * The operations split into journeys, one scenario each: a resource (the operation's first tag
     * and the first path segment after the prefix all paths share) with every operation that uses
     * a value one of its requests extracts, so that an iteration is one user's journey through
     * one resource, whole: ids created are used in the same iteration. In the order of the first
     * operation of each; operations keep their order.
     */
    private List<List<Draft>> journeys(List<Draft> ordered, int prefix) {
        int[] parent = new int[ordered.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> byResource = new HashMap<>();
        Map<String, Integer> extractedBy = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            Draft draft = ordered.get(i);
            Integer first = byResource.putIfAbsent(draft.tag + " " + rootSegment(draft.path, prefix) + " "
                    + childSegment(draft.path), i);
            if (first != null) {
                union(parent, first, i);
            }
            for (String name : references(draft)) {
                Integer source = extractedBy.get(name);
                if (source != null) {
                    union(parent, source, i);
                }
            }
            for (Extraction extraction : draft.extractions) {
                extractedBy.put(extraction.variable(), i);
            }
        }
        Map<Integer, List<Draft>> journeys = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            journeys.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ordered.get(i));
        }
        return new ArrayList<>(journeys.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    }

    /** The variables a draft's request uses. */
    private Set<String> references(Draft draft) {
        return request(draft).references();
    }

    /** How many leading literal segments every path shares ({@code /v1} of {@code /v1/customers}). */
    private static int commonPrefix(List<Draft> drafts) {
        List<String> shared = null;
        for (Draft draft : drafts) {
            List<String> segments = literalHead(draft.path);
            if (shared == null) {
                shared = new ArrayList<>(segments);
            }
            int n = 0;
            while (n < shared.size() && n < segments.size() && shared.get(n).equals(segments.get(n))) {
                n++;
            }
            shared = new ArrayList<>(shared.subList(0, n));
        }
        return shared == null ? 0 : shared.size();
    }

    /** The segments of a path up to its first placeholder. */
    private static List<String> literalHead(String path) {
        List<String> head = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.contains("{")) {
                break;
            }
            if (!segment.isEmpty()) {
                head.add(segment);
            }
        }
        return head;
    }

    /** The first literal segment after the shared prefix: {@code customers} of {@code /v1/customers/{id}}. */
    private static String rootSegment(String path, int prefix) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.contains("{")) {
                segments.add(segment);
            }
        }
        return prefix < segments.size() ? segments.get(prefix) : "";
    }

    /**
     * The first literal segment after the path's first placeholder: the sub-resource
     * ({@code issues} of {@code /repos/{owner}/{repo}/issues/{number}}), or empty.
     */
    private static String childSegment(String path) {
        boolean afterPlaceholder = false;
        for (String segment : path.split("/")) {
            if (segment.contains("{")) {
                afterPlaceholder = true;
            } else if (afterPlaceholder && !segment.isEmpty()) {
                return segment;
            }
        }
        return "";
    }

    /**
     * A journey is named after its first operation: its tag, the resource its path names when
     * the tag is not enough to tell journeys apart, and its sub-resource.
     */
    private static String journeyName(List<Draft> journey, List<Draft> all, int prefix) {
        Draft first = journey.get(0);
        String root = rootSegment(first.path, prefix);
        List<String> parts = new ArrayList<>();
        if (!first.tag.isEmpty()) {
            parts.add(first.tag);
        }
        Set<Draft> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(journey);
        boolean tagShared = all.stream().anyMatch(d -> d.tag.equals(first.tag) && !members.contains(d));
        if (!root.isEmpty() && (first.tag.isEmpty() || tagShared && !root.equalsIgnoreCase(first.tag))) {
            parts.add(root);
        }
        String child = childSegment(first.path);
        if (!child.isEmpty()) {
            parts.add(child);
        }
        return parts.isEmpty() ? "/" : String.join(" ", parts);
    }

    private List<Step> steps(List<Draft> drafts) {
        Set<String> tags = new LinkedHashSet<>();
        drafts.forEach(d -> tags.add(d.tag));
        List<Step> steps = new ArrayList<>();
        if (tags.size() <= 1) {
            drafts.forEach(d -> steps.add(request(d)));
            return steps;
        }
        for (String tag : tags) {
            List<Step> members = new ArrayList<>();
            drafts.stream().filter(d -> d.tag.equals(tag) && !d.cleanup).forEach(d -> members.add(request(d)));
            if (!tag.isEmpty() && !members.isEmpty()) {
                steps.add(new Group(tag, members));
            }
        }
        drafts.stream().filter(d -> d.tag.isEmpty() && !d.cleanup).forEach(d -> steps.add(request(d)));
        List<Step> cleanup = drafts.stream().filter(d -> d.cleanup).<Step>map(this::request).toList();
        if (!cleanup.isEmpty()) {
            steps.add(new Group("cleanup", cleanup));
        }
        return steps;
    }

    /** The draft's request, built once: its path values are final by now. */
    private HttpRequest request(Draft draft) {
        if (draft.request != null) {
            return draft.request;
        }
        HttpRequest.Builder builder = draft.builder.path(draft.path);
        draft.pathValues.forEach(builder::pathParam);
        try {
            draft.request = builder.build();
            return draft.request;
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, draft.op.label(), e.getMessage(), e);
        }
    }
}
