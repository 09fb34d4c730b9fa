package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path run;

    @Test
    void aPlainNameIsTheFileOfThatName() throws Exception {
        Files.writeString(run.resolve("results.jtl"), "x");
        assertEquals(Optional.of(run.resolve("results.jtl")), RunFiles.find(run, "results.jtl"));
        assertTrue(RunFiles.find(run, "summary.json").isEmpty());
    }

    @Test
    void aStarIsAFolderTheToolNamedAndTheNewestMatchWins() throws Exception {
        Path older = Files.createDirectories(run.resolve("results/sim-20261201090000"));
        Path newer = Files.createDirectories(run.resolve("results/sim-20261201100000"));
        Files.createDirectories(run.resolve("results/empty-folder"));
        Files.writeString(run.resolve("results/not-a-folder"), "x");
        Files.writeString(older.resolve("simulation.log"), "old");
        Files.writeString(newer.resolve("simulation.log"), "new");
        Files.setLastModifiedTime(older.resolve("simulation.log"), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer.resolve("simulation.log"), FileTime.fromMillis(2_000_000));
        assertEquals(Optional.of(newer.resolve("simulation.log")), RunFiles.find(run, "results/*/simulation.log"));
        assertTrue(RunFiles.find(run, "missing/*/simulation.log").isEmpty());
        assertTrue(RunFiles.find(run, "results/*/other.log").isEmpty());
    }

    @Test
    void aFolderOfTheRightNameIsNoResultAndAFileIsNoStar() throws Exception {
        Files.createDirectories(run.resolve("results.jtl"));
        assertTrue(RunFiles.find(run, "results.jtl").isEmpty());
        Files.writeString(run.resolve("results"), "a file where the tool's folders would be");
        assertTrue(RunFiles.find(run, "results/*/simulation.log").isEmpty());
    }

    @Test
    void aNewerFileWinsWhateverItsName() throws Exception {
        Path a = Files.createDirectories(run.resolve("results/a-run"));
        Path b = Files.createDirectories(run.resolve("results/b-run"));
        Files.writeString(a.resolve("simulation.log"), "newer");
        Files.writeString(b.resolve("simulation.log"), "older");
        Files.setLastModifiedTime(a.resolve("simulation.log"), FileTime.fromMillis(5_000_000));
        Files.setLastModifiedTime(b.resolve("simulation.log"), FileTime.fromMillis(4_000_000));
        assertEquals(Optional.of(a.resolve("simulation.log")), RunFiles.find(run, "results/*/simulation.log"));
        Files.setLastModifiedTime(b.resolve("simulation.log"), FileTime.fromMillis(5_000_000));
        assertEquals(Optional.of(b.resolve("simulation.log")), RunFiles.find(run, "results/*/simulation.log"),
                "of two as new, the last by name");
    }
}
