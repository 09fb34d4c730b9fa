package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file of a run folder is its result: result.json first, then each tool's own outputs, then any JTL. */
class RunFileTest {
    private static final Path RESULTS = TestPaths.samples().resolve("results");

    @TempDir
    Path dir;

    @Test
    void resultJsonComesFirst() throws IOException {
        Files.copy(RESULTS.resolve("k6/samples.ndjson.gz"), dir.resolve("samples.ndjson.gz"));
        Files.writeString(dir.resolve("result.json"), ResultJson.write(ResultParsers.parse(RESULTS.resolve("jmeter/results.jtl"), null,
                Set.of())));
        assertEquals(dir.resolve("result.json"), ResultParsers.runFile(dir));
        assertEquals("jmeter", ResultParsers.parse(dir, null, Set.of()).tool().id());
    }

    @Test
    void aToolsOwnOutputIsFoundByItsName() throws IOException {
        Files.copy(RESULTS.resolve("k6/samples.ndjson.gz"), dir.resolve("samples.ndjson.gz"));
        Files.copy(RESULTS.resolve("k6/summary.json"), dir.resolve("summary.json"));
        assertEquals(dir.resolve("samples.ndjson.gz"), ResultParsers.runFile(dir), "k6's samples before its summary");
        assertEquals("k6", ResultParsers.parse(dir, null, Set.of()).tool().id());
    }

    @Test
    void jmetersOwnResultFilesComeBeforeOtherJtls() throws IOException {
        // result.jtl (JMeter's usual name) and results.jtl (loadsmith run's), before any other JTL
        // of the folder, which sorts first.
        Files.copy(RESULTS.resolve("jmeter/results.jtl"), dir.resolve("a.jtl"));
        Files.copy(RESULTS.resolve("jmeter/results.jtl"), dir.resolve("results.jtl"));
        assertEquals(dir.resolve("results.jtl"), ResultParsers.runFile(dir));
        Files.copy(RESULTS.resolve("jmeter/results.jtl"), dir.resolve("result.jtl"));
        assertEquals(dir.resolve("result.jtl"), ResultParsers.runFile(dir));
    }

    @Test
    void anyJtlIsTheLastResort() throws IOException {
        Files.copy(RESULTS.resolve("jmeter/results.jtl"), dir.resolve("b.jtl"));
        Files.copy(RESULTS.resolve("jmeter/results.jtl"), dir.resolve("a.jtl"));
        Files.writeString(dir.resolve("notes.txt"), "not a result");
        assertEquals(dir.resolve("a.jtl"), ResultParsers.runFile(dir));
    }

    @Test
    void aFolderWithoutResultsSaysWhatWasLookedFor() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a result");
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.runFile(dir));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no results file in this folder (looked for result.json, samples.ndjson.gz"),
                e.getMessage());
    }

    @Test
    void aFileOfNoKnownFormatNamesTheFormatsOfTheToolAskedFor() throws IOException {
        Path file = Files.writeString(dir.resolve("out.txt"), "hello\n");
        ResultParseException e = assertThrows(ResultParseException.class,
                () -> ResultParsers.parse(file, io.loadsmith.tool.LoadTools.K6, Set.of()));
        assertTrue(e.getMessage().contains("not a results file that Loadsmith knows from k6: expected a result.json or an output of k6 ("),
                e.getMessage());
        ResultParseException any = assertThrows(ResultParseException.class, () -> ResultParsers.parse(file, null, Set.of()));
        assertTrue(any.getMessage().contains("k6 (") && any.getMessage().contains("JMeter (") && any.getMessage().contains("Gatling ("),
                any.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.jtl"), "  \n");
        assertTrue(assertThrows(ResultParseException.class, () -> ResultParsers.parse(empty, null, Set.of())).getMessage()
                .endsWith("the file is empty"));
    }
}
