package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LiveReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ties the Gatling room to the rest: the versions and stamp install-gatling.sh shares, the console it follows. */
class GatlingToolTest {
    @Test
    void theInstallScriptInstallsTheGatlingThePomsAskForAndTheJavaDslTheTestsCompileAgainst() throws Exception {
        String script = Files.readString(TestPaths.repoRoot().resolve("tools/install-gatling.sh"));
        assertTrue(script.contains("version=\"${GATLING_VERSION:-" + GatlingRenderer.GATLING_VERSION + "}\""),
                "tools/install-gatling.sh installs Gatling " + GatlingRenderer.GATLING_VERSION);
        String dsl = io.gatling.javaapi.core.Simulation.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(dsl.endsWith("gatling-core-java-" + GatlingRenderer.GATLING_VERSION + ".jar"), dsl);
    }

    /** Loadsmith and the script lay out the same home: each accepts what the other installed. */
    @Test
    void theStampIsTheOneTheInstallScriptWrites() {
        Path files = TestPaths.repoRoot().resolve("generator-core/src/main/resources/io/loadsmith/tool/gatling");
        String digest = Processes.run(List.of("bash", "-c", "cat gatling gatling.conf logback.xml | sha256sum | cut -c1-12"), files,
                Map.of(), 30).requireSuccess("sha256sum").stdout().strip();
        assertEquals("gatling=" + GatlingRenderer.GATLING_VERSION + " launcher=" + digest, GatlingInstall.stamp());
    }

    @Test
    void theLiveReaderFollowsTheLatestGlobalRowOfTheConsoleWhateverTheLocaleGroupsDigitsWith(@TempDir Path dir) throws Exception {
        Path console = dir.resolve("tool.log");
        LiveReader reader = new GatlingLiveReader(console);
        assertNull(reader.read());
        Files.writeString(console, "Simulation loadsmith.LoadsmithSimulation started...\n"
                + "---- Requests ------|---Total---|-----OK----|----KO----\n"
                + "> Global            |       853 |       850 |         3\n"
                + "> createBook        |       400 |       400 |         0\n");
        assertEquals(new LiveReader.Snapshot(853, 3, null), reader.read());
        Files.writeString(console, "> Global            |     3,853 |     3.850 |      3 003\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(new LiveReader.Snapshot(3853, 3003, null), reader.read());
        Files.writeString(console, "---- Global Information ----|---Total---|-----OK----|----KO----\n"
                + "> Global            |         1 |         1 |         0\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(new LiveReader.Snapshot(3853, 3003, null), reader.read(), "the closing report is not a later count");
    }

    @Test
    void anInstalledHomeIsStartedByItsLauncherWithoutAFetch(@TempDir Path tools) throws Exception {
        Path bin = Files.createDirectories(tools.resolve("gatling/bin"));
        Files.writeString(bin.resolve("gatling"), "#!/bin/sh\n");
        bin.resolve("gatling").toFile().setExecutable(true);
        Files.writeString(tools.resolve("gatling/.stamp"), GatlingInstall.stamp() + "\n");
        List<String> progress = new java.util.ArrayList<>();
        assertEquals(List.of(bin.resolve("gatling").toString()),
                io.loadsmith.tool.LoadTools.GATLING.provision(tools, Map.of(), progress::add).orElseThrow());
        assertEquals(List.of(), progress, "nothing fetched");
    }
}
