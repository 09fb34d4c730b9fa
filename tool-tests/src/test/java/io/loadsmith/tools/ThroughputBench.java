package io.loadsmith.tools;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.Tool;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.RecordedRequest;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.TestPaths;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a generated script costs in throughput: the bookshop flow with no think time, run by the
 * generated script and by a minimal hand-written one ({@code bench/throughput/handwritten}), each
 * with the same number of users against a fresh demo API, alternately, several rounds. The rate
 * is counted by the API itself over the steady part of each run (from 3 s after the first
 * request to 1 s before the planned end), so tool start-up does not count.
 * Run by {@code bench/throughput.sh [USERS] [SECONDS] [ROUNDS]}.
 */
public final class ThroughputBench {
    private static final List<Tool> TOOLS = List.of(Tool.LOCUST, Tool.ARTILLERY, Tool.JMETER);

    private ThroughputBench() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createDirectories(Path.of("bench/work/throughput"));
        Path handwritten = Path.of("bench/throughput/handwritten").toAbsolutePath();

        Generation generation = Loadsmith.generate(TestPaths.samples().resolve("specs/bookshop/openapi.yaml"),
                ImportOptions.defaults().withThinkTime(null),
                new PlanOptions(null, List.of(), null, users, null, Duration.ofSeconds(seconds), List.of()),
                TOOLS, RenderOptions.defaults());
        Path generated = work.resolve("generated").toAbsolutePath();
        Loadsmith.write(generated, generation.files());

        System.out.printf("%d users, %d s per run, %d rounds; requests/s counted by the demo API%n", users, seconds, rounds);
        System.out.printf("%-10s %-12s %s%n", "tool", "script", "requests/s per round");
        for (Tool tool : TOOLS) {
            Map<String, List<Double>> rates = new HashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (boolean isGenerated : new boolean[] {true, false}) {
                    Path dir = isGenerated ? generated.resolve(tool.id()) : handwritten;
                    double rate = run(tool, isGenerated, dir, users, seconds);
                    rates.computeIfAbsent(isGenerated ? "generated" : "handwritten", k -> new ArrayList<>()).add(rate);
                }
            }
            double mine = median(rates.get("generated"));
            double theirs = median(rates.get("handwritten"));
            for (String kind : List.of("generated", "handwritten")) {
                System.out.printf(Locale.ROOT, "%-10s %-12s %s  median %.0f%n", tool.id(), kind,
                        rates.get(kind).stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList(), median(rates.get(kind)));
            }
            System.out.printf(Locale.ROOT, "%-10s generated / hand-written = %.3f%n", tool.id(), mine / theirs);
        }
    }

    private static double run(Tool tool, boolean generated, Path dir, int users, int seconds) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            URI base = URI.create(api.baseUrl());
            Map<String, String> env = new HashMap<>(Map.of("BASE_URL", api.baseUrl(), "OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                    "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET, "ARTILLERY_DISABLE_TELEMETRY", "true",
                    "HEAP", "-Xms512m -Xmx512m", "USERS", Integer.toString(users), "DURATION", Integer.toString(seconds)));
            String launcher = Tools.executable(tool).toString();
            List<String> command = switch (tool) {
                case LOCUST -> generated ? List.of(launcher, "-f", "locustfile.py", "--headless", "--only-summary")
                        : List.of(launcher, "-f", "locustfile.py", "--headless", "--only-summary", "-u", Integer.toString(users),
                        "-r", Integer.toString(users), "-t", seconds + "s");
                case ARTILLERY -> generated ? List.of(launcher, "run", "--target", api.baseUrl(), "scenario.yml")
                        : List.of(launcher, "run", "scenario.yml");
                case JMETER -> generated
                        ? List.of(launcher, "-n", "-t", "plan.jmx", "-l", "results.jtl", "-Jjmeterengine.force.system.exit=true")
                        : List.of(launcher, "-n", "-t", "plan.jmx", "-l", "results.jtl", "-Jhost=" + base.getHost(),
                        "-Jport=" + base.getPort(), "-Jthreads=" + users, "-Jduration=" + seconds);
                case K6 -> throw new IllegalArgumentException("k6 is not installed here");
            };
            Files.deleteIfExists(dir.resolve("results.jtl"));
            Processes.Result result = Processes.run(command, dir, env, seconds + 120L);
            List<RecordedRequest> requests = api.requests().stream().filter(r -> !r.path().endsWith("/oauth/token")).toList();
            if (result.exitCode() != 0 || requests.stream().anyMatch(r -> r.status() >= 400)) {
                throw new IllegalStateException(tool.id() + (generated ? " generated" : " hand-written") + " run failed (exit "
                        + result.exitCode() + ", " + requests.stream().filter(r -> r.status() >= 400).count() + " refused)\n"
                        + result.stdout() + result.stderr());
            }
            long first = requests.stream().mapToLong(RecordedRequest::nanoTime).min().orElseThrow();
            long from = first + 3_000_000_000L;
            long to = first + (seconds - 1) * 1_000_000_000L;
            long counted = requests.stream().filter(r -> r.nanoTime() >= from && r.nanoTime() < to).count();
            return counted / ((to - from) / 1e9);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
