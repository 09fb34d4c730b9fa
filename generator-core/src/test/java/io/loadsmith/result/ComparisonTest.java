package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.Snapshots;
import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** compare's verdict on runs made from one real JTL of the demo API, changed in known ways. */
class ComparisonTest {
    private static final Path JTL = TestPaths.samples().resolve("results/jmeter/results.jtl");
    private static final List<RegressionLimit> DEFAULTS = Comparison.DEFAULT_LIMITS.stream().map(RegressionLimit::parse).toList();

    @TempDir
    Path dir;

    /** The JTL with each row changed; row fields as JMeter writes them (elapsed is the second). */
    private RunResult changed(String name, UnaryOperator<String[]> change) throws IOException {
        List<String> lines = Files.readAllLines(JTL);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = change.apply(line.split(",", -1));
            if (fields != null) {
                out.add(String.join(",", fields));
            }
        }
        Path file = dir.resolve(name + ".jtl");
        Files.write(file, out);
        return ResultParsers.parse(file, null, Set.of());
    }

    private static String[] slower(String[] row, String label, int factor) {
        if (row[2].equals(label)) {
            row[1] = Long.toString(Long.parseLong(row[1]) * factor + 20);
        }
        return row;
    }

    @Test
    void aRunComparedWithItselfPassesUnchanged() {
        RunResult run = ResultParsers.parse(JTL, null, Set.of());
        Comparison comparison = Comparison.of(run, run, DEFAULTS);
        assertTrue(comparison.passed());
        assertEquals(run.operations().size(), comparison.operations().size());
        assertTrue(comparison.limits().stream().allMatch(j -> j.worsening() == null || j.worsening() == 0), comparison.limits().toString());
        assertTrue(comparison.operations().stream().noneMatch(r -> Boolean.TRUE.equals(r.significantlySlower())));
    }

    @Test
    void theSlowedOperationIsNamedAndOnlyIt() throws IOException {
        RunResult baseline = ResultParsers.parse(JTL, null, Set.of());
        RunResult current = changed("slow", row -> slower(row, "getBook", 3));
        Comparison comparison = Comparison.of(baseline, current, DEFAULTS);
        assertFalse(comparison.passed());
        assertEquals(Set.of("getBook"), comparison.regressed().stream().filter(n -> !n.equals("total")).collect(java.util.stream.Collectors.toSet()));
        Comparison.Row row = comparison.operations().stream().filter(r -> r.name().equals("getBook")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, row.significantlySlower());
        String text = ComparisonReport.text(comparison, "base.jtl", "slow.jtl");
        assertTrue(text.contains("✗ *: p95:+10% on getBook"), text);
        assertTrue(text.endsWith("regression: " + String.join(", ", comparison.regressed()) + "\n"), text);
    }

    /**
     * The reports of a comparison with a regression, an operation of each run only, limits crossed,
     * within the noise and met, approved whole: text, Markdown and JUnit XML.
     */
    @Test
    void theReportsOfAComparisonReadAsApproved() throws IOException {
        RunResult baseline = ResultParsers.parse(JTL, null, Set.of());
        RunResult current = changed("slow", row -> {
            if (row[2].equals("health")) {
                row[2] = "healthz";
            }
            if (row[2].equals("listBooks") && row[1].endsWith("3")) {
                row[3] = "500";
                row[7] = "false";
            }
            return slower(row, "getBook", 3);
        });
        List<RegressionLimit> limits = new ArrayList<>(DEFAULTS);
        limits.add(RegressionLimit.parse("listBooks: error-rate:+1pp"));
        limits.add(RegressionLimit.parse("health: p95:+10%"));
        limits.add(RegressionLimit.parse("throughput:-50%"));
        Comparison comparison = Comparison.of(baseline, current, limits);
        Snapshots.verify(ComparisonReport.text(comparison, "base.jtl", "slow.jtl"), "text", "txt");
        Snapshots.verify(ComparisonReport.markdown(comparison, "base.jtl", "slow.jtl"), "markdown", "md");
        Snapshots.verify(ComparisonReport.junit(comparison), "junit", "xml");
    }

    @Test
    void aDifferenceWithinTheNoiseIsNotARegression() throws IOException {
        RunResult baseline = ResultParsers.parse(JTL, null, Set.of());
        // Only the slowest of getBook's 38 requests gets slower: p99 moves, the distribution does not.
        long slowest = baseline.operation("getBook").stats().latencyMs().max().longValue();
        boolean[] done = {false};
        RunResult current = changed("tail", row -> {
            if (row[2].equals("getBook") && Long.parseLong(row[1]) == slowest && !done[0]) {
                row[1] = Long.toString(slowest * 2);
                done[0] = true;
            }
            return row;
        });
        Comparison comparison = Comparison.of(baseline, current, List.of(RegressionLimit.parse("getBook: max:+10%")));
        Comparison.Judged judged = comparison.limits().get(0);
        assertTrue(judged.worsening() > 10, judged.toString());
        assertFalse(judged.crossed(), judged.toString());
        assertTrue(judged.note().startsWith("within the noise: Mann-Whitney p = "), judged.note());
    }

    @Test
    void operationsOfOneRunOnlyAreListedAndALimitOnThemFails() throws IOException {
        RunResult baseline = ResultParsers.parse(JTL, null, Set.of());
        RunResult current = changed("renamed", row -> {
            if (row[2].equals("health")) {
                row[2] = "healthz";
            }
            return row;
        });
        Comparison comparison = Comparison.of(baseline, current, List.of(RegressionLimit.parse("health: p95:+10%")));
        assertEquals(List.of("health"), comparison.onlyInBaseline());
        assertEquals(List.of("healthz"), comparison.onlyInCurrent());
        assertFalse(comparison.passed());
        assertTrue(comparison.limits().get(0).note().contains("the current run has no operation of that name"),
                comparison.limits().get(0).note());
    }

    @Test
    void errorRateAndThroughputLimits() throws IOException {
        RunResult baseline = ResultParsers.parse(JTL, null, Set.of());
        RunResult failing = changed("failing", row -> {
            if (row[2].equals("listBooks")) {
                row[3] = "500";
                row[7] = "false";
            }
            return row;
        });
        Comparison comparison = Comparison.of(baseline, failing, List.of(RegressionLimit.parse("listBooks: error-rate:+1pp"),
                RegressionLimit.parse("throughput:-50%")));
        assertTrue(comparison.limits().get(0).crossed());
        assertEquals(100.0, comparison.limits().get(0).worsening(), 1e-9);
        assertFalse(comparison.limits().get(1).crossed(), "same requests, same time");
    }

    @Test
    void namesFromTheFilesAreTextInMarkdownAndXml() throws Exception {
        RunResult baseline = changed("base", row -> {
            row[2] = row[2].equals("health") ? "<img src=x onerror=alert(1)>|`x`" : row[2];
            return row;
        });
        RunResult current = changed("cur", row -> {
            row[2] = row[2].equals("health") ? "<img src=x onerror=alert(1)>|`x`" : row[2];
            return slower(row, "<img src=x onerror=alert(1)>|`x`", 5);
        });
        Comparison comparison = Comparison.of(baseline, current, DEFAULTS);
        String markdown = ComparisonReport.markdown(comparison, "base|.jtl", "cur.jtl");
        // Only ever inside a code span (which GitHub shows as text, HTML included), fenced past its own backtick.
        String span = "`` <img src=x onerror=alert(1)>\\|`x` ``";
        assertTrue(markdown.contains(span), markdown);
        assertEquals(markdown.split("<img", -1).length, markdown.split(java.util.regex.Pattern.quote(span), -1).length, markdown);
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| `")) {
                assertEquals(10, line.split("(?<!\\\\)\\|", -1).length, "a table row keeps its cells: " + line);
            }
        }
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(ComparisonReport.junit(comparison).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Integer.toString(comparison.limits().size()), xml.getDocumentElement().getAttribute("tests"));
        assertTrue(xml.getDocumentElement().getAttribute("failures").compareTo("1") >= 0);
    }
}
