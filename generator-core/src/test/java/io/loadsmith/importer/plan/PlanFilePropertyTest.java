package io.loadsmith.importer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Extraction;
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
import io.loadsmith.model.Workload;
import io.loadsmith.render.escape.HostileStrings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any plan survives the plan file: written as YAML and read back, it is the same plan, and
 * writing it again gives the same bytes. Plans are built from any text (names, paths, values,
 * JSON keys and strings, variable references), every body kind the file spells, checks,
 * extractions, think time, closed and open workloads and thresholds.
 */
class PlanFilePropertyTest {
    private static final Path FILE = Path.of("plan.yaml");

    @Property(tries = 200, seed = "20261202")
    void anyPlanReadsBackAsItWasWritten(@ForAll("plans") TestPlan plan) {
        String yaml = PlanFileWriter.write(plan);
        TestPlan read = PlanFileImporter.parse(FILE, yaml);
        assertEquals(plan, read, yaml);
        assertEquals(yaml, PlanFileWriter.write(read));
    }

    /**
     * Any well-formed text: a plan file is a UTF-8 document, which cannot hold a lone surrogate
     * (the escapers' own tests cover those).
     */
    private static Arbitrary<String> text() {
        return HostileStrings.any().filter(PlanFilePropertyTest::wellFormed);
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Arbitrary<String> nonBlank() {
        return text().filter(s -> !s.isBlank());
    }

    /** A text of literals and references to the plan's variables v0 and v1. */
    private static Arbitrary<Text> template() {
        Arbitrary<Text.Part> part = Arbitraries.oneOf(text().filter(s -> !s.isEmpty()).map(Text.Literal::new),
                Arbitraries.of("v0", "v1").map(Text.Ref::new));
        return part.list().ofMaxSize(4).map(Text::new);
    }

    private static Arbitrary<Text> headerValue() {
        return template().map(t -> new Text(t.parts().stream().map(p -> p instanceof Text.Literal l
                ? (Text.Part) new Text.Literal(l.value().replaceAll("[\r\n\0]", " ")) : p).toList()));
    }

    private static Arbitrary<Json> json() {
        Arbitrary<Json> leaf = Arbitraries.oneOf(template().map(Json.JsonString::new),
                Arbitraries.bigDecimals().ofScale(6).map(Json.JsonNumber::new),
                Arbitraries.of(new BigDecimal("1e40"), new BigDecimal("-0.000000001"), new BigDecimal("12345678901234567890"))
                        .map(Json.JsonNumber::new),
                Arbitraries.of(true, false).map(Json.JsonBoolean::new), Arbitraries.just(new Json.JsonNull()),
                Arbitraries.of("v0", "v1").map(Json.JsonRef::new));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(inner.list().ofMaxSize(3).map(Json.JsonArray::new),
                Combinators.combine(text(), inner).as(Json.Member::new).list().ofMaxSize(3)
                        .uniqueElements(Json.Member::key).map(Json.JsonObject::new)), 0, 3);
    }

    private static Arbitrary<Body> body() {
        Arbitrary<List<Param>> fields = Combinators.combine(nonBlank(), template()).as(Param::new).list().ofMaxSize(3);
        return Arbitraries.oneOf(Arbitraries.just(Body.none()), json().map(Body.JsonBody::of), fields.map(Body.FormBody::new),
                Combinators.combine(Arbitraries.of("text/plain", "application/xml; charset=utf-8"), template())
                        .as(Body.RawBody::new),
                Combinators.combine(nonBlank(), template()).as(Body.MultipartField::new).list().ofMinSize(1).ofMaxSize(2)
                        .map(parts -> new Body.MultipartBody(List.copyOf(parts))));
    }

    private static Arbitrary<HttpRequest> request(int scenario, int index) {
        Arbitrary<String> path = text().map(s -> "/" + s.replace("{", "(").replace("}", ")") + "/{id}");
        Arbitrary<List<Param>> query = Combinators.combine(nonBlank(), template()).as(Param::new).list().ofMaxSize(3);
        Arbitrary<List<Param>> headers = Combinators.combine(Arbitraries.of("X-A", "Accept", "X-Trace-Id"), headerValue())
                .as(Param::new).list().ofMaxSize(2);
        Arbitrary<HttpMethod> method = Arbitraries.of(HttpMethod.class);
        return Combinators.combine(method, nonBlank(), path, template(), query, headers, body(), Arbitraries.integers().between(0, 2))
                .as((m, name, p, id, q, h, b, kind) -> {
                    HttpRequest.Builder request = HttpRequest.builder(m, p).name(scenario + "." + index + " " + name)
                            .pathParam("id", id.isEmpty() ? Text.of("1") : id).body(m.allowsBody() ? b : Body.none());
                    q.forEach(param -> request.query(param.name(), param.value()));
                    h.forEach(param -> request.header(param.name(), param.value()));
                    request.check(Check.StatusCheck.is(200 + kind));
                    switch (kind) {
                        case 1 -> request.extract(new Extraction.FromJson("e" + index, JsonPath.of("data", name)));
                        case 2 -> request.extract(new Extraction.FromHeader("e" + index, "Location", "/([^/]+)$"));
                        default -> request.check(new Check.BodyContains(name));
                    }
                    return request.build();
                });
    }

    private static Arbitrary<Scenario> scenario(int index) {
        Arbitrary<List<Step>> steps = Arbitraries.integers().between(1, 3).flatMap(count -> {
            List<Arbitrary<Step>> each = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                each.add(request(index, i).map(r -> (Step) r));
                each.add(Arbitraries.integers().between(1, 3000).map(ms -> (Step) ThinkTime.fixed(Duration.ofMillis(ms))));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
        return Combinators.combine(nonBlank(), Arbitraries.integers().between(1, 9), steps)
                .as((name, weight, s) -> new Scenario(index + " " + name, weight, s));
    }

    private static Arbitrary<Workload> workload() {
        Arbitrary<Duration> duration = Arbitraries.integers().between(1, 3600).map(Duration::ofSeconds);
        Arbitrary<Workload> closed = Combinators.combine(Arbitraries.integers().between(1, 500), duration)
                .as(Workload.ClosedWorkload::constant);
        Arbitrary<Workload> open = Combinators.combine(Arbitraries.integers().between(1, 2000).map(r -> r / 4.0), duration,
                Arbitraries.integers().between(1, 50)).as((rate, d, users) -> Workload.OpenWorkload.constant(rate, d, users, users * 2));
        return Arbitraries.oneOf(closed, open);
    }

    @Provide
    Arbitrary<TestPlan> plans() {
        Arbitrary<List<Scenario>> scenarios = Arbitraries.integers().between(1, 3).flatMap(count -> {
            List<Arbitrary<Scenario>> each = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                each.add(scenario(i));
            }
            return Combinators.combine(each).as(List::copyOf);
        });
        Arbitrary<String> variableDefault = text().injectNull(0.3);
        return Combinators.combine(nonBlank(), scenarios, workload(), variableDefault, text(), Arbitraries.of("p95<500ms", "p99.9<=1.2s",
                "error-rate<1%", "max<=2s", "throughput>10/s", "avg<250ms")).as((name, s, w, defaultValue, description, threshold) -> TestPlan
                .builder(name, "http://127.0.0.1:8080/base").variable(new Variable("v0", "LOADSMITH_V0", defaultValue, false,
                        description)).variable(Variable.secret("v1", description)).scenarios(s).workload(w)
                .threshold(Threshold.parse(threshold)).build());
    }
}
