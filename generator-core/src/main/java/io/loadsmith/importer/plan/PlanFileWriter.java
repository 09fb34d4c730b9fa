package io.loadsmith.importer.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Durations;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.ThinkTime;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Variable;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.model.Workload;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;

/** Writes a plan as YAML in the plan-file format that {@link PlanFileImporter} reads. */
public final class PlanFileWriter {
    static final int VERSION = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper(new Factory(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new Quoting())));

    /**
     * Jackson writes text with a line feed as a literal block, in which NEL, LS and PS would read
     * back as line feeds and a carriage return would be lost: such text goes in double quotes.
     */
    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
            return new YAMLGenerator(context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out,
                    _version) {
                @Override
                protected void _writeScalar(String value, String type, DumperOptions.ScalarStyle style) throws IOException {
                    super._writeScalar(value, type, style == DumperOptions.ScalarStyle.LITERAL && Quoting.needsEscapes(value)
                            ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : style);
                }
            };
        }
    }

    /**
     * Double quotes, with escapes, for text that holds a character YAML reads as a line break
     * (NEL, LS, PS) or cannot print: SnakeYAML would write such text in single quotes, where a
     * line break reads back as a space.
     */
    private static final class Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || needsEscapes(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || needsEscapes(value);
        }

        static boolean needsEscapes(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
                        || c >= 0xFFFE) {
                    return true;
                }
            }
            return false;
        }
    }

    private PlanFileWriter() {}

    public static String write(TestPlan plan) {
        ObjectNode root = F.objectNode();
        root.put("loadsmith", VERSION);
        root.put("name", plan.name());
        root.put("baseUrl", plan.baseUrl());
        if (!plan.variables().isEmpty()) {
            ArrayNode variables = root.putArray("variables");
            plan.variables().forEach(v -> variables.add(variable(v)));
        }
        if (!(plan.auth() instanceof Auth.None)) {
            root.set("auth", auth(plan.auth()));
        }
        if (!plan.headers().isEmpty()) {
            root.set("headers", params(plan.headers()));
        }
        root.set("workload", workload(plan.workload()));
        if (!plan.thresholds().isEmpty()) {
            ArrayNode thresholds = root.putArray("thresholds");
            plan.thresholds().stream().map(Threshold::expression).forEach(thresholds::add);
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (Scenario scenario : plan.scenarios()) {
            ObjectNode node = scenarios.addObject();
            node.put("name", scenario.name());
            node.put("weight", scenario.weight());
            node.set("steps", steps(scenario.steps()));
        }
        try {
            return "# Loadsmith plan file. Edit it, then: loadsmith generate <this file> --tool k6 --out out\n"
                    + "# Strings may refer to variables as ${NAME}; write $$ for a literal $ before { or $.\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as YAML", e);
        }
    }

    private static ObjectNode variable(Variable variable) {
        ObjectNode node = F.objectNode();
        node.put("name", variable.name());
        if (!variable.env().equals(variable.name())) {
            node.put("env", variable.env());
        }
        if (variable.secret()) {
            node.put("secret", true);
        }
        if (variable.defaultValue() != null) {
            node.put("default", variable.defaultValue());
        }
        if (!variable.description().isEmpty()) {
            node.put("description", variable.description());
        }
        return node;
    }

    private static ObjectNode auth(Auth auth) {
        ObjectNode node = F.objectNode();
        if (auth instanceof Auth.Bearer bearer) {
            node.put("type", "bearer");
            node.put("token", bearer.token().toTemplate());
        } else if (auth instanceof Auth.Basic basic) {
            node.put("type", "basic");
            node.put("username", basic.username().toTemplate());
            node.put("password", basic.password().toTemplate());
        } else if (auth instanceof Auth.ApiKey key) {
            node.put("type", "apiKey");
            node.put("name", key.name());
            node.put("in", key.in().name().toLowerCase(Locale.ROOT));
            node.put("value", key.value().toTemplate());
        } else if (auth instanceof Auth.OAuth2ClientCredentials oauth) {
            node.put("type", "oauth2-client-credentials");
            node.put("tokenUrl", oauth.tokenUrl());
            node.put("clientId", oauth.clientId().toTemplate());
            node.put("clientSecret", oauth.clientSecret().toTemplate());
            if (!oauth.scopes().isEmpty()) {
                ArrayNode scopes = node.putArray("scopes");
                oauth.scopes().forEach(scopes::add);
            }
        }
        return node;
    }

    private static ArrayNode params(List<Param> params) {
        ArrayNode array = F.arrayNode();
        for (Param param : params) {
            ObjectNode node = array.addObject();
            node.put("name", param.name());
            node.put("value", param.value().toTemplate());
        }
        return array;
    }

    private static ObjectNode workload(Workload workload) {
        ObjectNode node = F.objectNode();
        if (workload instanceof Workload.ClosedWorkload closed) {
            node.put("type", "closed");
            node.put("startUsers", closed.startUsers());
            ArrayNode stages = node.putArray("stages");
            for (Workload.UserStage stage : closed.stages()) {
                ObjectNode s = stages.addObject();
                s.put("duration", Durations.format(stage.duration()));
                s.put("users", stage.users());
            }
        } else {
            Workload.OpenWorkload open = (Workload.OpenWorkload) workload;
            node.put("type", "open");
            node.set("startRate", number(open.startRate()));
            node.put("preAllocatedUsers", open.preAllocatedUsers());
            node.put("maxUsers", open.maxUsers());
            ArrayNode stages = node.putArray("stages");
            for (Workload.RateStage stage : open.stages()) {
                ObjectNode s = stages.addObject();
                s.put("duration", Durations.format(stage.duration()));
                s.set("rate", number(stage.rate()));
            }
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode number(double value) {
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() <= 0 ? F.numberNode(decimal.toBigInteger()) : F.numberNode(decimal);
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode array = F.arrayNode();
        for (Step step : steps) {
            if (step instanceof HttpRequest request) {
                array.add(request(request));
            } else if (step instanceof WebSocketSession session) {
                array.add(webSocket(session));
            } else if (step instanceof ThinkTime think) {
                array.addObject().put("think", think.isFixed() ? Durations.format(think.min())
                        : Durations.format(think.min()) + "-" + Durations.format(think.max()));
            } else {
                Group group = (Group) step;
                ObjectNode node = array.addObject();
                node.put("group", group.name());
                node.set("steps", steps(group.steps()));
            }
        }
        return array;
    }

    private static ObjectNode request(HttpRequest request) {
        ObjectNode node = F.objectNode();
        node.put("request", request.name());
        node.put("method", request.method().name());
        node.put("path", request.path());
        if (!request.pathParams().isEmpty()) {
            ObjectNode pathParams = node.putObject("pathParams");
            request.pathParams().forEach(p -> pathParams.put(p.name(), p.value().toTemplate()));
        }
        if (!request.query().isEmpty()) {
            node.set("query", params(request.query()));
        }
        if (!request.headers().isEmpty()) {
            node.set("headers", params(request.headers()));
        }
        if (!request.cookies().isEmpty()) {
            node.set("cookies", params(request.cookies()));
        }
        if (!request.authenticated()) {
            node.put("auth", false);
        }
        if (!(request.body() instanceof Body.None)) {
            node.set("body", body(request.body()));
        }
        if (!request.checks().isEmpty()) {
            ArrayNode checks = node.putArray("checks");
            for (Check check : request.checks()) {
                ObjectNode c = checks.addObject();
                if (check instanceof Check.StatusCheck status) {
                    if (status.isSingle()) {
                        c.put("status", status.from());
                    } else {
                        c.put("status", status.describe());
                    }
                } else if (check instanceof Check.BodyContains contains) {
                    c.put("bodyContains", contains.text());
                } else if (check instanceof Check.JsonPathExists exists) {
                    c.put("jsonPathExists", exists.path().toString());
                } else {
                    c.put("noGraphQlErrors", true);
                }
            }
        }
        if (!request.extractions().isEmpty()) {
            node.set("extract", extractions(request.extractions()));
        }
        return node;
    }

    private static ArrayNode extractions(List<Extraction> extractions) {
        ArrayNode extract = F.arrayNode();
        for (Extraction extraction : extractions) {
            ObjectNode e = extract.addObject();
            e.put("var", extraction.variable());
            if (extraction instanceof Extraction.FromJson json) {
                e.put("json", json.path().toString());
            } else if (extraction instanceof Extraction.FromHeader header) {
                e.put("header", header.header());
                if (header.pattern() != null) {
                    e.put("regex", header.pattern());
                }
            } else {
                Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
                e.put("regex", regex.pattern());
                e.put("group", regex.group());
            }
        }
        return extract;
    }

    private static ObjectNode webSocket(WebSocketSession session) {
        ObjectNode node = F.objectNode();
        node.put("websocket", session.name());
        node.put("path", session.path());
        if (!session.query().isEmpty()) {
            node.set("query", params(session.query()));
        }
        if (!session.headers().isEmpty()) {
            node.set("headers", params(session.headers()));
        }
        if (session.subprotocol() != null) {
            node.put("subprotocol", session.subprotocol());
        }
        if (!session.authenticated()) {
            node.put("auth", false);
        }
        ArrayNode actions = node.putArray("actions");
        for (WebSocketSession.Action action : session.actions()) {
            ObjectNode a = actions.addObject();
            if (action instanceof WebSocketSession.Send send) {
                if (send.text() != null) {
                    a.put("send", send.text().toTemplate());
                } else {
                    a.set("send", json(send.json()));
                }
            } else if (action instanceof WebSocketSession.Expect expect) {
                a.put("expect", expect.name());
                if (expect.path() != null) {
                    a.put("json", expect.path().toString());
                }
                if (expect.equals() != null) {
                    a.put("equals", expect.equals().toTemplate());
                }
                if (!expect.timeout().equals(WebSocketSession.DEFAULT_TIMEOUT)) {
                    a.put("timeout", Durations.format(expect.timeout()));
                }
                if (!expect.extractions().isEmpty()) {
                    a.set("extract", extractions(expect.extractions()));
                }
            } else {
                a.put("pause", Durations.format(((WebSocketSession.Pause) action).duration()));
            }
        }
        return node;
    }

    private static ObjectNode body(Body body) {
        ObjectNode node = F.objectNode();
        if (body instanceof Body.JsonBody json) {
            if (!json.contentType().equals("application/json")) {
                node.put("contentType", json.contentType());
            }
            node.set("json", json(json.value()));
        } else if (body instanceof Body.FormBody form) {
            node.set("form", params(form.fields()));
        } else if (body instanceof Body.MultipartBody multipart) {
            ArrayNode parts = node.putArray("multipart");
            for (Body.MultipartPart part : multipart.parts()) {
                ObjectNode p = parts.addObject();
                p.put("name", part.name());
                if (part instanceof Body.MultipartFile file) {
                    p.put("file", file.fileName());
                    p.put("contentType", file.contentType());
                    p.put("base64", file.base64Content());
                } else {
                    p.put("value", ((Body.MultipartField) part).value().toTemplate());
                }
            }
        } else if (body instanceof Body.RawBody raw) {
            node.put("contentType", raw.contentType());
            node.put("text", raw.content().toTemplate());
        } else if (body instanceof Body.BinaryBody binary) {
            node.put("contentType", binary.contentType());
            node.put("base64", binary.base64Content());
        }
        return node;
    }

    /** JSON with strings as templates; a typed reference is {@code {$var: name}}. */
    static com.fasterxml.jackson.databind.JsonNode json(Json value) {
        if (value instanceof Json.JsonObject object) {
            ObjectNode node = F.objectNode();
            for (Json.Member member : object.members()) {
                String key = member.key().matches("\\$+var") ? "$" + member.key() : member.key();
                node.set(key, json(member.value()));
            }
            return node;
        }
        if (value instanceof Json.JsonArray array) {
            ArrayNode node = F.arrayNode();
            array.items().forEach(item -> node.add(json(item)));
            return node;
        }
        if (value instanceof Json.JsonString string) {
            return F.textNode(string.value().toTemplate());
        }
        if (value instanceof Json.JsonNumber number) {
            return number.value().scale() <= 0
                    ? F.numberNode(number.value().toBigIntegerExact()) : F.numberNode(number.value());
        }
        if (value instanceof Json.JsonBoolean bool) {
            return F.booleanNode(bool.value());
        }
        if (value instanceof Json.JsonRef ref) {
            ObjectNode node = F.objectNode();
            node.put("$var", ref.variable());
            return node;
        }
        return F.nullNode();
    }
}
