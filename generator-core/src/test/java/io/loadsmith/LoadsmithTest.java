package io.loadsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.model.Param;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Variable;
import io.loadsmith.model.Workload;
import io.loadsmith.model.WorkloadPreset;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.testing.Samples;
import io.loadsmith.tool.LoadTools;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API as README shows it: import, adjust as the command line does, render, write. */
class LoadsmithTest {
    @TempDir
    Path dir;

    private static Path bookshop() {
        return Samples.all().stream().filter(s -> s.name().equals("bookshop")).findFirst().orElseThrow().path();
    }

    private static TestPlan plan() {
        return Loadsmith.importFile(bookshop(), ImportOptions.defaults().withSeed(1)).plan();
    }

    private static PlanOptions options(String baseUrl, List<String> headers, WorkloadPreset profile, Integer users, Double rate,
                                       Duration duration, List<String> thresholds) {
        return new PlanOptions(baseUrl, headers, profile, users, rate, duration, thresholds);
    }

    private static PlanOptions workload(WorkloadPreset profile, Integer users, Double rate, Duration duration) {
        return options(null, List.of(), profile, users, rate, duration, List.of());
    }

    @Test
    void noAdjustmentKeepsThePlan() {
        TestPlan plan = plan();
        ImportResult same = Loadsmith.customize(plan, PlanOptions.none());
        assertSame(plan, same.plan());
        assertTrue(same.diagnostics().isEmpty());
        assertFalse(PlanOptions.none().changesWorkload());
    }

    @Test
    void theBaseUrlLosesItsTrailingSlashes() {
        TestPlan plan = Loadsmith.customize(plan(), options("https://staging.example.com/api//", List.of(), null, null, null, null,
                List.of())).plan();
        assertEquals("https://staging.example.com/api", plan.baseUrl());
        assertEquals(plan().workload(), plan.workload(), "the workload is the plan's own");
    }

    @Test
    void aHeaderIsAddedAndReplacesOneOfTheSameNameInAnyCase() {
        TestPlan plan = Loadsmith.customize(plan(), options(null, List.of("X-Tenant: acme", "x-tenant:  other ", "Accept: */*"),
                null, null, null, null, List.of())).plan();
        assertEquals(List.of(new Param("x-tenant", Text.of("other")), new Param("Accept", Text.of("*/*"))), plan.headers());
    }

    @Test
    void aSecretHeaderBecomesAVariableAndIsNeverWritten() {
        ImportResult result = Loadsmith.customize(plan(), options(null, List.of("Authorization: Bearer abc.def", "X-Api-Key: k3y"),
                null, null, null, null, List.of()));
        TestPlan plan = result.plan();
        Param authorization = plan.headers().get(0);
        assertEquals("Authorization", authorization.name());
        assertEquals(Text.concat(Text.of("Bearer "), Text.ref("AUTHORIZATION")), authorization.value());
        assertEquals(Text.ref("X_API_KEY"), plan.headers().get(1).value());
        Variable variable = plan.variable("AUTHORIZATION");
        assertTrue(variable.secret());
        assertEquals("Value (after 'Bearer ') of the Authorization header", variable.description());
        assertEquals("Value of the X-Api-Key header", plan.variable("X_API_KEY").description());
        assertEquals(2, result.diagnostics().size());
        assertEquals("the value is a secret and is not written into the scripts; set the environment variable AUTHORIZATION "
                + "to the part after 'Bearer ' when running", result.diagnostics().get(0).message());
        assertEquals("--header Authorization", result.diagnostics().get(0).subject());
        assertTrue(result.diagnostics().get(1).message().endsWith("X_API_KEY to it when running"));
        assertFalse(plan.toString().contains("abc.def") || plan.toString().contains("k3y"), "no secret in the plan");
    }

    @Test
    void aHeaderWithoutANameIsRefused() {
        for (String header : List.of("no colon here", ": value")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loadsmith.customize(plan(),
                    options(null, List.of(header), null, null, null, null, List.of())));
            assertEquals("--header '" + header + "' must look like 'Name: value'", e.getMessage());
        }
        assertEquals(List.of(new Param("A", Text.of(""))), Loadsmith.customize(plan(),
                options(null, List.of("A:"), null, null, null, null, List.of())).plan().headers(), "an empty value is a value");
    }

    @Test
    void thresholdsAreAddedOnce() {
        TestPlan plan = Loadsmith.customize(plan(), options(null, List.of(), null, null, null, null,
                List.of("p95<500ms", "p95<500ms", "error-rate<1%"))).plan();
        int before = plan().thresholds().size();
        assertEquals(before + (plan().thresholds().contains(Threshold.parse("p95<500ms")) ? 0 : 1)
                + (plan().thresholds().contains(Threshold.parse("error-rate<1%")) ? 0 : 1), plan.thresholds().size());
        assertTrue(plan.thresholds().contains(Threshold.parse("p95<500ms")));
        assertTrue(plan.thresholds().contains(Threshold.parse("error-rate<1%")));
    }

    @Test
    void aProfileGivesTheWorkloadItsShape() {
        Workload workload = Loadsmith.customize(plan(), workload(Loadsmith.profile("stress"), 30, null, Duration.ofMinutes(4)))
                .plan().workload();
        assertEquals(WorkloadPreset.STRESS.workload(30, null, Duration.ofMinutes(4)), workload);
        assertTrue(workload(Loadsmith.profile("smoke"), null, null, null).changesWorkload());
    }

    @Test
    void aRateAloneMakesAnOpenWorkloadForThePlansDuration() {
        TestPlan plan = plan();
        Workload workload = Loadsmith.customize(plan, workload(null, null, 2.5, null)).plan().workload();
        assertEquals(Workload.OpenWorkload.constant(2.5, plan.workload().duration(), 3, 25), workload,
                "3 users to start (the rate, rounded up), at most ten times the rate");
        assertEquals(Workload.OpenWorkload.constant(0.5, Duration.ofMinutes(2), 1, 10),
                Loadsmith.customize(plan, workload(null, null, 0.5, Duration.ofMinutes(2))).plan().workload(), "at least 1 and 10");
        assertEquals(Workload.OpenWorkload.constant(50, Duration.ofMinutes(1), 8, 8),
                Loadsmith.customize(plan, workload(null, 8, 50.0, Duration.ofMinutes(1))).plan().workload(),
                "--users caps the users, also the ones to start with");
        assertTrue(workload(null, null, 1.0, null).changesWorkload());
    }

    @Test
    void usersOrADurationAloneMakeAConstantClosedWorkload() {
        TestPlan plan = plan();
        assertEquals(Workload.ClosedWorkload.constant(7, plan.workload().duration()),
                Loadsmith.customize(plan, workload(null, 7, null, null)).plan().workload());
        int peak = ((Workload.ClosedWorkload) plan.workload()).peakUsers();
        assertEquals(Workload.ClosedWorkload.constant(Math.max(1, peak), Duration.ofSeconds(90)),
                Loadsmith.customize(plan, workload(null, null, null, Duration.ofSeconds(90))).plan().workload(),
                "the plan's peak users");
        TestPlan open = plan.toBuilder().workload(Workload.OpenWorkload.constant(5, Duration.ofMinutes(3), 5, 50)).build();
        assertEquals(Workload.ClosedWorkload.constant(1, Duration.ofSeconds(90)),
                Loadsmith.customize(open, workload(null, null, null, Duration.ofSeconds(90))).plan().workload(),
                "an open plan has no users to keep: one");
        assertTrue(workload(null, 7, null, null).changesWorkload());
        assertTrue(workload(null, null, null, Duration.ofSeconds(1)).changesWorkload());
    }

    @Test
    void generateRendersEveryToolInItsOrderWithOneEnvExample() {
        Generation generation = Loadsmith.generate(bookshop(), ImportOptions.defaults().withSeed(1), PlanOptions.none(),
                Loadsmith.tools(), RenderOptions.defaults());
        List<String> folders = generation.files().stream().map(RenderedFile::path).filter(p -> p.contains("/"))
                .map(p -> p.substring(0, p.indexOf('/'))).distinct().toList();
        assertEquals(List.of("k6", "locust", "artillery", "jmeter", "gatling"), folders);
        assertEquals(1, generation.files().stream().filter(f -> f.path().equals(".env.example")).count());
        assertEquals(Loadsmith.render(generation.plan(), LoadTools.K6, RenderOptions.defaults().withSourceName("openapi.yaml"))
                .files().get(0).text(), generation.files().get(0).text(), "the same as rendering one tool alone");

        Generation one = Loadsmith.generate(bookshop(), ImportOptions.defaults().withSeed(1), PlanOptions.none(),
                List.of(Loadsmith.tool("locust")), RenderOptions.defaults());
        assertTrue(one.files().stream().allMatch(f -> f.path().startsWith("locust/") || !f.path().contains("/")), one.files().toString());
        assertEquals(generation.files().stream().filter(f -> f.path().startsWith("locust/")).map(RenderedFile::text).toList(),
                one.files().stream().filter(f -> f.path().startsWith("locust/")).map(RenderedFile::text).toList());
    }

    @Test
    void writePutsEveryFileInPlaceAndLeavesNoStagingFolder() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("k6"));
        Files.writeString(out.resolve("k6/script.js"), "an older script");
        Files.writeString(out.resolve("notes.txt"), "the user's own");
        Loadsmith.write(out, List.of(RenderedFile.text("k6/script.js", "new"), RenderedFile.text("a/b/c.txt", "deep")));
        assertEquals("new", Files.readString(out.resolve("k6/script.js")));
        assertEquals("deep", Files.readString(out.resolve("a/b/c.txt")));
        assertEquals("the user's own", Files.readString(out.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("a", "k6", "notes.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFileThatWouldLandOutsideTheFolderIsNoFile() {
        for (String path : List.of("../escape.txt", "/etc/escape.txt", "k6/../../escape.txt")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RenderedFile.text(path, "x"));
            assertEquals("rendered file path '" + path + "' must be relative and stay inside the output folder", e.getMessage());
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Loadsmith.write(file, List.of(RenderedFile.text("k6/script.js", "x"))));
        assertTrue(e.getMessage().startsWith("cannot write to " + file + ": "), e.getMessage());
    }

    @Test
    void toolsAndProfilesAreFoundByName() {
        assertEquals(LoadTools.all(), Loadsmith.tools());
        assertSame(LoadTools.GATLING, Loadsmith.tool("Gatling"));
        assertEquals(WorkloadPreset.SPIKE, Loadsmith.profile("spike"));
    }
}
