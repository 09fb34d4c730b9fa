package io.loadsmith.tools;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the load tools are installed: {@code $LOADSMITH_TOOLS/<tool>/bin/<tool>}, by default under
 * {@code ~/.cache/loadsmith/tools}, as the scripts in {@code tools/} install them (and
 * {@code ./run-tests} runs them first). A missing tool fails the test with what to run; these
 * tests never skip.
 */
final class Tools {
    private Tools() {}

    static Path root() {
        String configured = System.getenv("LOADSMITH_TOOLS");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "loadsmith", "tools");
    }

    /** The launcher of an installed tool. */
    static Path executable(LoadTool tool) {
        Path launcher = root().resolve(tool.id()).resolve("bin").resolve(tool.id());
        if (!Files.isExecutable(launcher)) {
            throw new AssertionError(tool.id() + " is not installed at " + launcher + ": run tools/install-" + tool.id()
                    + ".sh (./run-tests installs every tool before the tests)");
        }
        return launcher;
    }

    /** Headless, offline Chromium, as tools/install-chromium.sh wraps it. */
    static Path chromium() {
        Path launcher = root().resolve("chromium").resolve("bin").resolve("chromium");
        if (!Files.isExecutable(launcher)) {
            throw new AssertionError("chromium is not installed at " + launcher + ": run tools/install-chromium.sh "
                    + "(./run-tests installs it before the tests)");
        }
        return launcher;
    }

    /** The JMeter home that tools/install-jmeter.sh laid out. */
    static Path jmeterHome() {
        return executable(LoadTools.JMETER).getParent().getParent();
    }
}
