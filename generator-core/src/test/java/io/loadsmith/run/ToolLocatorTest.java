package io.loadsmith.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.ShellTool;
import io.loadsmith.tool.ToolRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a tool is found, in the order README gives: --tool-path, LOADSMITH_<TOOL>_PATH, the PATH, Loadsmith's own tools folder. */
class ToolLocatorTest {
    private final ShellTool tool = new ShellTool("exit 0");

    @TempDir
    Path dir;

    private Path executable(String relative, String script) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Path plainFile(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a program");
        return file;
    }

    @Test
    void toolPathComesFirstAndMustBeAProgram() throws Exception {
        Path explicit = executable("mine/shell-tool", "exit 0");
        executable("on-path/shell-tool", "exit 0");
        ToolLocator locator = new ToolLocator(Map.of("PATH", dir.resolve("on-path").toString(),
                "LOADSMITH_SHELL_PATH", dir.resolve("on-path/shell-tool").toString()));
        assertEquals(Optional.of(List.of(explicit.toString())), locator.find(tool, explicit));

        Path notAProgram = plainFile("mine/readme.txt");
        ToolRunException e = assertThrows(ToolRunException.class, () -> locator.find(tool, notAProgram));
        assertEquals("--tool-path " + notAProgram + " is not an executable file", e.getMessage());
    }

    @Test
    void theToolsVariableComesBeforeThePath() throws Exception {
        Path variable = executable("variable/my-shell", "exit 0");
        executable("on-path/shell-tool", "exit 0");
        assertEquals(Optional.of(List.of(variable.toString())), new ToolLocator(Map.of("PATH", dir.resolve("on-path").toString(),
                "LOADSMITH_SHELL_PATH", variable.toString())).find(tool, null));

        Path notAProgram = plainFile("variable/readme.txt");
        ToolRunException e = assertThrows(ToolRunException.class,
                () -> new ToolLocator(Map.of("LOADSMITH_SHELL_PATH", notAProgram.toString())).find(tool, null));
        assertEquals("LOADSMITH_SHELL_PATH=" + notAProgram + " is not an executable file", e.getMessage());

        assertEquals(Optional.of(List.of(dir.resolve("on-path/shell-tool").toString())),
                new ToolLocator(Map.of("PATH", dir.resolve("on-path").toString(), "LOADSMITH_SHELL_PATH", " ")).find(tool, null),
                "a blank variable is no setting");
    }

    @Test
    void thePathIsSearchedInOrderForAProgramOfTheToolsName() throws Exception {
        Files.createDirectories(dir.resolve("a/shell-tool"));
        plainFile("b/shell-tool");
        Path found = executable("c/shell-tool", "exit 0");
        executable("d/shell-tool", "exit 0");
        String path = String.join(":", "", dir.resolve("a").toString(), dir.resolve("b").toString(), dir.resolve("c").toString(),
                dir.resolve("d").toString());
        assertEquals(Optional.of(List.of(found.toString())), new ToolLocator(Map.of("PATH", path,
                "LOADSMITH_TOOLS", dir.resolve("tools").toString())).find(tool, null),
                "a folder and a file that is no program of that name are passed over");
    }

    @Test
    void lastComesWhereTheInstallScriptsPutIt() throws Exception {
        Map<String, String> environment = Map.of("PATH", dir.resolve("empty").toString(), "LOADSMITH_TOOLS", dir.resolve("tools").toString());
        assertEquals(Optional.empty(), new ToolLocator(environment).find(tool, null));
        Files.createDirectories(dir.resolve("tools/shell/bin/shell-tool"));
        assertEquals(Optional.empty(), new ToolLocator(environment).find(tool, null), "a folder of that name is no tool");
        Files.delete(dir.resolve("tools/shell/bin/shell-tool"));
        Path installed = executable("tools/shell/bin/shell-tool", "exit 0");
        assertEquals(Optional.of(List.of(installed.toString())), new ToolLocator(environment).find(tool, null));
    }

    @Test
    void theToolsFolderIsLoadsmithToolsOrTheUsersCache() {
        assertEquals(Path.of("/opt/tools"), ToolLocator.toolsHome(Map.of("LOADSMITH_TOOLS", "/opt/tools")));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "loadsmith", "tools");
        assertEquals(cache, ToolLocator.toolsHome(Map.of()));
        assertEquals(cache, ToolLocator.toolsHome(Map.of("LOADSMITH_TOOLS", "")));
    }

    @Test
    void theVersionIsWhatTheToolSaysOfItself() throws Exception {
        Path launcher = executable("bin/shell-tool", "[ \"$1\" = --version ] || exit 2; echo \"Shell Tool\"; "
                + "echo \"shell-tool v$VERSION (from $(basename \"$(pwd)\"))\"");
        Path work = Files.createDirectories(dir.resolve("work"));
        assertEquals("4.5.6", ToolLocator.version(tool, List.of(launcher.toString()), Map.of("VERSION", "4.5.6"), work));
        assertTrue(Files.readString(launcher).contains("--version"));

        Path silent = executable("bin/silent", "echo nothing to say");
        assertNull(ToolLocator.version(tool, List.of(silent.toString()), Map.of(), work), "no version in what it printed");
        assertNull(ToolLocator.version(tool, List.of(dir.resolve("missing").toString()), Map.of(), work), "no such program");
    }

    @Test
    void aToolThatReadsItsInputWhenAskedItsVersionGetsNone() throws Exception {
        // Input at its end at once: a prompt does not wait for an answer (30 s, then no version).
        Path asking = executable("bin/asking", "read answer; echo \"shell-tool v1.2.3 (answer: '$answer')\"");
        long start = System.nanoTime();
        assertEquals("1.2.3", ToolLocator.version(tool, List.of(asking.toString()), Map.of(), dir));
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
    }
}
