package io.loadsmith.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's samples and the shared corpus are, from any module's tests. */
public final class TestPaths {
    private TestPaths() {}

    /** The repository root: the nearest folder upwards with both a pom.xml and a samples folder. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("samples"))
                    && Files.isDirectory(dir.resolve("generator-core"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    public static Path samples() {
        return repoRoot().resolve("samples");
    }

    /**
     * The shared corpus of real specs, HARs and tool outputs: {@code ../shared/corpus} beside the
     * repository, or {@code $LOADSMITH_CORPUS}. Its absence fails the test: it is never skipped.
     */
    public static Path corpus() {
        String override = System.getenv("LOADSMITH_CORPUS");
        Path corpus = override != null ? Path.of(override) : repoRoot().getParent().resolve("shared").resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException("the shared corpus is not at " + corpus
                    + "; check out shared/ beside the repository or set LOADSMITH_CORPUS");
        }
        return corpus;
    }
}
