package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMeter home Loadsmith and tools/install-jmeter.sh share: known by its files and stamp, started without a fetch. */
class JMeterInstallTest {
    @TempDir
    Path tools;

    private Path layOut(String stamp) throws Exception {
        Path home = Files.createDirectories(tools.resolve("jmeter/bin"));
        Files.writeString(home.resolve("ApacheJMeter.jar"), "jar");
        Files.writeString(home.resolve("jmeter.properties"), "jmeter.save.saveservice.output_format=csv\n");
        Files.writeString(tools.resolve("jmeter/.stamp"), stamp + "\n");
        return tools.resolve("jmeter");
    }

    @Test
    void theStampIsTheOneTheInstallScriptWrites() throws Exception {
        String script = Files.readString(TestPaths.repoRoot().resolve("tools/install-jmeter.sh"));
        assertTrue(script.contains("version=\"${JMETER_VERSION:-" + JMeterInstall.VERSION + "}\""), "the same version");
        String modules = script.lines().filter(l -> l.startsWith("modules=")).findFirst().orElseThrow()
                .replaceFirst("^modules=\"", "").replaceFirst("\"$", "");
        assertEquals("jmeter=" + JMeterInstall.VERSION + " modules=" + modules, JMeterInstall.stamp());
    }

    @Test
    void anInstalledHomeIsStartedWithTheJavaThatRunsLoadsmith() throws Exception {
        Path home = layOut(JMeterInstall.stamp());
        List<String> progress = new ArrayList<>();
        List<String> command = LoadTools.JMETER.provision(tools, Map.of(), progress::add).orElseThrow();
        assertEquals(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx1g", "-jar",
                home.resolve("bin/ApacheJMeter.jar").toString()), command);
        assertEquals(List.of(), progress, "nothing fetched");
        assertEquals(home, new JMeterInstall(tools, Map.of()).home());
    }

    @Test
    void aHomeIsInstalledOnlyWithItsFilesAndItsStamp() throws Exception {
        Path home = layOut(JMeterInstall.stamp());
        assertTrue(new JMeterInstall(tools, Map.of()).installed());
        Files.writeString(home.resolve(".stamp"), "jmeter=5.5 modules=ApacheJMeter_core\n");
        assertFalse(new JMeterInstall(tools, Map.of()).installed(), "another version");
        layOut(JMeterInstall.stamp());
        Files.delete(home.resolve("bin/jmeter.properties"));
        assertFalse(new JMeterInstall(tools, Map.of()).installed(), "without its properties");
        layOut(JMeterInstall.stamp());
        Files.delete(home.resolve("bin/ApacheJMeter.jar"));
        assertFalse(new JMeterInstall(tools, Map.of()).installed(), "without its launcher jar");
    }
}
