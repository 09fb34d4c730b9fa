package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live reader's view of a growing console: whole lines, each once, a line still being written held back. */
class LogTailTest {
    @TempDir
    Path dir;

    private void append(Path file, String text) throws Exception {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void eachWholeLineComesOnceAndAPartLineWaitsForItsEnd() throws Exception {
        Path log = dir.resolve("tool.log");
        LogTail tail = new LogTail(log);
        assertEquals(List.of(), tail.newLines(), "no file yet");

        append(log, "first\nsecond\nthi");
        assertEquals(List.of("first", "second"), tail.newLines());
        assertEquals(List.of(), tail.newLines(), "nothing new");

        append(log, "rd line\n\nfourth");
        assertEquals(List.of("third line", ""), tail.newLines(), "the held part joins the rest of its line");
        append(log, " and more\n");
        assertEquals(List.of("fourth and more"), tail.newLines());
    }

    @Test
    void aCharacterSplitBetweenTwoReadsComesWhole() throws Exception {
        Path log = dir.resolve("tool.log");
        LogTail tail = new LogTail(log);
        byte[] text = "p95 12 µs ✓\n".getBytes(StandardCharsets.UTF_8);
        int cut = "p95 12 ".length() + 1; // inside µ
        Files.write(log, java.util.Arrays.copyOf(text, cut));
        assertEquals(List.of(), tail.newLines());
        Files.write(log, java.util.Arrays.copyOfRange(text, cut, text.length), StandardOpenOption.APPEND);
        assertEquals(List.of("p95 12 µs ✓"), tail.newLines());
    }

    @Test
    void afterStopNothingMoreIsRead() throws Exception {
        Path log = dir.resolve("tool.log");
        LogTail tail = new LogTail(log);
        append(log, "one\n");
        tail.stop();
        append(log, "two\n");
        assertEquals(List.of(), tail.newLines());
    }

    @Test
    void aFolderIsNoLog() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("tool.log"));
        assertEquals(List.of(), new LogTail(folder).newLines());
    }
}
