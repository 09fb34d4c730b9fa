package io.loadsmith.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A short fuzz run of every reader, with a fixed seed: each input ends in a result or in the
 * reader's located error, never in another exception or a hang. {@code bench/fuzz.sh} runs the
 * same for minutes ({@code -Dloadsmith.fuzz.seconds}, {@code -Dloadsmith.fuzz.seed}). With the
 * corpus suite on, its documents, recordings and tool outputs are seeds too.
 */
class ReaderFuzzTest {
    private static final long SECONDS = Long.getLong("loadsmith.fuzz.seconds", 0);
    private static final long SEED = Long.getLong("loadsmith.fuzz.seed", 20261202L);
    /** Inputs per reader in the test command: a few seconds each. */
    private static final int INPUTS = Integer.getInteger("loadsmith.fuzz.inputs", 400);

    @Test
    void importersAnswerEveryInputWithAPlanOrALocatedError() throws IOException {
        List<Path> seeds = new ArrayList<>(files(TestPaths.samples().resolve("specs"), ".yaml", ".json"));
        seeds.addAll(files(TestPaths.samples().resolve("hars"), ".har"));
        seeds.addAll(files(TestPaths.samples().resolve("plans"), ".yaml"));
        seeds.addAll(files(TestPaths.samples().resolve("src/main/resources"), ".graphqls"));
        if (Corpus.enabled()) {
            seeds.addAll(small(files(TestPaths.corpus().resolve("specs"), ".yaml", ".yml", ".json")));
            seeds.addAll(small(files(TestPaths.corpus().resolve("har"), ".har")));
        }
        fuzz(ReaderFuzz.Target.IMPORT, seeds);
    }

    @Test
    void resultParsersAnswerEveryInputWithFiguresOrALocatedError() throws IOException {
        List<Path> seeds = new ArrayList<>(files(TestPaths.samples().resolve("results"), ".json", ".csv", ".jtl", ".log", ".gz"));
        if (Corpus.enabled()) {
            seeds.addAll(small(files(TestPaths.corpus().resolve("outputs"), ".json", ".csv", ".jtl", ".log", ".gz", ".xml")));
            seeds.addAll(small(files(TestPaths.corpus().resolve("outputs-generated"), ".json", ".csv", ".jtl", ".log", ".gz")));
        }
        fuzz(ReaderFuzz.Target.RESULTS, seeds);
    }

    private static void fuzz(ReaderFuzz.Target target, List<Path> seeds) throws IOException {
        assertTrue(seeds.size() >= 5, "seeds: " + seeds);
        Path kept = Path.of("target", "fuzz-failures");
        ReaderFuzz fuzz = new ReaderFuzz(seeds, kept, Duration.ofSeconds(SECONDS > 0 ? 60 : 20));
        int inputs = SECONDS > 0 ? Integer.MAX_VALUE : INPUTS;
        long deadline = System.nanoTime() + (SECONDS > 0 ? SECONDS : 120) * 1_000_000_000L;
        ReaderFuzz.Report report = fuzz.run(target, SEED, inputs, deadline);
        System.out.printf("fuzz %s: seed %d, %d seeds, %d inputs: %d read, %d refused with a located error, %d failures%n",
                target, SEED, seeds.size(), report.inputs(), report.read(), report.refused(), report.failures().size());
        assertTrue(report.failures().isEmpty(), report.failures().size() + " inputs failed (kept in " + kept.toAbsolutePath()
                + "):\n" + report.failures().stream().limit(20).map(f -> f.input().getFileName() + ": " + f.problem())
                .collect(Collectors.joining("\n")));
    }

    private static List<Path> files(Path dir, String... extensions) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeds small enough that hundreds of mutants read in seconds. */
    private static List<Path> small(List<Path> files) {
        return files.stream().filter(p -> p.toFile().length() <= 256 * 1024).toList();
    }
}
