package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportCommandTest {
    @TempDir
    Path dir;

    /** The tool outputs of samples/results (real runs against the demo API; cli/ is one level down). */
    private static final Path RESULTS = Path.of("../samples/results").toAbsolutePath().normalize();

    private static Path jtl() {
        return RESULTS.resolve("jmeter/results.jtl");
    }

    @Test
    void aBreachedThresholdExitsFourAndTheJUnitFileSaysWhich() throws Exception {
        Path json = dir.resolve("out/result.json");
        Path junit = dir.resolve("out/junit.xml");
        Cli.Run run = Cli.run("report", jtl().toString(), "--threshold", "max<1ms", "--threshold", "error-rate<50%",
                "--threshold", "getBook: max<5000ms", "--json", json.toString(), "--junit", junit.toString());
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.out().contains("✗ max<1ms"), run.out());
        assertTrue(run.out().contains("✓ error-rate<50%"), run.out());
        assertTrue(run.out().contains("getMissingBook"), "the per-operation table: " + run.out());

        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertEquals("jmeter", result.path("tool").asText());
        assertEquals("connect-to-last-byte", result.path("latencyDefinition").asText());
        assertFalse(result.path("passed").asBoolean());
        assertEquals(3, result.path("thresholds").size());
        assertFalse(result.path("thresholds").path(0).path("passed").asBoolean());
        assertEquals(result.path("total").path("latencyMs").path("max").asDouble(),
                result.path("thresholds").path(0).path("measured").asDouble());

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        assertEquals("max<1ms", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(1, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
        assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
        assertEquals("1", document.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void aResultJsonReportsAsTheFileItCameFromWithItsVerdictUnlessThresholdsAreGivenAgain() {
        Path json = dir.resolve("result.json");
        Cli.Run raw = Cli.run("report", jtl().toString(), "--threshold", "max<1ms", "--json", json.toString());
        assertEquals(4, raw.exitCode(), raw.err());

        Cli.Run again = Cli.run("report", json.toString());
        assertEquals(4, again.exitCode(), "the verdict the file holds: " + again.err());
        assertEquals(raw.out().replace(jtl().toString(), "FILE"), again.out().replace(json.toString(), "FILE"));

        Cli.Run rejudged = Cli.run("report", json.toString(), "--threshold", "p99.9<60000ms");
        assertEquals(0, rejudged.exitCode(), rejudged.err());
        assertTrue(rejudged.out().contains("✓ p99.9<60000ms"), rejudged.out());
        assertFalse(rejudged.out().contains("max<1ms"), rejudged.out());
    }

    @Test
    void aBaselineIsComparedAndTheMarkdownSummarySaysBoth() throws Exception {
        java.util.List<String> slowed = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(jtl())) {
            String[] f = line.split(",", -1);
            if (f[2].equals("listBooks")) {
                f[1] = Long.toString(Long.parseLong(f[1]) * 4 + 30);
            }
            slowed.add(String.join(",", f));
        }
        Path current = Files.write(dir.resolve("current.jtl"), slowed);
        Path markdown = dir.resolve("summary.md");
        Cli.Run run = Cli.run("report", current.toString(), "--threshold", "error-rate<50%", "--baseline", jtl().toString(),
                "--markdown", markdown.toString());
        assertEquals(4, run.exitCode(), "thresholds pass, the regression fails: " + run.err());
        assertTrue(run.out().contains("✗ *: p95:+10% on listBooks"), run.out());
        String summary = Files.readString(markdown);
        assertTrue(summary.startsWith("## Load test: ❌ slower than the baseline\n"), summary);
        assertTrue(summary.contains("| ✅ | `error-rate<50%` | 19.90% |"), summary);
        assertTrue(summary.contains("### Comparison with the baseline: ❌ regression in "), summary);
        // listBooks is now the slowest operation: first in the table of operations by p95.
        assertTrue(summary.substring(summary.indexOf("Operations by p95")).lines().skip(4).findFirst().orElseThrow()
                .startsWith("| `listBooks` |"), summary);

        Cli.Run noBaseline = Cli.run("report", current.toString(), "--max-regression", "p95:+1%");
        assertEquals(2, noBaseline.exitCode());
        assertTrue(noBaseline.err().contains("--max-regression needs --baseline"), noBaseline.err());
    }

    @Test
    void severalFilesAreTheWorkersOfOneRun() throws Exception {
        java.util.List<String> lines = Files.readAllLines(jtl());
        java.util.List<String> odd = new java.util.ArrayList<>(java.util.List.of(lines.get(0)));
        java.util.List<String> even = new java.util.ArrayList<>(java.util.List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            (i % 2 == 0 ? even : odd).add(lines.get(i));
        }
        Path a = Files.write(dir.resolve("a.jtl"), odd);
        Path b = Files.write(dir.resolve("b.jtl"), even);
        Path merged = dir.resolve("merged.json");
        Path whole = dir.resolve("whole.json");
        assertEquals(0, Cli.run("report", a.toString(), b.toString(), "--json", merged.toString()).exitCode());
        assertEquals(0, Cli.run("report", jtl().toString(), "--json", whole.toString()).exitCode());
        JsonNode m = new ObjectMapper().readTree(merged.toFile());
        JsonNode w = new ObjectMapper().readTree(whole.toFile());
        for (String figure : java.util.List.of("requests", "failures", "latencyMs/p50", "latencyMs/p95", "latencyMs/p99", "latencyMs/max",
                "histogram/data")) {
            assertEquals(w.at("/total/" + figure), m.at("/total/" + figure), figure);
        }
        assertEquals(2, m.get("workers").size());

        Cli.Run mixed = Cli.run("report", jtl().toString(), RESULTS.resolve("k6/samples.csv").toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("different tools"), mixed.err());
    }

    @Test
    void passingThresholdsExitZero() {
        Cli.Run run = Cli.run("report", jtl().toString(), "--threshold", "p95<5000ms", "--threshold", "getBook: error-rate<1%");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aFileThatIsNoResultGetsOneLineAndExitTwo() throws Exception {
        Path garbage = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");
        Cli.Run run = Cli.run("report", garbage.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(garbage.toString()), run.err());
        assertFalse(run.err().contains("at io.loadsmith"), "no stack trace: " + run.err());

        Path broken = Files.writeString(dir.resolve("report.json"), "{\"aggregate\": {\"counters\": {\"http.requests\": 3");
        Cli.Run cut = Cli.run("report", broken.toString(), "--from", "artillery");
        assertEquals(2, cut.exitCode());
        assertTrue(cut.err().contains("line 1"), cut.err());
    }

    @Test
    void aRunFolderIsReadFromItsResultsFile() {
        Cli.Run run = Cli.run("report", RESULTS.resolve("artillery").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("artillery"), run.out());
        // A k6 folder holds k6's summary.json too: every sample (the JSON stream) is read, with the operations.
        Cli.Run k6 = Cli.run("report", RESULTS.resolve("k6").toString());
        assertEquals(0, k6.exitCode(), k6.err());
        assertTrue(k6.out().contains("(k6-json)") && k6.out().contains("getMissingBook"), k6.out());
    }
}
