package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator's health: k6 held to one core (taskset) with many users and no think time
 * runs out of CPU, and the result says its latencies are inflated; one user that thinks between
 * requests does not.
 */
class GeneratorHealthRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(List<String> before, String... options) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            List<String> command = new ArrayList<>(before);
            command.addAll(List.of("java", "-jar", RunEndToEndTest.jar().toString(), "run",
                    TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", "k6",
                    "--tool-path", Tools.executable(LoadTools.K6).toString(), "--base-url", api.baseUrl(),
                    "--results", dir.resolve("results").toString()));
            command.addAll(List.of(options));
            Processes.Result run = Processes.run(command, dir, Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID, "OAUTH_CLIENT_SECRET",
                    DemoApi.CLIENT_SECRET), 180);
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            try (Stream<Path> folders = Files.list(dir.resolve("results"))) {
                JsonNode result = JSON.readTree(folders.findFirst().orElseThrow().resolve("result.json").toFile());
                ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("stdout", run.stdout());
                return result;
            }
        }
    }

    @Test
    void aGeneratorHeldToOneCoreWithManyUsersIsTheBottleneck() throws Exception {
        JsonNode result = run(List.of("taskset", "-c", "0"), "--vus", "50", "--duration", "8s", "--think-time", "none");
        JsonNode generator = result.get("generator");
        assertEquals(1, generator.get("cores").asInt(), "taskset left k6 one core: " + generator);
        assertTrue(generator.get("saturated").asBoolean(), generator.toString());
        assertTrue(result.get("warnings").toString().contains("the load generator was the bottleneck"), result.get("warnings").toString());
        assertTrue(result.get("stdout").asText().contains("warning: the load generator was the bottleneck"), result.get("stdout").asText());
        assertTrue(generator.get("samples").size() >= 6, generator.toString());
        generator.get("samples").forEach(s -> assertTrue(s.get("rssMb").asDouble() > 5, "k6's memory: " + s));
    }

    @Test
    void oneUserWhoThinksLeavesTheGeneratorIdle() throws Exception {
        JsonNode result = run(List.of(), "--vus", "1", "--duration", "6s", "--think-time", "500ms");
        JsonNode generator = result.get("generator");
        assertFalse(generator.get("saturated").asBoolean(), generator.toString());
        assertFalse(result.get("warnings").toString().contains("bottleneck"), result.get("warnings").toString());
        assertTrue(generator.get("samples").size() >= 4, generator.toString());
    }
}
