package io.loadsmith.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cluster manifests: read back with a YAML parser, they hold the scripts byte for byte, split
 * the workload so that the parts add up to the plan, refer to secrets without their values, and
 * keep every text from the input a literal. {@code ManifestValidationTest} (tool-tests) checks them
 * against the Kubernetes and Compose schemas.
 */
class DeploymentTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<LoadTool> TOOLS = List.of(LoadTools.K6, LoadTools.LOCUST, LoadTools.JMETER);

    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    private static TestPlan plan(Samples.Sample sample) {
        return Loadsmith.importFile(sample.path(), ImportOptions.defaults().withSeed(1)).plan();
    }

    private static String manifest(LoadTool tool, DeployTarget target, int workers, TestPlan plan, RenderResult scripts) {
        RenderResult result = tool.deployment(target, workers, plan, scripts, "input.yaml");
        assertEquals(1, result.files().size());
        assertEquals(tool.id() + "/" + target.fileName(), result.files().get(0).path());
        return result.files().get(0).text();
    }

    private static List<JsonNode> documents(String yaml) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNext()) {
                documents.add((JsonNode) values.next());
            }
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theConfigMapHoldsTheScriptsByteForByte(Samples.Sample sample) throws Exception {
        TestPlan plan = plan(sample);
        for (LoadTool tool : TOOLS) {
            RenderResult scripts = Loadsmith.render(plan, tool);
            List<JsonNode> documents = documents(manifest(tool, DeployTarget.KUBERNETES, 2, plan, scripts));
            JsonNode configMap = kind(documents, "ConfigMap");
            Map<String, byte[]> held = new HashMap<>();
            configMap.path("data").fields().forEachRemaining(e -> held.put(e.getKey(), e.getValue().asText().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            configMap.path("binaryData").fields().forEachRemaining(e -> held.put(e.getKey(),
                    Base64.getDecoder().decode(e.getValue().asText())));
            for (RenderedFile file : scripts.files()) {
                String path = file.path().substring(tool.id().length() + 1);
                if (tool == LoadTools.K6 && path.contains("/")) {
                    assertFalse(held.containsKey(path.replace('/', '.')), "the operator mounts keys flat: " + path);
                    continue;
                }
                assertArrayEquals(file.content(), held.get(path.replace('/', '.')), tool.id() + ": " + path);
            }
            // Each volume puts every key of the ConfigMap at its path.
            for (JsonNode document : documents) {
                for (JsonNode volume : document.path("spec").path("template").path("spec").path("volumes")) {
                    for (JsonNode item : volume.path("configMap").path("items")) {
                        assertEquals(item.path("path").asText().replace('/', '.'), item.path("key").asText());
                        assertTrue(held.containsKey(item.path("key").asText()), item.toString());
                    }
                }
            }
        }
    }

    @Test
    void theScriptsOfACatalogWithUploadsNameWhatTheK6OperatorCannotMount() {
        TestPlan plan = plan(Samples.all().stream().filter(s -> s.name().equals("catalog")).findFirst().orElseThrow());
        RenderResult result = LoadTools.K6.deployment(DeployTarget.KUBERNETES, 2, plan, Loadsmith.render(plan, LoadTools.K6), null);
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("spec.script.volumeClaim")
                && d.message().contains("k6/files/")), result.diagnostics().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theWorkersTogetherRunThePlansWorkload(Samples.Sample sample) throws Exception {
        TestPlan plan = plan(sample);
        for (int workers : new int[] {1, 3}) {
            // k6: the operator splits by parallelism; Compose services take contiguous segments of one sequence.
            JsonNode testRun = kind(documents(manifest(LoadTools.K6, DeployTarget.KUBERNETES, workers, plan,
                    Loadsmith.render(plan, LoadTools.K6))), "TestRun");
            assertEquals(workers, testRun.path("spec").path("parallelism").asInt());
            JsonNode k6 = documents(manifest(LoadTools.K6, DeployTarget.COMPOSE, workers, plan, Loadsmith.render(plan, LoadTools.K6))).get(0);
            String from = "0";
            for (int i = 1; i <= workers; i++) {
                List<String> command = strings(k6.path("services").path("k6-" + i).path("command"));
                String[] segment = command.get(command.indexOf("--execution-segment") + 1).split(":");
                assertEquals(from, segment[0]);
                from = segment[1];
            }
            assertEquals("1", from);

            // Locust: the master waits for as many workers as there are.
            List<JsonNode> locust = documents(manifest(LoadTools.LOCUST, DeployTarget.KUBERNETES, workers, plan,
                    Loadsmith.render(plan, LoadTools.LOCUST)));
            List<String> master = strings(kind(locust, "Job").path("spec").path("template").path("spec").path("containers").get(0).path("args"));
            assertEquals(Integer.toString(workers), master.get(master.indexOf("--expect-workers") + 1));
            assertEquals(workers, kind(locust, "Deployment").path("spec").path("replicas").asInt());
            JsonNode locustCompose = documents(manifest(LoadTools.LOCUST, DeployTarget.COMPOSE, workers, plan,
                    Loadsmith.render(plan, LoadTools.LOCUST))).get(0);
            assertEquals(workers, locustCompose.path("services").path("worker").path("deploy").path("replicas").asInt());

            // JMeter: the servers' shares add up to the plan.
            List<JsonNode> jmeter = documents(manifest(LoadTools.JMETER, DeployTarget.KUBERNETES, workers, plan,
                    Loadsmith.render(plan, LoadTools.JMETER)));
            assertEquals(workers, kind(jmeter, "StatefulSet").path("spec").path("replicas").asInt());
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                shares.add(kind(jmeter, "ConfigMap").path("data").path("server-" + i + ".properties").asText());
            }
            assertSharesAddUp(plan, shares);
            List<String> remotes = strings(kind(jmeter, "Job").path("spec").path("template").path("spec").path("containers").get(0).path("args"));
            assertEquals(workers, remotes.get(remotes.indexOf("-R") + 1).split(",").length);
        }
    }

    private static final Pattern THREADS = Pattern.compile("(?m)^threads=(\\d+)$");
    private static final Pattern RATE = Pattern.compile("rate\\(([0-9.E-]+)/sec\\)");

    private static void assertSharesAddUp(TestPlan plan, List<String> shares) {
        if (plan.workload() instanceof Workload.ClosedWorkload closed) {
            int sum = 0;
            for (String share : shares) {
                Matcher threads = THREADS.matcher(share);
                assertTrue(threads.find(), share);
                sum += Integer.parseInt(threads.group(1));
            }
            assertEquals(closed.peakUsers(), sum, "shares " + shares);
        } else {
            List<BigDecimal> total = null;
            for (String share : shares) {
                List<BigDecimal> rates = RATE.matcher(share).results().map(m -> new BigDecimal(m.group(1))).toList();
                if (total == null) {
                    total = new ArrayList<>(rates);
                } else {
                    for (int i = 0; i < rates.size(); i++) {
                        total.set(i, total.get(i).add(rates.get(i)));
                    }
                }
            }
            Workload.OpenWorkload open = (Workload.OpenWorkload) plan.workload();
            assertNotNull(total);
            double peak = total.stream().mapToDouble(BigDecimal::doubleValue).max().orElseThrow();
            assertEquals(open.peakRate(), peak, 1e-6, "shares " + shares);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void secretsAreReferencesNeverValues() throws Exception {
        TestPlan plan = Loadsmith.readPlan(TestPaths.samples().resolve("plans/checkout.plan.yaml")).plan();
        for (LoadTool tool : TOOLS) {
            RenderResult scripts = Loadsmith.render(plan, tool);
            String kubernetes = manifest(tool, DeployTarget.KUBERNETES, 2, plan, scripts);
            for (JsonNode document : documents(kubernetes)) {
                for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                    assertSecretReferences(container.path("env"), tool.id());
                }
                if (document.path("kind").asText().equals("TestRun")) {
                    assertSecretReferences(document.path("spec").path("runner").path("env"), tool.id());
                }
            }
            assertTrue(kubernetes.contains("kubectl create secret generic web-shop-checkout-env --from-env-file=.env"), kubernetes);
            JsonNode compose = documents(manifest(tool, DeployTarget.COMPOSE, 2, plan, scripts)).get(0);
            compose.path("services").forEach(service -> {
                List<String> environment = strings(service.path("environment"));
                assertTrue(environment.contains("SHOP_TOKEN=${SHOP_TOKEN:?set SHOP_TOKEN in .env, see .env.example}"), environment.toString());
                assertTrue(environment.contains("BASE_URL") && environment.contains("CURRENCY"), "passed through: " + environment);
            });
        }
    }

    private static void assertSecretReferences(JsonNode env, String tool) {
        Map<String, JsonNode> byName = new HashMap<>();
        env.forEach(e -> byName.put(e.path("name").asText(), e));
        JsonNode token = byName.get("SHOP_TOKEN");
        assertNotNull(token, tool + ": " + env);
        assertFalse(token.has("value"), tool + ": " + token);
        assertEquals("web-shop-checkout-env", token.path("valueFrom").path("secretKeyRef").path("name").asText());
        assertEquals("SHOP_TOKEN", token.path("valueFrom").path("secretKeyRef").path("key").asText());
        assertEquals("https://shop.example.com", byName.get("BASE_URL").path("value").asText());
        assertFalse(byName.containsKey("CURRENCY"), "a setting with a default is left to the script: " + env);
    }

    @Test
    void textFromTheInputStaysALiteral() throws Exception {
        TestPlan checkout = Loadsmith.readPlan(TestPaths.samples().resolve("plans/checkout.plan.yaml")).plan();
        TestPlan plan = checkout.toBuilder().name("Shop\nkind: Secret\n---\n# $(HOME)").baseUrl("http://shop.test/a$(HOME)$$b").build();
        for (LoadTool tool : TOOLS) {
            RenderResult scripts = Loadsmith.render(plan, tool);
            List<JsonNode> documents = documents(manifest(tool, DeployTarget.KUBERNETES, 2, plan, scripts));
            assertEquals(documents(manifest(tool, DeployTarget.KUBERNETES, 2, checkout, Loadsmith.render(checkout, tool))).size(),
                    documents.size(), "the name stays in the header comment");
            for (JsonNode document : documents) {
                assertTrue(document.path("metadata").path("name").asText().matches("[a-z]([-a-z0-9]*[a-z0-9])?"), document.toString());
                assertFalse(document.path("kind").asText().equals("Secret"));
                for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                    // Kubernetes reads $$ as one $: the value is the base URL, nothing expanded.
                    assertEquals("http://shop.test/a$$(HOME)$$$$b", container.path("env").get(0).path("value").asText());
                }
            }
            String compose = manifest(tool, DeployTarget.COMPOSE, 2, plan, scripts);
            assertEquals(1, documents(compose).size());
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        TestPlan plan = plan(Samples.all().get(0));
        for (LoadTool tool : TOOLS) {
            for (DeployTarget target : DeployTarget.values()) {
                assertEquals(manifest(tool, target, 3, plan, Loadsmith.render(plan, tool)),
                        manifest(tool, target, 3, plan, Loadsmith.render(plan, tool)));
            }
        }
    }

    @Test
    void toolsWithoutADistributedEngineSaySo() {
        TestPlan plan = plan(Samples.all().get(0));
        RenderException artillery = assertThrows(RenderException.class, () -> LoadTools.ARTILLERY.deployment(DeployTarget.KUBERNETES,
                3, plan, Loadsmith.render(plan, LoadTools.ARTILLERY), null));
        assertTrue(artillery.getMessage().contains("artillery run-fargate --count 3"), artillery.getMessage());
        RenderException gatling = assertThrows(RenderException.class, () -> LoadTools.GATLING.deployment(DeployTarget.COMPOSE,
                3, plan, Loadsmith.render(plan, LoadTools.GATLING), null));
        assertTrue(gatling.getMessage().contains("Gatling Enterprise"), gatling.getMessage());
    }

    @Test
    void namesAreDnsLabels() {
        TestPlan plan = plan(Samples.all().get(0));
        assertEquals("web-shop-checkout", Manifests.baseName(plan.toBuilder().name("Web shop checkout").build()));
        assertEquals("api-v2", Manifests.baseName(plan.toBuilder().name("123 API v2!!").build()));
        assertEquals("loadsmith", Manifests.baseName(plan.toBuilder().name("日本語").build()));
        String longName = Manifests.baseName(plan.toBuilder().name("a very long name of a test plan that goes on and on and on").build());
        assertTrue(longName.length() <= 40 && !longName.endsWith("-"), longName);
    }
}
