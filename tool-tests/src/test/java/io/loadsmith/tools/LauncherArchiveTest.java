package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: made once after a build by a training run, used by the runs
 * after it (the JVM maps Loadsmith's classes from it), made again when the jar is newer, and
 * without effect on what is generated.
 */
class LauncherArchiveTest {
    private static final Path ROOT = TestPaths.repoRoot();
    private static final Path ARCHIVE = ROOT.resolve("cli/target/loadsmith.jsa");
    private static final String MAKING = "making a class-data archive";

    @TempDir
    Path dir;

    private Processes.Result launch(Map<String, String> environment, String... args) throws Exception {
        RunEndToEndTest.jar();
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("loadsmith").toString()));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, dir, environment, 180);
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result;
    }

    private Processes.Result generate(String out, Map<String, String> environment) throws Exception {
        return launch(environment, "generate", TestPaths.samples().resolve("specs/bookshop/openapi.yaml").toString(), "--tool", "all",
                "--seed", "7", "--out", dir.resolve(out).toString());
    }

    @Test
    void theArchiveIsMadeOnceUsedAfterAndMadeAgainForANewJar() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(ARCHIVE.resolveSibling("loadsmith.jsa.failed"));

        Processes.Result first = generate("first", Map.of());
        assertTrue(first.stderr().contains(MAKING), first.stderr());
        assertTrue(Files.size(ARCHIVE) > 1_000_000, "an archive of " + Files.size(ARCHIVE) + " bytes");

        // The next run does not make it again, and maps Loadsmith's classes from it.
        Processes.Result logged = generate("second", Map.of("LOADSMITH_JAVA_OPTS", "-XX:+UseSerialGC -Xlog:class+load=info"));
        assertFalse(logged.stderr().contains(MAKING), logged.stderr());
        assertTrue(logged.stdout().lines().anyMatch(l -> l.contains("io.loadsmith.importer.openapi.OpenApiImporter ")
                && l.contains("source: shared objects file (top)")), "the importer came from the archive");

        // Without it, the same files, byte for byte.
        generate("without", Map.of("LOADSMITH_CDS", "off"));
        assertSameFiles(dir.resolve("first"), dir.resolve("second"));
        assertSameFiles(dir.resolve("first"), dir.resolve("without"));

        // A jar newer than the archive (a new build) gets a new one.
        Path jar = RunEndToEndTest.jar();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(2)));
        Processes.Result rebuilt = generate("rebuilt", Map.of());
        assertTrue(rebuilt.stderr().contains(MAKING), rebuilt.stderr());
        assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(jar)) >= 0);
        try (Stream<Path> left = Files.list(ARCHIVE.getParent())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no archive half-written is left");
        }
    }

    private static void assertSameFiles(Path expected, Path actual) throws Exception {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(expected)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(expected.relativize(file), Files.readAllBytes(file));
            }
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            List<Path> found = walk.filter(Files::isRegularFile).map(actual::relativize).toList();
            assertEquals(files.keySet(), new java.util.HashSet<>(found));
        }
        assertTrue(files.size() > 5, files.keySet().toString());
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(actual.resolve(file.getKey())), file.getKey().toString());
        }
    }
}
