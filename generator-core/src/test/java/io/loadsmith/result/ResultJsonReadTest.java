package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.model.Threshold;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A result.json read back is the result it was written from: figures, histograms, thresholds and verdict. */
class ResultJsonReadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JTL = TestPaths.samples().resolve("results/jmeter/results.jtl");

    @TempDir
    Path dir;

    static java.util.stream.Stream<Path> outputs() throws IOException {
        return ResultFilesTest.outputs();
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void aResultJsonReadsBackAsTheResultItWasWrittenFrom(Path raw) throws IOException {
        List<Threshold> thresholds = List.of(Threshold.parse("p95<500ms"), Threshold.parse("error-rate<1%"));
        RunResult original = Thresholds.judge(ResultParsers.parse(raw, null, Set.of()), thresholds);
        Path file = dir.resolve("result.json");
        Files.writeString(file, ResultJson.write(original));

        RunResult read = ResultParsers.parse(file, null, Set.of());
        assertEquals(ResultJson.write(original), ResultJson.write(read), raw.toString());
        assertEquals(original.passed(), read.passed());
        assertEquals(original.thresholds(), read.thresholds());
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void aPercentileTheFileDoesNotGiveComesExactFromItsHistogram(Path raw) throws IOException {
        RunResult original = ResultParsers.parse(raw, null, Set.of());
        Path file = dir.resolve("result.json");
        Files.writeString(file, ResultJson.write(original));
        RunResult withExtra = ResultParsers.parse(raw, null, Set.of(99.9, 42.0));
        RunResult read = ResultParsers.parse(file, null, Set.of(99.9, 42.0));
        if (original.total().distribution() == null) {
            assertEquals(Set.of(), read.total().extraPercentiles().keySet(), "no histogram, no made-up percentile: " + raw);
            return;
        }
        assertEquals(withExtra.total().extraPercentiles(), read.total().extraPercentiles(), raw.toString());
        for (OperationResult operation : withExtra.operations()) {
            assertEquals(operation.stats().extraPercentiles(), read.operation(operation.name()).stats().extraPercentiles(),
                    raw + " " + operation.name());
        }
    }

    @Test
    void rawSamplesGiveAHistogramAndToolSummariesDoNot() {
        RunResult jtl = ResultParsers.parse(JTL, null, Set.of());
        assertNotNull(jtl.total().distribution());
        assertEquals(jtl.total().requests(), jtl.total().distribution().count());
        for (OperationResult operation : jtl.operations()) {
            assertEquals(operation.stats().latencyMs().p95(), operation.stats().distribution().percentileMs(95), operation.name());
        }
        Path summary = TestPaths.samples().resolve("results/k6/summary.json");
        assertNull(ResultParsers.parse(summary, null, Set.of()).total().distribution());
    }

    @Test
    void aRunFolderIsReadFromItsResultJsonWithTheRunsThresholds() throws IOException {
        RunResult judged = Thresholds.judge(ResultParsers.parse(JTL, null, Set.of()), List.of(Threshold.parse("p50<0.001ms")));
        Files.copy(JTL, dir.resolve("results.jtl"));
        Files.writeString(dir.resolve("result.json"), ResultJson.write(judged));
        RunResult read = ResultParsers.parse(dir, null, Set.of());
        assertEquals(1, read.thresholds().size());
        assertEquals(false, read.passed());
    }

    @Test
    void aResultOfAnotherToolIsRefusedWhenTheToolIsNamed() throws IOException {
        Path file = write(json -> { });
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(file, LoadTools.K6, Set.of()));
        assertEquals(file + ": /tool: a result of jmeter, not of k6", e.getMessage());
    }

    @Test
    void aBrokenPlaceIsNamedByItsJsonPointer() throws IOException {
        assertRefused(json -> json.put("schemaVersion", 2), "/schemaVersion: schema version 2, this Loadsmith reads version 1");
        assertRefused(json -> json.put("tool", "wrk"), "/tool: ");
        assertRefused(json -> ((ObjectNode) json.get("total")).put("requests", "many"), "/total/requests: expected a whole number >= 0");
        assertRefused(json -> ((ObjectNode) json.get("operations").get(1)).remove("name"), "/operations/1/name: expected a string");
        assertRefused(json -> ((ObjectNode) json.get("operations").get(0).get("histogram")).put("data", "AAAA"),
                "/operations/0/histogram/data: not a compressed HdrHistogram");
        assertRefused(json -> ((ObjectNode) json.get("operations").get(0).get("latencyMs")).put("p95", -3),
                "/operations/0/latencyMs: a latency (-3.0) must be a finite number >= 0");
        assertRefused(json -> json.put("start", "yesterday"), "/start: not a date-time: yesterday");
        assertRefused(json -> ((ObjectNode) json.get("thresholds").get(0)).put("passed", "yes"), "/thresholds/0/passed: expected true or false");
    }

    private void assertRefused(Consumer<ObjectNode> breakIt, String expected) throws IOException {
        Path file = write(breakIt);
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(file, null, Set.of()));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    }

    private Path write(Consumer<ObjectNode> change) throws IOException {
        RunResult judged = Thresholds.judge(ResultParsers.parse(JTL, null, Set.of()), List.of(Threshold.parse("p95<500ms")));
        ObjectNode json = (ObjectNode) JSON.readTree(ResultJson.write(judged));
        change.accept(json);
        Path file = dir.resolve("result.json");
        Files.writeString(file, JSON.writeValueAsString(json));
        return file;
    }
}
