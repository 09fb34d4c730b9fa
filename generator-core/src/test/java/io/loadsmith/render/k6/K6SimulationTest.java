package io.loadsmith.render.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.Tool;
import io.loadsmith.testing.ExpectedRequests;
import io.loadsmith.testing.Node;
import io.loadsmith.testing.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each generated k6 script in the Node simulator and compares every request it would send
 * with what the plan says, value by value, decoded: method, path, query, headers, cookies and body.
 */
class K6SimulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sendsWhatThePlanSays(Samples.Sample sample) {
        Generation generation = Loadsmith.generate(sample.path(), ImportOptions.defaults(), PlanOptions.none(),
                List.of(Tool.K6), RenderOptions.defaults());
        Loadsmith.write(dir, generation.files());
        TestPlan plan = generation.plan();
        Map<String, String> env = ExpectedRequests.environment(plan);
        JsonNode result = Node.simulateK6(dir.resolve(Tool.K6.scriptPath()), env);
        List<JsonNode> sent = new ArrayList<>();
        result.path("events").forEach(event -> {
            if (event.path("type").asText().equals("request") && !event.path("tags").path("name").asText().equals("oauth2 token")) {
                sent.add(event);
            }
        });
        List<ExpectedRequests.Request> expected = ExpectedRequests.of(plan, env, K6Simulation.VALUES);
        assertEquals(expected.size(), sent.size(), "number of requests");
        for (int i = 0; i < expected.size(); i++) {
            ExpectedRequests.Request want = expected.get(i);
            ExpectedRequests.Request got = K6Simulation.decode(sent.get(i));
            assertEquals(want, got, "request " + (i + 1) + " (" + want.name() + ")");
        }
    }
}
