package io.loadsmith.tool;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The lines a growing file gained since the last look, for live readers; a line still being written waits for its end. */
public final class LogTail {
    private static final int MAX_READ = 8 << 20;

    private final Path file;
    private long offset;
    private byte[] partial = new byte[0];

    public LogTail(Path file) {
        this.file = file;
    }

    /** The whole lines written since the last call (none while the file does not exist). */
    public List<String> newLines() throws IOException {
        byte[] bytes = unread();
        byte[] all = partial.length == 0 ? bytes : concat(partial, bytes);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        partial = Arrays.copyOfRange(all, start, all.length);
        return lines;
    }

    /** The bytes written since the last call, {@link #MAX_READ} at most; none while the file does not exist. */
    private byte[] unread() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new byte[0];
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return new byte[0];
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, MAX_READ)];
            in.seek(offset);
            in.readFully(bytes);
            offset += bytes.length;
            return bytes;
        }
    }

    /** Ignores whatever the file holds or gains from now on. */
    public void stop() {
        offset = Long.MAX_VALUE / 2;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
