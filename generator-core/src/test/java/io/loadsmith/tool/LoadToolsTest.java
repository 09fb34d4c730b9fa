package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.render.RenderException;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.RunResult;
import io.loadsmith.testing.ShellTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry of tools and what a tool is when it says nothing of its own. */
class LoadToolsTest {
    @Test
    void theToolsComeInTheRegistrysOrderAndAreFoundByNameInAnyCase() {
        assertEquals(List.of("k6", "locust", "artillery", "jmeter", "gatling"), LoadTools.all().stream().map(LoadTool::id).toList());
        assertSame(LoadTools.JMETER, LoadTools.byId("JMeter"));
        assertSame(LoadTools.K6, LoadTools.byId("k6"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadTools.byId("wrk"));
        assertEquals("unknown tool 'wrk': use k6, locust, artillery, jmeter or gatling", e.getMessage());
        assertEquals("k6, locust, artillery, jmeter, gatling", LoadTools.ids(", "));
    }

    @Test
    void toolsAreEqualByIdAndPrintAsIt() {
        assertEquals("locust", LoadTools.LOCUST.toString());
        assertEquals("locust".hashCode(), LoadTools.LOCUST.hashCode());
        assertNotEquals(LoadTools.LOCUST, LoadTools.K6);
        assertNotEquals(LoadTools.LOCUST, "locust");
        assertEquals(LoadTools.LOCUST, LoadTools.byId("LOCUST"));
    }

    @Test
    void aToolWithoutWaysOfItsOwnHasTheDefaults() {
        LoadTool k6 = LoadTools.K6;
        assertEquals("k6", k6.executable());
        assertFalse(k6.oneCorePerProcess());
        assertTrue(LoadTools.LOCUST.oneCorePerProcess(), "Python runs a process's users on one core");
        assertTrue(LoadTools.ARTILLERY.oneCorePerProcess(), "so does Node");
        assertFalse(k6.requestStop(Path.of("tool.log")), "k6 is stopped with SIGTERM");
        RunResult result = new ResultBuilder(LoadTools.LOCUST, "locust-csv", LatencyDefinition.SEND_TO_LAST_BYTE, 1).build(Set.of());
        assertSame(result, LoadTools.LOCUST.afterRun(result, 1, null), "Locust's exit code adds nothing to its figures");
        assertTrue(LoadTools.LOCUST.provision(Path.of("/nonexistent"), Map.of(), line -> { }).isEmpty());
        assertTrue(new ShellTool("exit 0").distribute(new LoadTool.RunSettings(null), 2, null).isEmpty());
        LoadTool shell = new ShellTool("exit 0");
        RenderException e = assertThrows(RenderException.class, () -> shell.deployment(DeployTarget.KUBERNETES, 2, null, null, null));
        assertEquals("Shell has no distributed engine that Loadsmith writes kubernetes manifests for", e.getMessage());
    }
}
