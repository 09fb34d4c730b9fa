package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    private static final Path JTL = Path.of("../samples/results/jmeter/results.jtl").toAbsolutePath().normalize();

    /** The sample JTL with createBook three times slower. */
    private Path slowed() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(JTL)) {
            String[] f = line.split(",", -1);
            if (f[2].equals("createBook")) {
                f[1] = Long.toString(Long.parseLong(f[1]) * 3 + 20);
            }
            out.add(String.join(",", f));
        }
        return Files.write(dir.resolve("slow.jtl"), out);
    }

    @Test
    void aSlowerRunExitsFourAndNamesTheOperationInEveryOutput() throws Exception {
        Path markdown = dir.resolve("summary.md");
        Path junit = dir.resolve("junit.xml");
        Cli.Run run = Cli.run("compare", JTL.toString(), slowed().toString(), "--markdown", markdown.toString(),
                "--junit", junit.toString());
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.out().contains("✗ *: p95:+10% on createBook"), run.out());
        assertTrue(run.out().contains("regression: "), run.out());
        assertTrue(Files.readString(markdown).startsWith("### Comparison with the baseline: ❌ regression in "), Files.readString(markdown));
        assertTrue(Files.readString(junit).contains("classname=\"loadsmith.regression.createBook\""), Files.readString(junit));
    }

    @Test
    void theSameRunExitsZeroAndALimitThatMakesNoSenseExitsTwo() {
        Cli.Run same = Cli.run("compare", JTL.toString(), JTL.toString(), "--max-regression", "p99:+5%");
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().endsWith("no regression beyond the limits\n"), same.out());

        Cli.Run wrong = Cli.run("compare", JTL.toString(), JTL.toString(), "--max-regression", "p95:-10%");
        assertEquals(2, wrong.exitCode());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("--max-regression: 'p95:-10%'"), wrong.err());

        Cli.Run missing = Cli.run("compare", JTL.toString(), dir.resolve("nothing.jtl").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nothing.jtl: no such file"), missing.err());
    }
}
