package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.Processes;
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
 * {@code loadsmith compare} on real runs: three k6 runs of the demo API, the third against a demo
 * API whose {@code GET /books/{bookId}} answers 30 ms later still. The two runs of the same API compare
 * clean; the slowed one exits 4, names getBook, and finds it the worst.
 */
class CompareRunTest {
    /**
     * The demo API answers every request 20 ms late, as a real service takes its time: a p95 of a
     * few milliseconds moves by a third from one run to the next on a busy two-core machine (seen
     * in CI: +35% for every operation while other work ran), one of 20 ms by far less. The limit
     * leaves room for that; the slowed operation's p95 more than doubles.
     */
    private static final List<String> LIMITS = List.of("--max-regression", "*: p95:+50%", "--max-regression", "error-rate:+1pp");

    @TempDir
    Path dir;

    private Path demo(String name, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", RunEndToEndTest.jar().toString(), "demo", "--tool", "k6",
                "--tool-path", Tools.executable(LoadTools.K6).toString(), "--duration", "4s", "--vus", "2",
                "--results", dir.resolve(name).toString()));
        command.addAll(List.of(extra));
        Processes.Result run = Processes.run(command, dir, Map.of(), 180);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        try (Stream<Path> folders = Files.list(dir.resolve(name))) {
            return folders.findFirst().orElseThrow();
        }
    }

    private Processes.Result compare(Path baseline, Path current, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", RunEndToEndTest.jar().toString(), "compare",
                baseline.toString(), current.toString()));
        command.addAll(LIMITS);
        command.addAll(List.of(extra));
        return Processes.run(command, dir, Map.of(), 60);
    }

    @Test
    void twoRunsOfTheSameApiCompareCleanAndASlowedOperationIsNamed() throws Exception {
        Path first = demo("first", "--slow", "* *=20ms");
        Path second = demo("second", "--slow", "* *=20ms");
        Path slowed = demo("slowed", "--slow", "* *=20ms", "--slow", "GET /books/{bookId}=30ms");

        Processes.Result same = compare(first, second);
        assertEquals(0, same.exitCode(), same.stdout() + same.stderr());
        assertTrue(same.stdout().endsWith("no regression beyond the limits\n"), same.stdout());

        Path markdown = dir.resolve("summary.md");
        Processes.Result slower = compare(first, slowed, "--markdown", markdown.toString());
        assertEquals(4, slower.exitCode(), slower.stdout() + slower.stderr());
        assertTrue(slower.stdout().contains("✗ *: p95:+50% on getBook"), slower.stdout());
        // Other operations may move too (fewer iterations reach the API while getBook waits: its p95 of 2-4 ms
        // shifts by tens of percent either way), but getBook is named and is the one that got worst.
        String verdict = slower.stdout().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(verdict.startsWith("regression: ") && List.of(verdict.substring(12).split(", ")).contains("getBook"), verdict);
        String worst = slower.stdout().lines().filter(l -> l.contains(": p95:+50% on ") && l.contains("worse by"))
                .max(java.util.Comparator.comparingDouble(l -> Double.parseDouble(l.replaceAll(".*worse by ([0-9.]+)%.*", "$1"))))
                .orElseThrow();
        assertTrue(worst.contains(" on getBook: "), worst);
        assertTrue(slower.stdout().lines().filter(l -> l.startsWith("getBook ")).findFirst().orElseThrow().endsWith("yes (p<0.0001)"),
                slower.stdout());
        assertTrue(Files.readString(markdown).startsWith("### Comparison with the baseline: ❌ regression in ")
                && Files.readString(markdown).lines().findFirst().orElseThrow().contains("`getBook`"), Files.readString(markdown));
    }
}
