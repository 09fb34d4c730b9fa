package io.loadsmith.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.testing.Samples;
import io.loadsmith.testing.Snapshots;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The manifests whole, approved as a reviewer reads them (what DeploymentTest checks piece by
 * piece, and ManifestValidationTest against the schemas, in context), and the helpers' edges.
 */
class ManifestsTest {
    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static TestPlan bookshop() {
        Samples.Sample sample = Samples.all().stream().filter(s -> s.name().equals("bookshop")).findFirst().orElseThrow();
        return Loadsmith.importFile(sample.path(), ImportOptions.defaults().withSeed(1)).plan();
    }

    private static TestPlan named(String name) {
        return bookshop().toBuilder().name(name).build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"k6, kubernetes", "k6, compose", "locust, kubernetes", "locust, compose", "jmeter, kubernetes", "jmeter, compose"})
    void theManifestOfTheBookshopReadsAsApproved(String id, String target) {
        TestPlan plan = bookshop();
        LoadTool tool = LoadTools.byId(id);
        // The scripts are the templates' business (their own snapshots): here each file is one line that names it.
        List<RenderedFile> files = Loadsmith.render(plan, tool).files().stream()
                .map(f -> RenderedFile.text(f.path(), "content of " + f.path() + "\n")).toList();
        String manifest = tool.deployment(DeployTarget.byId(target), 2, plan, new RenderResult(files, List.of()), "openapi.yaml")
                .files().get(0).text();
        Snapshots.verify(manifest, id + "-" + target, "yaml");
    }

    @Test
    void artilleryAndGatlingHaveNoEngineToDeployTo() {
        TestPlan plan = bookshop();
        for (LoadTool tool : List.of(LoadTools.ARTILLERY, LoadTools.GATLING)) {
            for (DeployTarget target : DeployTarget.values()) {
                assertThrows(RenderException.class, () -> tool.deployment(target, 2, plan, Loadsmith.render(plan, tool), null),
                        tool + " " + target);
            }
        }
    }

    @Test
    void targetsAreNamedOnTheCommandLineInAnyCase() {
        assertEquals(DeployTarget.COMPOSE, DeployTarget.byId(" Compose "));
        assertEquals(DeployTarget.KUBERNETES, DeployTarget.byId("kubernetes"));
        assertEquals("kubernetes.yaml", DeployTarget.KUBERNETES.fileName());
        assertEquals("compose.yaml", DeployTarget.COMPOSE.fileName());
        assertEquals("compose", DeployTarget.COMPOSE.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeployTarget.byId("helm"));
        assertEquals("unknown deploy target 'helm': use kubernetes, compose", e.getMessage());
    }

    @Test
    void thePlansNameBecomesADnsLabelOfAtMostFortyCharacters() {
        assertEquals("bookshop-api", Manifests.baseName(named("Bookshop API")));
        assertEquals("api-v2", Manifests.baseName(named("2 -- API v2!")), "starts with a letter");
        assertEquals("loadsmith", Manifests.baseName(named("123 ---")));
        String forty = "a".repeat(40);
        assertEquals(forty, Manifests.baseName(named(forty)));
        assertEquals(forty, Manifests.baseName(named(forty + "b")));
        assertEquals("a".repeat(39), Manifests.baseName(named("a".repeat(39) + " b")),
                "no dash left at the end of a cut name");
    }

    @Test
    void theHeaderIsCommentLinesOfAtMostAHundredCharactersAndCommandsStayWhole() {
        String words = ("word ".repeat(30)).strip(); // 149 characters
        String command = "  kubectl create secret generic " + "x".repeat(120);
        String yaml = Manifests.yaml(List.of(words, "", "line one\nline two\u2028three", command), List.of(
                (ObjectNode) Manifests.object().put("a", 1), (ObjectNode) Manifests.object().put("b", "two")));
        String[] lines = yaml.split("\n");
        assertEquals("# " + "word ".repeat(19) + "word", lines[0], "cut at the last space before 100");
        assertEquals("# " + "word ".repeat(9) + "word", lines[1]);
        assertEquals("#", lines[2]);
        assertEquals("# line one line two three", lines[3], "no text can end the comment");
        assertEquals("# " + command, lines[4]);
        assertEquals(List.of("a: 1", "---", "b: two"), List.of(lines).subList(5, lines.length));
        assertEquals("# " + "x".repeat(100), Manifests.yaml(List.of("x".repeat(100)), List.of()).strip());
        assertEquals("# " + "y".repeat(130), Manifests.yaml(List.of("y".repeat(130)), List.of()).strip(), "a word longer than a line");
    }

    @Test
    void theHeaderNamesTheInput() {
        assertEquals("openapi.yaml", Manifests.source("openapi.yaml"));
        assertEquals("a plan", Manifests.source(null));
    }

    @Test
    void aConfigMapCountsTextAsItsBytesAndBinaryAsBase64() {
        byte[] text = "héllo".getBytes(StandardCharsets.UTF_8); // 6 bytes
        byte[] binary = {(byte) 0xff, 0, 1, 2, 3, 4, 5}; // 7 bytes: 12 in base64
        byte[] nul = "\0abc".getBytes(StandardCharsets.UTF_8); // valid UTF-8, but a NUL makes it binary: 8 in base64
        List<Kubernetes.Mounted> files = List.of(new Kubernetes.Mounted("a.txt", "a.txt", text),
                new Kubernetes.Mounted("files.b.bin", "files/b.bin", binary), new Kubernetes.Mounted("c", "c", nul));
        assertEquals(5 + 6 + 11 + 12 + 1 + 8, Kubernetes.size(files));
        ObjectNode map = Kubernetes.configMap("scripts", "bookshop", files);
        assertEquals("héllo", map.path("data").path("a.txt").asText());
        assertEquals(List.of("a.txt"), List.copyOf(iterable(map.path("data").fieldNames())));
        assertEquals("/wABAgMEBQ==", map.path("binaryData").path("files.b.bin").asText());
        assertEquals("AGFiYw==", map.path("binaryData").path("c").asText());
        assertEquals(2, map.path("binaryData").size());
    }

    @Test
    void k6sDataFilesInFoldersAreNamedAsWhatTheOperatorCannotMount() {
        Samples.Sample sample = Samples.all().stream().filter(s -> s.name().equals("catalog")).findFirst().orElseThrow();
        TestPlan plan = Loadsmith.importFile(sample.path(), ImportOptions.defaults().withSeed(1)).plan();
        RenderResult scripts = Loadsmith.render(plan, LoadTools.K6);
        List<String> nested = scripts.files().stream().map(RenderedFile::path).filter(p -> p.startsWith("k6/files/")).toList();
        List<String> messages = LoadTools.K6.deployment(DeployTarget.KUBERNETES, 2, plan, scripts, null).diagnostics().stream()
                .map(d -> d.subject() + ": " + d.message()).toList();
        assertEquals(List.of("k6/kubernetes.yaml: the script opens " + nested.size() + " data file" + (nested.size() == 1 ? "" : "s")
                + " (" + nested.get(0) + (nested.size() > 1 ? ", ..." : "") + ") that a ConfigMap cannot hold at its path: the "
                + "k6-operator mounts a ConfigMap's keys flat; put the k6 folder on a volume and point spec.script.volumeClaim at it"),
                messages);
        RenderResult one = new RenderResult(List.of(RenderedFile.text("k6/script.js", "x"), RenderedFile.text("k6/files/a.png", "y")),
                List.of());
        assertTrue(LoadTools.K6.deployment(DeployTarget.KUBERNETES, 1, plan, one, null).diagnostics().get(0).message()
                .startsWith("the script opens 1 data file (k6/files/a.png) that"));
        RenderResult flat = new RenderResult(List.of(RenderedFile.text("k6/script.js", "x")), List.of());
        assertEquals(List.of(), LoadTools.K6.deployment(DeployTarget.KUBERNETES, 1, plan, flat, null).diagnostics());
        assertEquals(List.of(), LoadTools.K6.deployment(DeployTarget.COMPOSE, 1, plan, scripts, null).diagnostics(),
                "Compose mounts the folder as it is");
    }
}
