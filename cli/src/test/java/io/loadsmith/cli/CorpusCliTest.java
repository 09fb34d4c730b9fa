package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid or hostile spec of the corpus: exit 2, one line naming the file, no stack trace, nothing written. */
class CorpusCliTest {
    @TempDir
    Path dir;

    static Stream<Path> invalidSpecs() throws IOException {
        Path invalid = Path.of("..").toAbsolutePath().normalize().getParent().resolve("shared/corpus/specs/invalid");
        if (!Files.isDirectory(invalid)) {
            throw new IllegalStateException("the shared corpus is not at " + invalid);
        }
        try (Stream<Path> files = Files.list(invalid)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void refusedWithExitTwoAndNothingWritten(Path spec) {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("generate", spec.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("loadsmith: " + spec + ": "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(out));
    }
}
