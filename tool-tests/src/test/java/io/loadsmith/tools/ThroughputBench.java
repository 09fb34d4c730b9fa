package io.loadsmith.tools;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.samples.demo.RecordedRequest;
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
 * with the same number of users against a fresh demo API (in a JVM warmed up by one unmeasured
 * run), alternately and in alternating order, several rounds. The rate
 * is counted by the API itself over the steady part of each run (from 3 s after the first
 * request to 1 s before the planned end), so tool start-up does not count, and so is the CPU time
 * the tool's processes spent in that window (/proc). On two cores the demo API runs on CPU 0 and
 * the tool on CPU 1; whichever of the two saturates first sets the requests per second, so the
 * requests per tool CPU-second say what the script itself costs.
 * Run by {@code bench/throughput.sh [USERS] [SECONDS] [ROUNDS]}.
 */
public final class ThroughputBench {
    private static final List<LoadTool> ALL_TOOLS = LoadTools.all();
    /** bench/throughput.sh keeps this JVM (the demo API) on CPU 0; the tool gets CPU 1, so the two do not trade cores. */
    private static final boolean PIN = !"0".equals(System.getProperty("bench.pin", "0"));

    private ThroughputBench() {}

    /** Requests per second the API counted, and requests per CPU-second the tool spent on them. */
    private record Rate(double perSecond, double perCpuSecond) {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<LoadTool> tools = args.length > 3 ? java.util.Arrays.stream(args[3].split(",")).map(LoadTools::byId).toList() : ALL_TOOLS;
        Path work = Files.createDirectories(Path.of("bench/work/throughput"));
        // The tools write their logs and results beside the script: run copies, under bench/work.
        Path handwritten = work.resolve("handwritten").toAbsolutePath();
        Files.createDirectories(handwritten);
        try (var scripts = Files.list(Path.of("bench/throughput/handwritten"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, handwritten.resolve(script.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }

        Generation generation = Loadsmith.generate(TestPaths.samples().resolve("specs/bookshop/openapi.yaml"),
                ImportOptions.defaults().withThinkTime(null),
                new PlanOptions(null, List.of(), null, users, null, Duration.ofSeconds(seconds), List.of()),
                tools, RenderOptions.defaults());
        Path generated = work.resolve("generated").toAbsolutePath();
        Loadsmith.write(generated, generation.files());
        // -Dbench.scripts=DIR measures edited copies (DIR/<tool>/...) in place of the generated scripts.
        if (System.getProperty("bench.scripts") != null) {
            generated = Path.of(System.getProperty("bench.scripts")).toAbsolutePath();
        }

        System.out.printf("%d users, %d s per run, %d rounds, steady window of %d s; requests counted by the demo API,%n"
                + "CPU time of the tool's processes from /proc%n", users, seconds, rounds, seconds - 4);
        System.out.printf("%-10s %-12s %-28s %-8s %-30s %s%n", "tool", "script", "requests/s per round", "median",
                "requests per tool CPU-second", "median");
        for (LoadTool tool : tools) {
            // One unmeasured run first, so that the demo API's JIT is warm for both scripts.
            run(tool, false, handwritten, users, seconds);
            Map<String, List<Rate>> rates = new HashMap<>();
            for (int round = 0; round < rounds; round++) {
                boolean[] order = round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true};
                for (boolean isGenerated : order) {
                    Path dir = isGenerated ? generated.resolve(tool.id()) : handwritten;
                    rates.computeIfAbsent(isGenerated ? "generated" : "hand-written", k -> new ArrayList<>())
                            .add(run(tool, isGenerated, dir, users, seconds));
                }
            }
            for (String kind : List.of("generated", "hand-written")) {
                List<Double> perSecond = rates.get(kind).stream().map(Rate::perSecond).toList();
                List<Double> perCpu = rates.get(kind).stream().map(Rate::perCpuSecond).toList();
                System.out.printf(Locale.ROOT, "%-10s %-12s %-28s %-8.0f %-30s %.0f%n", tool.id(), kind, whole(perSecond),
                        median(perSecond), whole(perCpu), median(perCpu));
            }
            System.out.printf(Locale.ROOT, "%-10s generated / hand-written: requests/s %.3f, requests per CPU-second %.3f%n", tool.id(),
                    median(rates.get("generated").stream().map(Rate::perSecond).toList())
                            / median(rates.get("hand-written").stream().map(Rate::perSecond).toList()),
                    median(rates.get("generated").stream().map(Rate::perCpuSecond).toList())
                            / median(rates.get("hand-written").stream().map(Rate::perCpuSecond).toList()));
        }
    }

    private static String whole(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }

    private static Rate run(LoadTool tool, boolean generated, Path dir, int users, int seconds) throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            URI base = URI.create(api.baseUrl());
            Map<String, String> env = new HashMap<>(Map.of("BASE_URL", api.baseUrl(), "OAUTH_CLIENT_ID", DemoApi.CLIENT_ID,
                    "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET, "ARTILLERY_DISABLE_TELEMETRY", "true",
                    "HEAP", "-Xms512m -Xmx512m", "USERS", Integer.toString(users), "DURATION", Integer.toString(seconds)));
            String launcher = Tools.executable(tool).toString();
            List<String> command = switch (tool.id()) {
                case "locust" -> generated ? List.of(launcher, "-f", "locustfile.py", "--headless", "--only-summary")
                        : List.of(launcher, "-f", "locustfile.py", "--headless", "--only-summary", "-u", Integer.toString(users),
                        "-r", Integer.toString(users), "-t", seconds + "s");
                case "artillery" -> generated ? List.of(launcher, "run", "--target", api.baseUrl(), "scenario.yml")
                        : List.of(launcher, "run", "scenario.yml");
                case "jmeter" -> generated
                        ? List.of(launcher, "-n", "-t", "plan.jmx", "-l", "results.jtl", "-Jjmeterengine.force.system.exit=true")
                        : List.of(launcher, "-n", "-t", "plan.jmx", "-l", "results.jtl", "-Jhost=" + base.getHost(),
                        "-Jport=" + base.getPort(), "-Jclient_id=" + DemoApi.CLIENT_ID, "-Jclient_secret=" + DemoApi.CLIENT_SECRET,
                        "-Jthreads=" + users, "-Jduration=" + seconds);
                // The hand-written script reads USERS and DURATION; the generated one has the plan's workload.
                case "k6" -> List.of(launcher, "run", "--no-usage-report", "--quiet", "script.js");
                // Both compiled by the launcher first (before the first request, so outside the window); no HTML report.
                case "gatling" -> generated
                        ? List.of(launcher, "-nr", "-rf", "results", "-s", "loadsmith.LoadsmithSimulation", "src/test/java",
                        "src/test/resources")
                        : List.of(launcher, "-nr", "-rf", "results", "-Dusers=" + users, "-Dduration=" + seconds, "-s",
                        "BenchSimulation", ".");
                default -> throw new IllegalArgumentException("no command line known for " + tool);
            };
            if (PIN) {
                command = new ArrayList<>(command);
                command.addAll(0, List.of("taskset", "-c", "1"));
            }
            Files.deleteIfExists(dir.resolve("results.jtl"));
            Path log = Files.createTempFile("throughput", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                long first = firstRequest(api, process);
                long from = first + 3_000_000_000L;
                long to = first + (seconds - 1) * 1_000_000_000L;
                sleepUntil(from);
                double cpuFrom = cpuSeconds(process.toHandle());
                sleepUntil(to);
                double cpuTo = cpuSeconds(process.toHandle());
                if (!process.waitFor(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException(tool.id() + " did not end");
                }
                List<RecordedRequest> requests = api.requests().stream().filter(r -> !r.path().endsWith("/oauth/token")).toList();
                long refused = requests.stream().filter(r -> r.status() >= 400).count();
                if (process.exitValue() != 0 || refused > 0) {
                    throw new IllegalStateException(tool.id() + (generated ? " generated" : " hand-written") + " run failed (exit "
                            + process.exitValue() + ", " + refused + " refused)\n" + Files.readString(log));
                }
                long counted = requests.stream().filter(r -> r.nanoTime() >= from && r.nanoTime() < to).count();
                return new Rate(counted / ((to - from) / 1e9), counted / (cpuTo - cpuFrom));
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Files.deleteIfExists(log);
            }
        }
    }

    /** The time of the first request of the flow, once the tool has sent it. */
    private static long firstRequest(DemoApi api, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (RecordedRequest request : api.requests()) {
                if (!request.path().endsWith("/oauth/token")) {
                    return request.nanoTime();
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the tool sent no request");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** User and system CPU time of a process and its descendants, from /proc (clock ticks of 1/100 s). */
    private static double cpuSeconds(ProcessHandle process) {
        double total = 0;
        for (ProcessHandle handle : java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants()).toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (java.io.IOException e) {
                // the process ended between the listing and the read
            }
        }
        return total;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
