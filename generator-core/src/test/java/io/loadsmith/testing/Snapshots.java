package io.loadsmith.testing;

import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;

/**
 * Approval of whole outputs: {@code <TestClass>.<method>.<name>.approved.<ext>} beside the test.
 * A mismatch writes {@code .received.} (git-ignored) and fails; approve by renaming.
 */
public final class Snapshots {
    private Snapshots() {}

    public static void verify(String text, String name, String extension) {
        Options options = Approvals.NAMES.withParameters(name).forFile().withExtension(extension)
                .withReporter(new QuietReporter());
        Approvals.verify(text, options);
    }
}
