package io.loadsmith.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the files a run leaves in its folder by the names tools give them
 * ({@link LoadTool#runOutput()}, {@link LoadTool#resultFiles()}): a path relative to the run
 * folder, where a segment {@code *} stands for a folder the tool names itself, such as Gatling's
 * {@code results/<simulation>-<timestamp>/}; of several matches, the newest.
 */
public final class RunFiles {
    private RunFiles() {}

    public static Optional<Path> find(Path folder, String relative) {
        List<Path> candidates = List.of(folder);
        for (String segment : relative.split("/")) {
            if (segment.equals("*")) {
                candidates = candidates.stream().flatMap(RunFiles::subfolders).toList();
            } else {
                candidates = candidates.stream().map(c -> c.resolve(segment)).toList();
            }
        }
        return candidates.stream().filter(Files::isRegularFile)
                .max(Comparator.comparing(RunFiles::modified).thenComparing(Path::toString));
    }

    private static Stream<Path> subfolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
