package io.loadsmith.testing;

import io.loadsmith.importer.Documents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of public specs, HARs and tool outputs: an extra suite that runs when
 * {@code LOADSMITH_CORPUS} names it. Parameterized tests add its files to the repository's own
 * when it is on ({@link #enabled()}); tests of corpus files alone are marked {@link CorpusSuite}.
 */
public final class Corpus {
    public static final String VARIABLE = "LOADSMITH_CORPUS";

    private Corpus() {}

    /** Whether the corpus suite runs: LOADSMITH_CORPUS is set (and then must name the corpus). */
    public static boolean enabled() {
        String configured = System.getenv(VARIABLE);
        return configured != null && !configured.isBlank();
    }

    /** The corpus's entries when the suite runs, else none. */
    public static <T> List<T> ifEnabled(java.util.function.Supplier<List<T>> entries) {
        return enabled() ? entries.get() : List.of();
    }

    /** Top-level documents: files of specs/, and the documents of multi-file folders that declare a version. */
    public static List<Path> validSpecs() {
        Path specs = TestPaths.corpus().resolve("specs");
        try (Stream<Path> files = Files.walk(specs)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(specs.resolve("invalid")))
                    .filter(Corpus::isEntry)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> invalidSpecs() {
        try (Stream<Path> files = Files.list(TestPaths.corpus().resolve("specs/invalid"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEntry(Path file) {
        if (file.getParent().equals(TestPaths.corpus().resolve("specs"))) {
            return true;
        }
        String head = Documents.readText(file);
        return head.matches("(?s).*(^|\\n)[\"']?(openapi|swagger)[\"']?\\s*:.*");
    }
}
