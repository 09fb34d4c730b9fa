package io.loadsmith.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's samples (and, for the corpus suite, the shared corpus) are, from any module's tests. */
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
     * The shared corpus of real specs, HARs and tool outputs, for the corpus suite ({@link CorpusSuite}):
     * {@code $LOADSMITH_CORPUS} ({@code .ci/run} sets it to {@code ../shared/corpus}). The other tests
     * use the repository's own fixtures; a corpus that is named but missing fails the suite.
     */
    public static Path corpus() {
        String configured = System.getenv(Corpus.VARIABLE);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(Corpus.VARIABLE + " is not set: only tests marked @CorpusSuite read the corpus");
        }
        Path corpus = Path.of(configured);
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException(Corpus.VARIABLE + "=" + configured + " is not a folder; point it at a copy of the "
                    + "shared corpus (shared/corpus) or unset it");
        }
        return corpus;
    }
}
