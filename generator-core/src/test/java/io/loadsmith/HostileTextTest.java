package io.loadsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.importer.HeaderValues;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.Tool;
import io.loadsmith.render.escape.HostileStrings;
import io.loadsmith.testing.ExpectedRequests;
import io.loadsmith.testing.HostileSpec;
import io.loadsmith.testing.Node;
import io.loadsmith.testing.ScriptChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose every name and value is hostile text (quotes, backslashes, newlines, ${...},
 * backticks, </script>, U+2028, emoji, reserved words): the generated scripts still parse, and
 * every value is sent exactly as the spec wrote it, never run as code or as a tool expression.
 */
class HostileTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> H = HostileStrings.ALL;

    @TempDir
    static Path dir;

    static Path spec;

    @BeforeAll
    static void writeSpec() {
        spec = HostileSpec.write(dir);
    }

    /** Each script parses in its own language; tool-tests then runs them and reads every value back from the wire. */
    @Test
    void everyToolsScriptsParse() {
        Generation generation = Loadsmith.generate(spec, ImportOptions.defaults(), PlanOptions.none(), List.of(Tool.values()),
                RenderOptions.defaults());
        ScriptChecks.check(generation.files());
    }

    @Test
    void k6ScriptParsesAndSendsEveryValueUnchanged() throws Exception {
        Generation generation = Loadsmith.generate(spec, ImportOptions.defaults(), PlanOptions.none(), List.of(Tool.K6),
                RenderOptions.defaults());
        Path out = dir.resolve("k6-out");
        Loadsmith.write(out, generation.files());
        String script = generation.files().get(0).text();
        Node.checkModule(script);

        JsonNode result = Node.simulateK6(out.resolve(Tool.K6.scriptPath()), Map.of());
        List<ExpectedRequests.Request> expected = ExpectedRequests.of(generation.plan(), Map.of(), e -> null);
        List<JsonNode> requests = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        result.path("events").forEach(event -> {
            switch (event.path("type").asText()) {
                case "request" -> requests.add(event);
                case "group" -> groups.add(event.path("name").asText());
                case "check" -> checks.add(event.path("name").asText());
                default -> { }
            }
        });
        assertEquals(H.size(), requests.size());
        for (int i = 0; i < H.size(); i++) {
            ExpectedRequests.Request request = io.loadsmith.render.k6.K6Probe.decode(requests.get(i));
            assertEquals(expected.get(i), request, "request " + i);
            assertEquals(H.get(i), request.path().get(request.path().size() - 1), "path parameter " + i);
            assertEquals(List.of(Map.entry(H.get(i), H.get(i))), request.query(), "query " + i);
            assertEquals(HeaderValues.header(H.get(i)), request.headers().get(HostileSpec.HEADER + i), "header " + i);
            assertEquals(H.get(i), JSON.readTree(request.body().json()).get(H.get(i)).asText(), "body " + i);
        }
        assertEquals(H, groups, "group names read back");
        for (int i = 0; i < H.size(); i++) {
            String name = i % 2 == 0 ? H.get(i) : i == 1 ? "class" : "class_" + (i / 2 + 1);
            assertTrue(checks.contains(name + ": status is 200"), "check of " + name);
        }
        String scenario = result.path("options").path("scenarios").fieldNames().next();
        assertEquals(String.join(" ", H), scenario, "scenario key read back");
    }
}
