package io.loadsmith.fuzz;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Feeds a reader random and mutated inputs and sorts what happens: a result, the reader's one
 * located error ({@link ImportException}, {@link ResultParseException}: exit 2 in the CLI), or a
 * failure: any other exception or error, or no answer within the time allowed. Inputs start from
 * real files (the seeds) and are cut, flipped, spliced, stuffed with tokens that mean something to
 * JSON, YAML, CSV or XML, or replaced by random bytes. Every failing input is kept in a folder, to
 * become a fixture.
 */
public final class ReaderFuzz {
    /** A reader: importing a document, or parsing a tool's output. */
    public enum Target {
        IMPORT(path -> Loadsmith.importFile(path, ImportOptions.defaults())),
        RESULTS(path -> ResultParsers.parse(path, null, Set.of(99.9)));

        private final Consumer<Path> reader;

        Target(Consumer<Path> reader) {
            this.reader = reader;
        }
    }

    /** What one input did. */
    public record Failure(Target target, Path input, String problem) {}

    /** The counts of a fuzz run. */
    public record Report(int inputs, int read, int refused, List<Failure> failures) {}

    private static final byte[][] TOKENS = tokens("{", "}", "[", "]", "\"", "'", ":", ",", "\n", "\r\n", "\t", "null", "true", "-1",
            "0", "1e999", "-1e-999", "99999999999999999999999999", "NaN", "\"$ref\": \"#/definitions/x\"", "$ref: '#/x'",
            "$ref: other.yaml#/x", "&a [*a, *a]", "*a", "!!binary", "!!python/object", "---", "...", "- ", "? ", "|", ">",
            "<", ">", "</", "<![CDATA[", "]]>", "&amp;", "&#0;", "\u0000", "\uFEFF", "%", "${", "{{", "\\", "\\u0000",
            "\\ud800", "\"\\ud800\"", "\"\"", "{}", "[]", "[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":", "2026-13-45T25:61:61Z",
            "1.7e308", "-0", "\"openapi\": \"3.1.0\"", "swagger: '2.0'", "\"log\":", "\"entries\":", "timeStamp,elapsed,label",
            "\"type\":\"Point\"", "REQUEST\t", "Type,Name,", "\"aggregate\":");

    private final List<Path> seeds;
    private final Path failures;
    private final Duration timeout;

    public ReaderFuzz(List<Path> seeds, Path failures, Duration timeout) {
        this.seeds = List.copyOf(seeds);
        this.failures = failures;
        this.timeout = timeout;
    }

    /**
     * Runs inputs made from the seeds by a generator with this seed, until {@code inputs} inputs
     * were run or the deadline passed, whichever comes first.
     */
    public Report run(Target target, long seed, int inputs, long deadlineNanos) throws IOException {
        Random random = new Random(seed);
        List<byte[]> contents = new ArrayList<>();
        for (Path path : seeds) {
            contents.add(plain(Files.readAllBytes(path)));
        }
        Path work = Files.createTempDirectory("loadsmith-fuzz-");
        ExecutorService executor = Executors.newSingleThreadExecutor(daemon());
        int read = 0;
        int refused = 0;
        int count = 0;
        List<Failure> found = new ArrayList<>();
        try {
            for (; count < inputs && System.nanoTime() < deadlineNanos; count++) {
                int from = random.nextInt(seeds.size());
                Path seedPath = seeds.get(from);
                byte[] input = mutate(random, contents.get(from), contents.get(random.nextInt(contents.size())));
                String name = seedPath.getFileName().toString();
                Path file = work.resolve(name);
                Files.write(file, name.endsWith(".gz") ? gzip(input) : input);
                Future<?> run = executor.submit(() -> target.reader.accept(file));
                String problem = null;
                try {
                    run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    read++;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof ImportException || cause instanceof ResultParseException) {
                        refused++;
                    } else {
                        problem = describe(cause);
                    }
                } catch (TimeoutException e) {
                    run.cancel(true);
                    executor.shutdownNow();
                    executor = Executors.newSingleThreadExecutor(daemon());
                    problem = "no answer within " + timeout.toMillis() + " ms";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (problem != null) {
                    Files.createDirectories(failures);
                    Path kept = failures.resolve(target.name().toLowerCase() + "-" + seed + "-" + count + "-" + name);
                    Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                    found.add(new Failure(target, kept, problem + " (from " + seedPath + ")"));
                }
                Files.deleteIfExists(file);
            }
        } finally {
            executor.shutdownNow();
            deleteTree(work);
        }
        return new Report(count, read, refused, found);
    }

    /** The exception, and where in Loadsmith's code it came from. */
    private static String describe(Throwable cause) {
        String where = Arrays.stream(cause.getStackTrace()).filter(f -> f.getClassName().startsWith("io.loadsmith."))
                .findFirst().map(f -> " at " + f).orElse("");
        return cause + where;
    }

    /** One of the mutations, or a few in a row. */
    static byte[] mutate(Random random, byte[] seed, byte[] other) {
        byte[] out = seed;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = mutateOnce(random, out, other);
        }
        return out;
    }

    private static byte[] mutateOnce(Random random, byte[] in, byte[] other) {
        int length = in.length;
        int at = length == 0 ? 0 : random.nextInt(length + 1);
        switch (random.nextInt(9)) {
            case 0: // cut short, as a killed run leaves a file
                return Arrays.copyOf(in, at);
            case 1: { // flip bytes
                byte[] out = in.clone();
                for (int n = 1 + random.nextInt(8); n > 0 && out.length > 0; n--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 2: { // delete a range
                int end = Math.min(length, at + 1 + random.nextInt(Math.max(1, length / 8 + 1)));
                return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, end, length));
            }
            case 3: { // repeat a range
                int end = Math.min(length, at + 1 + random.nextInt(256));
                byte[] range = Arrays.copyOfRange(in, at, end);
                return concat(Arrays.copyOf(in, end), range, Arrays.copyOfRange(in, at, length));
            }
            case 4: case 5: { // a token where it does not belong
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                return concat(Arrays.copyOf(in, at), token, Arrays.copyOfRange(in, at, length));
            }
            case 6: { // the start of one file and the end of another
                int cut = other.length == 0 ? 0 : random.nextInt(other.length);
                return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(other, cut, other.length));
            }
            case 7: { // a number far beyond 64 bits
                byte[] digits = ("1" + "0".repeat(random.nextInt(400))).getBytes(StandardCharsets.US_ASCII);
                return concat(Arrays.copyOf(in, at), digits, Arrays.copyOfRange(in, at, length));
            }
            default: { // random bytes
                byte[] out = new byte[random.nextInt(512)];
                random.nextBytes(out);
                return random.nextBoolean() ? out : concat(Arrays.copyOf(in, at), out);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[][] tokens(String... tokens) {
        byte[][] out = new byte[tokens.length + 1][];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = tokens[i].getBytes(StandardCharsets.UTF_8);
        }
        out[tokens.length] = new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3};
        return out;
    }

    /** A gzip file's content, so that mutations reach the format inside (the input is gzipped again). */
    private static byte[] plain(byte[] bytes) throws IOException {
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "fuzz-reader");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
