package io.loadsmith.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One generated file.
 *
 * @param path where it goes, relative to the output folder, with {@code /} separators
 */
public record RenderedFile(String path, byte[] content) {
    public RenderedFile {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")
                || Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("rendered file path '" + path + "' must be relative and stay inside the output folder");
        }
        content = content.clone();
    }

    public static RenderedFile text(String path, String text) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedFile file && file.path.equals(path) && Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + content.length + " bytes)";
    }
}
