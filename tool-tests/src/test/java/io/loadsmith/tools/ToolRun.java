package io.loadsmith.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.RunFiles;
import io.loadsmith.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a real load tool on a generated script, the way its users run it, and what the tool
 * itself reported: script errors, failed checks, failed requests.
 */
record ToolRun(LoadTool tool, Processes.Result result, Path dir, List<String> problems) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the tool's script under {@code out} (a folder {@code loadsmith generate} wrote) with these environment variables. */
    static ToolRun run(LoadTool tool, Path out, Map<String, String> env, long timeoutSeconds) {
        return run(tool, out, env, List.of(), timeoutSeconds);
    }

    /** The same, with options of the tool's own command line (such as a user's -u/-r/-t for Locust) before the script. */
    static ToolRun run(LoadTool tool, Path out, Map<String, String> env, List<String> options, long timeoutSeconds) {
        Path launcher = Tools.executable(tool);
        Path dir = out.resolve(tool.id());
        Map<String, String> environment = new HashMap<>(env);
        environment.put("ARTILLERY_DISABLE_TELEMETRY", "true");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        switch (tool.id()) {
            case "locust" -> command.addAll(List.of("--headless", "--only-summary", "--csv", "stats"));
            case "artillery" -> {
                command.addAll(List.of("run", "--output", "report.json"));
                // Artillery's own way to retarget a script; the other tools read BASE_URL themselves.
                if (env.containsKey("BASE_URL")) {
                    command.addAll(List.of("--target", env.get("BASE_URL")));
                }
            }
            case "jmeter" -> {
                environment.put("HEAP", "-Xms256m -Xmx512m");
                command.addAll(List.of("-n", "-l", "results.jtl", "-j", "jmeter.log",
                        // Open Model Thread Groups leave an idle pool thread that would hold the JVM for a minute.
                        "-Jjmeterengine.force.system.exit=true"));
            }
            // Its REST API on a port of its own: two k6 runs at a time would both want 6565.
            case "k6" -> command.addAll(List.of("run", "--no-usage-report", "--address", "127.0.0.1:0", "--summary-export",
                    "summary.json", "--out", "json=samples.ndjson"));
            // The launcher of tools/install-gatling.sh, as the pom's `mvn gatling:test` would run it, without reports.
            case "gatling" -> command.addAll(List.of("-s", "loadsmith.LoadsmithSimulation", "-rf", "results", "-nr"));
        }
        command.addAll(options);
        command.addAll(switch (tool.id()) {
            case "locust" -> List.of("-f", "locustfile.py");
            case "artillery" -> List.of("scenario.yml");
            case "jmeter" -> List.of("-t", "plan.jmx");
            case "k6" -> List.of("script.js");
            case "gatling" -> List.of("src/test/java", "src/test/resources");
            default -> throw new IllegalArgumentException("no command line known for " + tool);
        });
        Processes.Result result = Processes.run(command, dir, environment, timeoutSeconds);
        return new ToolRun(tool, result, dir, problems(tool, result, dir));
    }

    /** Everything the tool reported as wrong; empty for a clean run. */
    private static List<String> problems(LoadTool tool, Processes.Result result, Path dir) {
        List<String> problems = new ArrayList<>();
        if (result.exitCode() != 0) {
            problems.add(tool.id() + " exited with " + result.exitCode());
        }
        if (result.stderr().contains("Traceback") || result.stdout().contains("Traceback")) {
            problems.add("a Python traceback");
        }
        try {
            switch (tool.id()) {
                case "locust" -> {
                    for (Map<String, String> row : csv(dir.resolve("stats_failures.csv"))) {
                        problems.add("failure: " + row);
                    }
                    for (Map<String, String> row : csv(dir.resolve("stats_exceptions.csv"))) {
                        problems.add("exception: " + row);
                    }
                }
                case "artillery" -> {
                    JsonNode counters = JSON.readTree(dir.resolve("report.json").toFile()).path("aggregate").path("counters");
                    counters.fields().forEachRemaining(counter -> {
                        String name = counter.getKey();
                        if ((name.startsWith("errors.") || name.equals("vusers.failed") || name.startsWith("plugins.expect.failed")
                                || name.startsWith("loadsmith.ws.") && name.contains(".errors."))
                                && counter.getValue().asLong() > 0) {
                            problems.add(name + " = " + counter.getValue());
                        }
                    });
                }
                case "jmeter" -> {
                    for (Map<String, String> row : csv(dir.resolve("results.jtl"))) {
                        if (!"true".equals(row.get("success"))) {
                            problems.add("failed sample: " + row.get("label") + " " + row.get("responseCode") + " "
                                    + row.get("responseMessage") + " " + row.get("failureMessage"));
                        }
                    }
                    for (String line : Files.readAllLines(dir.resolve("jmeter.log"))) {
                        if (line.contains(" ERROR ")) {
                            problems.add(line);
                        }
                    }
                }
                case "k6" -> {
                    JsonNode metrics = JSON.readTree(dir.resolve("summary.json").toFile()).path("metrics");
                    // A Rate counts its true values as passes: for http_req_failed, the failed requests.
                    if (metrics.path("http_req_failed").path("passes").asLong() > 0) {
                        problems.add("failed requests: " + metrics.path("http_req_failed"));
                    }
                    if (metrics.path("checks").path("fails").asLong() > 0) {
                        problems.add("failed checks: " + metrics.path("checks"));
                    }
                    for (String line : (result.stdout() + "\n" + result.stderr()).split("\n")) {
                        if (line.contains("level=error") || line.contains("level=warning")) {
                            problems.add(line);
                        }
                    }
                }
                case "gatling" -> {
                    // Gatling's log holds the failed requests; its console (the Errors table) says why.
                    Path log = RunFiles.find(dir, "results/*/simulation.log").orElseThrow(() -> new IOException("no simulation.log"));
                    long failed = ResultParsers.parse(log, tool, Set.of()).total().failures();
                    if (failed > 0) {
                        problems.add(failed + " failed requests");
                        boolean errors = false;
                        for (String line : result.stdout().split("\n")) {
                            errors = line.startsWith("---- Errors") || errors && line.startsWith("> ");
                            if (errors && line.startsWith("> ")) {
                                problems.add(line);
                            }
                        }
                    }
                    for (String line : (result.stdout() + "\n" + result.stderr()).split("\n")) {
                        if (line.contains("[ERROR]") || line.contains("Exception")) {
                            problems.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            problems.add("cannot read the tool's output: " + e);
        }
        return problems;
    }

    /** The rows of a CSV file with a header line, as Locust and JMeter write them. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing");
        }
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        }
    }

    String output() {
        return result.stdout() + "\n" + result.stderr();
    }

    /** Fails with the tool's own words when it reported anything wrong. */
    ToolRun requireClean() {
        if (!problems.isEmpty()) {
            throw new AssertionError(tool.id() + " reported problems: " + problems + "\n--- output ---\n"
                    + tail(output(), 4000));
        }
        return this;
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
