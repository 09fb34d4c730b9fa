package io.loadsmith.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the class-data archive the launcher ({@code ./loadsmith}) makes once after
 * each build: it generates the scripts of every tool for each input it is given, in one JVM, so
 * that the JVM started with {@code -XX:ArchiveClassesAtExit} archives the classes a
 * {@code generate} loads (swagger-parser's, Jackson's, the importers', the renderers'). Every
 * later run maps them from the archive instead of loading and verifying them from the jar. Not a
 * command: nothing it writes is kept, and what it prints is dropped.
 */
public final class Training {
    private Training() {}

    /** Generates each input (a spec, a HAR, a plan file) for every tool; exits 1 if one fails. */
    public static void main(String[] inputs) throws IOException {
        Path out = Files.createTempDirectory("loadsmith-training");
        PrintStream console = System.out;
        int failed = 0;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8"));
            for (int i = 0; i < inputs.length; i++) {
                String[] args = {"generate", inputs[i], "--tool", "all", "--seed", "1", "--out", out.resolve("input-" + i).toString()};
                if (Main.commandLine(args).execute(args) != 0) {
                    failed++;
                }
            }
        } finally {
            System.setOut(console);
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        if (failed > 0) {
            System.err.println("loadsmith training: " + failed + " of " + inputs.length + " inputs did not generate");
            System.exit(1);
        }
    }
}
