package io.loadsmith.importer;

import java.nio.file.Path;

/**
 * Reads one kind of input into a plan.
 *
 * <p>An importer fails with {@link ImportException} when the input cannot become a plan (the
 * message names the file and the place), and reports everything it guessed, approximated or
 * skipped as diagnostics. It never touches the network and never writes files.
 */
public interface Importer {
    /** Whether this importer reads the document that starts with {@code head}. */
    boolean accepts(String head);

    ImportResult importFile(Path input, ImportOptions options);
}
