package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tool home laid out whole or not at all, known by its stamp; fetching names the repository it could not reach. */
class MavenToolsTest {
    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aHomeIsLaidOutWithItsStampAndReplacesAnOlderOne() throws Exception {
        Path home = dir.resolve("tools/jmeter");
        assertFalse(MavenTools.installed(home, "5.6.3"));

        MavenTools.install(home, "5.6.2", stage -> Files.writeString(Files.createDirectories(stage.resolve("bin")).resolve("old"), "x"));
        assertTrue(MavenTools.installed(home, "5.6.2"));
        assertFalse(MavenTools.installed(home, "5.6.3"));

        MavenTools.install(home, "5.6.3", stage -> Files.writeString(stage.resolve("new"), "y"));
        assertTrue(MavenTools.installed(home, "5.6.3"));
        assertEquals(List.of(".stamp", "new"), names(home), "nothing of the old home is left");
        assertEquals(List.of("jmeter"), names(dir.resolve("tools")), "no staging folder is left beside it");
    }

    @Test
    void aLayoutThatFailsLeavesTheOldHomeAndNoStagingFolder() throws Exception {
        Path home = dir.resolve("tools/jmeter");
        MavenTools.install(home, "1", stage -> Files.writeString(stage.resolve("kept"), "x"));
        ToolRunException e = assertThrows(ToolRunException.class, () -> MavenTools.install(home, "2", stage -> {
            Files.writeString(stage.resolve("half"), "x");
            throw new IOException("disk full");
        }));
        assertEquals("cannot lay out " + home + ": disk full", e.getMessage());
        assertTrue(MavenTools.installed(home, "1"));
        assertEquals(List.of(".stamp", "kept"), names(home));
        assertEquals(List.of("jmeter"), names(dir.resolve("tools")));
    }

    @Test
    void aRepositoryThatCannotBeReachedIsNamedWithWhatToDo() {
        MavenTools maven = new MavenTools(dir, Map.of("LOADSMITH_MAVEN_REPOSITORY", "http://127.0.0.1:9/maven2/"));
        assertEquals("http://127.0.0.1:9/maven2/", maven.remote());
        ToolRunException e = assertThrows(ToolRunException.class,
                () -> maven.resolve(List.of("io.loadsmith.example:no-such-tool:0.0.1"), "JMeter"));
        assertTrue(e.getMessage().startsWith("cannot fetch JMeter from http://127.0.0.1:9/maven2/: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (install it and pass --tool-path, or set LOADSMITH_MAVEN_REPOSITORY to a mirror)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertTrue(e.getMessage().contains("no-such-tool"), e.getMessage());
        assertEquals("https://repo.maven.apache.org/maven2/", new MavenTools(dir, Map.of()).remote());
    }

    @Test
    void jarsInMavensOwnCacheAreResolvedWithoutTheNetwork() {
        // Datafaker is in the local repository (the build resolved it); the remote cannot be reached.
        MavenTools maven = new MavenTools(dir, Map.of("LOADSMITH_MAVEN_REPOSITORY", "http://127.0.0.1:9/maven2/"));
        String version = net.datafaker.Faker.class.getPackage().getImplementationVersion();
        List<MavenTools.Jar> jars = maven.resolve(List.of("net.datafaker:datafaker:" + (version != null ? version : "2.7.0")), "Datafaker");
        assertEquals("datafaker", jars.get(0).artifactId());
        assertEquals("net.datafaker", jars.get(0).groupId());
        assertTrue(Files.isRegularFile(jars.get(0).file()), jars.toString());
    }
}
