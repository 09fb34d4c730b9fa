package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.ResultJson;
import io.loadsmith.result.RunResult;
import io.loadsmith.testing.Corpus;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A JTL read in two halves at once gives exactly the result of one pass. */
class JtlSplitTest {
    @TempDir
    Path dir;

    static List<Path> jtls() {
        List<Path> files = new ArrayList<>(List.of(TestPaths.samples().resolve("results/jmeter/results.jtl")));
        files.addAll(Corpus.ifEnabled(() -> Stream.of("outputs-generated/jmeter/results.jtl", "outputs/jmeter/taurus-slow-stdev.jtl",
                "outputs/jmeter/apache-jmeter-HTMLReportTestFile.csv").map(TestPaths.corpus()::resolve).toList()));
        return files;
    }

    @ParameterizedTest
    @MethodSource("jtls")
    void twoHalvesMakeTheSameResultAsOnePass(Path file) throws Exception {
        RunResult whole = new JtlCsvParser(LoadTools.JMETER, Long.MAX_VALUE).parse(file, Set.of(99.9));
        RunResult halves = new JtlCsvParser(LoadTools.JMETER, 1).parse(file, Set.of(99.9));
        assertTrue(new JtlCsvParser(LoadTools.JMETER, 1).splitPoint(file) > Files.size(file) / 2, "the file is split");
        assertEquals(ResultJson.write(whole), ResultJson.write(halves));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aQuotedMessageWithLineBreaksAcrossTheMiddleIsNotSplit(int copies) throws Exception {
        // Each row's message holds lines that look like the start of a row but for the delimiter count.
        StringBuilder text = new StringBuilder("timeStamp,elapsed,label,responseCode,responseMessage,success\n");
        for (int i = 0; i < 500 * copies; i++) {
            text.append(1795312788000L + i).append(',').append(i % 97).append(",l").append(i % 7).append(",500,\"line\n")
                    .append("17953127880").append(",x\nend\",").append(i % 3 == 0).append('\n');
        }
        Path file = Files.writeString(dir.resolve("quoted.jtl"), text);
        RunResult whole = new JtlCsvParser(LoadTools.JMETER, Long.MAX_VALUE).parse(file, Set.of());
        RunResult halves = new JtlCsvParser(LoadTools.JMETER, 1).parse(file, Set.of());
        assertEquals(500L * copies, whole.total().requests());
        long split = new JtlCsvParser(LoadTools.JMETER, 1).splitPoint(file);
        assertTrue(split > 0, "the file is split");
        assertEquals('1', (char) Files.readAllBytes(file)[(int) split], "at a row's start");
        assertEquals('\n', (char) Files.readAllBytes(file)[(int) split - 1]);
        assertTrue(new String(Files.readAllBytes(file), 0, (int) split).chars().filter(c -> c == '"').count() % 2 == 0,
                "not inside a quoted message");
        assertEquals(ResultJson.write(whole), ResultJson.write(halves));
    }
}
