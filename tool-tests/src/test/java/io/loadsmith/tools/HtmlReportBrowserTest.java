package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.model.Threshold;
import io.loadsmith.result.Comparison;
import io.loadsmith.result.HtmlReport;
import io.loadsmith.result.RegressionLimit;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Thresholds;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTML report in a real browser: headless Chromium, offline (tools/install-chromium.sh), opens
 * each report and a script added to a copy of the page reads the rendered DOM: the charts'
 * canvases have pixels, the operations table sorts when a header is clicked, and a name with HTML
 * inside shows as text and runs nothing. A screenshot of each sample report is kept in
 * {@code target/screenshots/}.
 */
class HtmlReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESULTS = TestPaths.samples().resolve("results");
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\"></td><script>window.__xss=2</script>`${x}` {{y}}";

    /** Reads the page once it has settled and writes what it finds into #test-result as JSON. */
    private static final String PROBE = """
            <script>
            window.addEventListener("load", function () { setTimeout(function () {
              var out = { ready: document.body.getAttribute("data-ready") === "true", xss: window.__xss || 0,
                images: document.querySelectorAll("img").length, canvases: [], sorted: null, names: [] };
              document.querySelectorAll("canvas").forEach(function (c) {
                var pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, painted = 0;
                for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
                out.canvases.push(painted);
              });
              var headers = Array.prototype.slice.call(document.querySelectorAll("#operations th"));
              var p95 = headers.findIndex(function (th) { return th.textContent.indexOf("p95 ms") === 0; });
              headers[p95].click();
              out.sortState = headers[p95].getAttribute("aria-sort");
              out.sorted = Array.prototype.map.call(document.querySelectorAll("#operations tbody tr"),
                function (tr) { return tr.children[p95].textContent; });
              headers[0].click();
              out.names = Array.prototype.map.call(document.querySelectorAll("#operations tbody tr"),
                function (tr) { return tr.children[0].textContent; });
              out.title = document.title;
              out.verdict = document.getElementById("verdict").textContent;
              var pre = document.createElement("pre");
              pre.id = "test-result";
              pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            }, 200); });
            </script>
            """;

    @TempDir
    Path dir;

    static Stream<Path> samples() {
        return Stream.of("jmeter/results.jtl", "k6/samples.ndjson.gz", "gatling/simulation.log", "locust/locust_stats.csv",
                "artillery/report.json").map(RESULTS::resolve);
    }

    /** Opens the page in Chromium and returns what the probe found; a screenshot when {@code screenshot} is set. */
    private JsonNode open(String html, String name, Path screenshot) throws Exception {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Tools.chromium().toString(), "--user-data-dir=" + dir.resolve("profile-" + name),
                "--virtual-time-budget=5000", "--window-size=1280,2400", "--dump-dom", page.toUri().toString()));
        Processes.Result run = Processes.run(command, dir, Map.of(), 120);
        assertEquals(0, run.exitCode(), run.stderr());
        Matcher m = Pattern.compile("<pre id=\"test-result\">(.*?)</pre>", Pattern.DOTALL).matcher(run.stdout());
        assertTrue(m.find(), "the probe wrote no result; the page as Chromium left it:\n" + run.stdout());
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        if (screenshot != null) {
            Files.createDirectories(screenshot.getParent());
            Processes.Result shot = Processes.run(List.of(Tools.chromium().toString(), "--user-data-dir=" + dir.resolve("shot-" + name),
                    "--virtual-time-budget=5000", "--window-size=1280,2400", "--hide-scrollbars",
                    "--screenshot=" + screenshot.toAbsolutePath(), dir.resolve(name + ".original.html").toUri().toString()),
                    dir, Map.of(), 120);
            assertEquals(0, shot.exitCode(), shot.stderr());
        }
        return JSON.readTree(json);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachSampleReportDrawsItsChartsAndSortsItsTable(Path file) throws Exception {
        // With the load generator's health as a run of Loadsmith's has it: a chart of its own.
        List<io.loadsmith.result.GeneratorHealth.Sample> load = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            load.add(new io.loadsmith.result.GeneratorHealth.Sample(i, 0.2 * i, 0.5, 50_000_000L + i * 1_000_000L));
        }
        RunResult result = Thresholds.judge(ResultParsers.parse(file, null, Set.of()),
                List.of(Threshold.parse("p95<500ms"), Threshold.parse("error-rate<1%")))
                .withGenerator(new io.loadsmith.result.GeneratorHealth(2, 2, load));
        String html = HtmlReport.write(result, RESULTS.relativize(file).toString(), null, null);
        String name = result.tool().id() + "-" + result.format();
        Files.writeString(dir.resolve(name + ".original.html"), html);
        JsonNode found = open(html, name, TestPaths.repoRoot().resolve("tool-tests/target/screenshots/" + name + ".png"));

        assertTrue(found.path("ready").asBoolean(), found.toString());
        int expectedCharts = (result.timeSeries().isEmpty() ? 0 : 2) + 1;
        expectedCharts += result.total().distribution() != null ? 1 : 0;
        assertEquals(expectedCharts, found.path("canvases").size(), "charts drawn: " + found);
        found.path("canvases").forEach(painted -> assertTrue(painted.asInt() > 500, "a chart with pixels: " + found));
        assertEquals("descending", found.path("sortState").asText());
        List<Double> p95 = new ArrayList<>();
        found.path("sorted").forEach(cell -> p95.add(cell.asText().equals("-") ? Double.NEGATIVE_INFINITY : Double.parseDouble(cell.asText())));
        assertEquals(result.operations().size(), p95.size());
        for (int i = 1; i < p95.size(); i++) {
            assertTrue(p95.get(i - 1) >= p95.get(i), "sorted by p95, highest first: " + p95);
        }
        List<String> names = new ArrayList<>();
        found.path("names").forEach(n -> names.add(n.asText()));
        assertEquals(result.operations().stream().map(o -> o.name()).sorted(String::compareTo).toList().size(), names.size());
        assertTrue(Files.size(TestPaths.repoRoot().resolve("tool-tests/target/screenshots/" + name + ".png")) > 10_000);
    }

    @Test
    void aNameWithHtmlInsideShowsAsTextAndRunsNothing() throws Exception {
        List<String> lines = Files.readAllLines(RESULTS.resolve("jmeter/results.jtl"));
        List<String> hostile = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[2].equals("health")) {
                f[2] = "\"" + HOSTILE.replace("\"", "\"\"") + "\"";
            }
            hostile.add(String.join(",", f));
        }
        Path jtl = Files.write(dir.resolve("hostile.jtl"), hostile);
        RunResult current = ResultParsers.parse(jtl, null, Set.of());
        RunResult baseline = ResultParsers.parse(RESULTS.resolve("jmeter/results.jtl"), null, Set.of());
        Comparison comparison = Comparison.of(baseline, current, List.of(RegressionLimit.parse("*: p95:+10%")));
        String html = HtmlReport.write(current, HOSTILE, null, comparison);
        assertTrue(!html.contains("<img src=x") && !html.contains("<script>window.__xss"), "the name is never markup in the file");

        JsonNode found = open(html, "hostile", null);
        assertEquals(0, found.path("xss").asInt(), found.toString());
        assertEquals(0, found.path("images").asInt(), found.toString());
        List<String> names = new ArrayList<>();
        found.path("names").forEach(n -> names.add(n.asText()));
        assertTrue(names.contains(HOSTILE), "shown as the text it is: " + names);
        assertEquals("Load test: " + HOSTILE, found.path("title").asText());
        assertEquals(3, found.path("canvases").size(), "both runs' charts and the distribution: " + found);
    }
}
