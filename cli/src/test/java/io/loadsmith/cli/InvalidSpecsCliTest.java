package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid or hostile spec of samples/specs/invalid (and, with LOADSMITH_CORPUS, of the shared
 * corpus): exit 2, one line naming the file, no stack trace, nothing written.
 */
class InvalidSpecsCliTest {
    @TempDir
    Path dir;

    static Stream<Path> invalidSpecs() throws IOException {
        List<Path> folders = new ArrayList<>(List.of(Path.of("../samples/specs/invalid").toAbsolutePath().normalize()));
        String corpus = System.getenv("LOADSMITH_CORPUS");
        if (corpus != null && !corpus.isBlank()) {
            folders.add(Path.of(corpus, "specs", "invalid"));
        }
        List<Path> specs = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                files.sorted().forEach(specs::add);
            }
        }
        return specs.stream();
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
