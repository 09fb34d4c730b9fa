package io.loadsmith.importer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.render.escape.HostileStrings;
import io.loadsmith.testing.Samples;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanFileRoundTripTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void planToYamlToPlanIsExact(Samples.Sample sample) {
        TestPlan plan = Loadsmith.importFile(sample.path(), ImportOptions.defaults()).plan();
        String yaml = PlanFileWriter.write(plan);
        assertEquals(plan, PlanFileImporter.parse(Path.of("plan.yaml"), yaml));
        assertEquals(yaml, PlanFileWriter.write(PlanFileImporter.parse(Path.of("plan.yaml"), yaml)));
    }

    @Test
    void hostileTextSurvivesTheRoundTrip() {
        List<Json.Member> members = new ArrayList<>();
        List<Param> headers = new ArrayList<>();
        List<Param> query = new ArrayList<>();
        for (int i = 0; i < HostileStrings.ALL.size(); i++) {
            String value = HostileStrings.ALL.get(i);
            members.add(new Json.Member(value, new Json.JsonString(Text.of(value))));
            headers.add(Param.of("X-H" + i, value.replaceAll("[\r\n\0]", " "))); // a header cannot hold a line break
            query.add(Param.of(value, value));
        }
        members.add(new Json.Member("$var", Json.string("a literal key")));
        members.add(new Json.Member("big", new Json.JsonNumber(new BigDecimal("123456789012345678901234567890"))));
        members.add(new Json.Member("small", new Json.JsonNumber(new BigDecimal("0.000000001"))));
        HttpRequest.Builder request = HttpRequest.builder(HttpMethod.POST, "/it's/${x}/\"q\"").name("class ${x} 'q'").pathParam("x", Text.of(HostileStrings.ALL.get(4)))
                .body(Body.JsonBody.of(new Json.JsonObject(members)));
        headers.forEach(h -> request.header(h.name(), h.value()));
        query.forEach(q -> request.query(q.name(), q.value()));
        TestPlan plan = TestPlan.builder("🚀 'plan' ${x}\n", "http://127.0.0.1:1/base").scenario(
                new Scenario("import", 1, List.of(request.build()))).build();
        String yaml = PlanFileWriter.write(plan);
        assertEquals(plan, PlanFileImporter.parse(Path.of("plan.yaml"), yaml));
    }

    @Test
    void errorsNameThePointerAndLine() {
        String yaml = "loadsmith: 1\nname: x\nbaseUrl: http://h\nscenarios:\n  - name: s\n    steps:\n"
                + "      - request: r\n        method: FETCH\n        path: /\n";
        ImportException e = assertThrows(ImportException.class, () -> PlanFileImporter.parse(Path.of("p.yaml"), yaml));
        assertTrue(e.getMessage().startsWith("p.yaml: /scenarios/0/steps/0/method"), e.getMessage());
        assertTrue(e.getMessage().contains("'FETCH' is not an HTTP method"), e.getMessage());
    }

    @Test
    void aHeaderWithALineBreakIsAnError() {
        String yaml = "loadsmith: 1\nname: x\nbaseUrl: http://h\nscenarios:\n  - name: s\n    steps:\n"
                + "      - request: r\n        method: GET\n        path: /\n        headers:\n          - name: X-A\n            value: \"1\\r\\nX-Injected: 1\"\n";
        ImportException e = assertThrows(ImportException.class, () -> PlanFileImporter.parse(Path.of("p.yaml"), yaml));
        assertTrue(e.getMessage().startsWith("p.yaml: /scenarios/0/steps/0"), e.getMessage());
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
    }

    @Test
    void unknownKeysAreErrors() {
        String yaml = "loadsmith: 1\nname: x\nbaseUrl: http://h\nworkload:\n  type: closed\n  usres: 3\n  stages: []\nscenarios: []\n";
        ImportException e = assertThrows(ImportException.class, () -> PlanFileImporter.parse(Path.of("p.yaml"), yaml));
        assertTrue(e.getMessage().contains("/workload/usres"), e.getMessage());
    }
}
