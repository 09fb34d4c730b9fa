package io.loadsmith.testing;

import io.loadsmith.importer.Documents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The OpenAPI documents of the shared corpus (../shared/corpus/specs). */
public final class Corpus {
    private Corpus() {}

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
