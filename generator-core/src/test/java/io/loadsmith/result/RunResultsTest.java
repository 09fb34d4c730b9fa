package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Merging workers' results is exact where they hold every sample: a JTL cut into one file per
 * group of threads, each read alone and merged, gives the figures of the whole file read at once.
 */
class RunResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The demo API's JTL, and a longer one made here: 9000 rows over 20 minutes, latencies from 0 to 12 s. */
    static Stream<String> jtls() {
        return Stream.of("demo", "long");
    }

    private Path jtl(String which) throws IOException {
        if (which.equals("demo")) {
            return TestPaths.samples().resolve("results/jmeter/results.jtl");
        }
        java.util.Random random = new java.util.Random(7);
        List<String> lines = new ArrayList<>(List.of("timeStamp,elapsed,label,responseCode,success,threadName"));
        long time = 1_700_000_000_000L;
        for (int i = 0; i < 9000; i++) {
            time += random.nextInt(266);
            long elapsed = (long) Math.min(12_000, Math.exp(random.nextGaussian() * 1.5) * 40);
            boolean ok = random.nextInt(50) > 0;
            lines.add(time + "," + elapsed + ",op" + random.nextInt(5) + "," + (ok ? 200 : 503) + "," + ok + ",users 1-" + (1 + random.nextInt(6)));
        }
        return Files.write(dir.resolve("long.jtl"), lines);
    }

    /** The JTL's rows dealt out to three files (its header, if any, in each), as three JMeter servers would have written them. */
    private List<Path> split(Path jtl) throws IOException {
        List<String> lines = Files.readAllLines(jtl);
        boolean header = lines.get(0).startsWith("timeStamp");
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(new ArrayList<>(header ? List.of(lines.get(0)) : List.of()));
        }
        for (int i = header ? 1 : 0; i < lines.size(); i++) {
            parts.get(i % 3).add(lines.get(i));
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            files.add(Files.write(dir.resolve("part-" + i + ".jtl"), parts.get(i)));
        }
        return files;
    }

    @ParameterizedTest
    @MethodSource("jtls")
    void threeWorkersMergedAreTheWholeFile(String which) throws IOException {
        Path jtl = jtl(which);
        RunResult whole = ResultParsers.parse(jtl, null, Set.of(99.9));
        List<RunResult> parts = new ArrayList<>();
        for (Path part : split(jtl)) {
            parts.add(ResultParsers.parse(part, null, Set.of(99.9)));
        }
        assertTrue(parts.stream().allMatch(p -> p.total().requests() > 0), "every worker has samples");
        RunResult merged = RunResults.merge(parts, List.of("a", "b", "c"), Set.of(99.9));

        assertEquals(List.of("a", "b", "c"), merged.workers().stream().map(RunResult.Worker::name).toList());
        assertEquals(whole.total().requests(), merged.workers().stream().mapToLong(RunResult.Worker::requests).sum());
        JsonNode expected = comparable(whole);
        JsonNode actual = comparable(merged);
        assertEquals(expected, actual, jtl.toString());
        for (OperationResult operation : whole.operations()) {
            assertEquals(operation.stats().latencyMs().mean(), merged.operation(operation.name()).stats().latencyMs().mean(), 0.0015,
                    "a mean merged from rounded means: " + operation.name());
        }
    }

    /**
     * result.json without the workers and the means (merged from means rounded to the microsecond),
     * operations by name (a merge lists them as the workers do, one file in order of first use).
     */
    static JsonNode comparable(RunResult result) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(ResultJson.write(result));
        tree.remove("workers");
        strip(tree);
        List<JsonNode> operations = new ArrayList<>();
        tree.get("operations").forEach(operations::add);
        operations.sort(java.util.Comparator.comparing(o -> o.get("name").asText()));
        tree.putArray("operations").addAll(operations);
        return tree;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("mean");
            object.remove("meanLatencyMs");
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(RunResultsTest::strip);
        }
    }

    @Test
    void summariesMergeApproximatelyAndSaySo() {
        RunResult locust = ResultParsers.parse(TestPaths.samples().resolve("results/locust/locust_stats.csv"), null, Set.of());
        RunResult merged = RunResults.merge(List.of(locust, locust), List.of("1", "2"), Set.of());
        assertEquals(2 * locust.total().requests(), merged.total().requests());
        assertEquals(Stats.PercentileSource.TOOL, merged.total().percentiles());
        assertEquals(locust.total().latencyMs().p95(), merged.total().latencyMs().p95(), 0.001, "two equal parts: the same p95");
        assertTrue(merged.warnings().stream().anyMatch(w -> w.contains("an approximation")), merged.warnings().toString());
    }

    @Test
    void partsOfDifferentToolsAreRefused() {
        RunResult locust = ResultParsers.parse(TestPaths.samples().resolve("results/locust/locust_stats.csv"), null, Set.of());
        RunResult jmeter = ResultParsers.parse(TestPaths.samples().resolve("results/jmeter/results.jtl"), null, Set.of());
        assertThrows(IllegalArgumentException.class, () -> RunResults.merge(List.of(locust, jmeter), List.of("1", "2"), Set.of()));
    }
}
