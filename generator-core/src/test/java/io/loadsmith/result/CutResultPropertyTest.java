package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * A tool's output cut at any byte, as a killed run leaves it (a gzip file cut within its
 * compressed stream), gives the figures of what it holds, never more than the whole file's, or
 * the parser's located error; never another exception.
 */
class CutResultPropertyTest {
    private static final List<Path> OUTPUTS = outputs();

    @Provide
    Arbitrary<Path> outputFiles() {
        return Arbitraries.of(OUTPUTS);
    }

    @Property(tries = 300, seed = "20261202")
    void aCutFileGivesWhatItHoldsOrALocatedError(@ForAll("outputFiles") Path output,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where) throws IOException {
        long whole = ResultParsers.parse(output, null, Set.of()).total().requests();
        byte[] bytes = Files.readAllBytes(output);
        Path dir = Files.createTempDirectory("cut-");
        Path cut = dir.resolve(output.getFileName().toString());
        try {
            Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * where)));
            RunResult result;
            try {
                result = ResultParsers.parse(cut, null, Set.of());
            } catch (ResultParseException e) {
                assertTrue(e.getMessage().contains(cut.getFileName().toString()), e.getMessage());
                return;
            }
            long requests = result.total().requests();
            assertTrue(requests <= whole, requests + " requests from a part of a file of " + whole);
        } finally {
            Files.deleteIfExists(cut);
            Files.delete(dir);
        }
    }

    private static List<Path> outputs() {
        try (Stream<Path> files = Files.walk(TestPaths.samples().resolve("results"))) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|csv|jtl|log|gz)$"))
                    .filter(p -> !p.getFileName().toString().startsWith("locust_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
