package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import io.loadsmith.model.Step;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.RunFiles;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.render.escape.HostileStrings;
import io.loadsmith.testing.HostileSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-text document, generated for k6, Locust, Artillery and JMeter and run by the real tool
 * against a server that records every request: each string of {@link HostileStrings} (quotes,
 * line breaks, {@code ${...}}, {@code {{ }}}, {@code __groovy}, format strings, XML, YAML) reaches
 * the wire as the path parameter, query name and value, header and JSON body key and value that
 * the plan gives, and comes back unchanged in the names the tool reports. Nothing in them is run
 * as code or expanded as a tool expression: that would change a request, or stop the run.
 */
class HostileRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> H = HostileStrings.ALL;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.loadsmith.testing.ToolSource#all")
    void everyValueReachesTheWireUnchanged(LoadTool tool) throws Exception {
        Path spec = HostileSpec.write(dir);
        PlanOptions options = new PlanOptions(null, List.of(), null, 1, null, Duration.ofSeconds(2), List.of());
        TestPlan imported = Loadsmith.generate(spec, HostileSpec.IMPORT.withThinkTime(null), options, List.of(tool),
                RenderOptions.defaults()).plan();
        // Each tag is a scenario of its own; its steps also go into a group of its name, so that every hostile string
        // is a scenario name and a group name too. Each iteration runs one scenario: without think time, enough
        // iterations run them all (Artillery picks one per user, so it gets a dozen users per scenario).
        int users = tool.equals(LoadTools.ARTILLERY) ? 12 * imported.scenarios().size() : 2;
        TestPlan plan = imported.toBuilder()
                .scenarios(imported.scenarios().stream()
                        .map(s -> new Scenario(s.name(), s.weight(), List.<Step>of(new Group(s.name(), s.steps())))).toList())
                .workload(Workload.ClosedWorkload.constant(users, Duration.ofSeconds(3)))
                .build();
        Path out = dir.resolve("out");
        Loadsmith.write(out, Loadsmith.render(plan, tool).files());

        // The plan holds the hostile strings themselves, so a wire equal to the plan is a wire that holds them.
        List<HttpRequest> requests = plan.requests();
        assertEquals(H.size(), requests.size());
        for (int i = 0; i < H.size(); i++) {
            HttpRequest request = requests.get(i);
            assertEquals(H.get(i), request.pathParams().get(0).value().literalValue(), "path parameter " + i);
            assertEquals(H.get(i), request.query().get(0).name(), "query name " + i);
            assertEquals(H.get(i), request.query().get(0).value().literalValue(), "query value " + i);
        }

        try (RecordingServer server = new RecordingServer()) {
            ToolRun run = ToolRun.run(tool, out, Map.of("BASE_URL", server.baseUrl()), 120).requireClean();
            Map<String, WireCheck.Received> byName = new WireCheck(plan, Map.of()).check(server.requests(), r -> false);
            byName.forEach((name, received) -> assertFalse(received.requests().isEmpty(), name + " was never sent"));

            Set<String> names = new TreeSet<>(requests.stream().map(HttpRequest::name).toList());
            Set<String> groups = new TreeSet<>();
            plan.scenarios().forEach(s -> groups(s.steps(), groups));
            assertEquals(new HashSet<>(H), groups, "every tag became a group");
            assertEquals(new HashSet<>(H), new HashSet<>(plan.scenarios().stream().map(Scenario::name).toList()),
                    "every tag became a scenario");
            Set<String> reported = reportedNames(tool, run.dir());
            assertTrue(reported.containsAll(names), tool + " reported " + reported + ", expected every request of " + names);
            Set<String> known = new HashSet<>(names);
            known.addAll(groups);
            assertTrue(known.containsAll(reported), tool + " reported names the plan does not hold: " + minus(reported, known));
            if (tool.equals(LoadTools.K6)) {
                // k6 also reports each check by its name, and the group it ran in ('::' + name).
                Set<String> checks = new TreeSet<>();
                Set<String> k6Groups = new TreeSet<>();
                for (JsonNode sample : k6Points(run.dir(), "checks")) {
                    checks.add(sample.path("data").path("tags").path("check").asText());
                    k6Groups.add(sample.path("data").path("tags").path("group").asText());
                }
                Set<String> expectedChecks = new TreeSet<>(names.stream().map(name -> name + ": status is 200").toList());
                assertEquals(expectedChecks, checks, "check names read back");
                assertEquals(new TreeSet<>(H.stream().map(name -> "::" + name).toList()), k6Groups, "group names read back");
            }
        }
    }

    private static List<JsonNode> k6Points(Path dir, String metric) throws Exception {
        List<JsonNode> points = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("samples.ndjson"))) {
            JsonNode sample = JSON.readTree(line);
            if (sample.path("type").asText().equals("Point") && sample.path("metric").asText().equals(metric)) {
                points.add(sample);
            }
        }
        return points;
    }

    /** The request names the tool wrote in its own results. */
    private static Set<String> reportedNames(LoadTool tool, Path dir) throws Exception {
        Set<String> names = new TreeSet<>();
        switch (tool.id()) {
            case "locust" -> ToolRun.csv(dir.resolve("stats_stats.csv")).stream().map(row -> row.get("Name"))
                    .filter(name -> !name.equals("Aggregated")).forEach(names::add);
            case "jmeter" -> ToolRun.csv(dir.resolve("results.jtl")).forEach(row -> names.add(row.get("label")));
            case "artillery" -> {
                String prefix = "plugins.metrics-by-endpoint.";
                String suffix = ".codes.200";
                JsonNode counters = JSON.readTree(dir.resolve("report.json").toFile()).path("aggregate").path("counters");
                counters.fieldNames().forEachRemaining(counter -> {
                    if (counter.startsWith(prefix) && counter.endsWith(suffix)) {
                        names.add(counter.substring(prefix.length(), counter.length() - suffix.length()));
                    }
                });
            }
            // Every request is an http_reqs point tagged with its name.
            case "k6" -> k6Points(dir, "http_reqs").forEach(sample -> names.add(sample.path("data").path("tags").path("name").asText()));
            // Gatling's own log, as its report reads it.
            case "gatling" -> ResultParsers.parse(RunFiles.find(dir, "results/*/simulation.log").orElseThrow(), tool, Set.of())
                    .operations().forEach(operation -> names.add(operation.name()));
            default -> throw new IllegalArgumentException("no results known for " + tool);
        }
        return names;
    }

    private static void groups(List<Step> steps, Set<String> into) {
        for (Step step : steps) {
            if (step instanceof Group group) {
                into.add(group.name());
                groups(group.steps(), into);
            }
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
