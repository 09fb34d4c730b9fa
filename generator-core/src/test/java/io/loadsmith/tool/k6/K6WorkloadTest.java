package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import io.loadsmith.render.RenderResult;
import io.loadsmith.testing.Node;
import io.loadsmith.testing.Samples;
import io.loadsmith.tool.LoadTools;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan's workload as k6 runs it: the executor and its settings in {@code options.scenarios}, arrival rates as whole
 * numbers per the coarsest time unit that keeps them exact.
 */
class K6WorkloadTest {
    private static final TestPlan BOOKSHOP = Loadsmith.importFile(
            Samples.all().stream().filter(s -> s.name().equals("bookshop")).findFirst().orElseThrow().path(),
            ImportOptions.defaults().withSeed(1)).plan();

    private static RenderResult render(Workload workload) {
        RenderResult result = Loadsmith.render(BOOKSHOP.toBuilder().workload(workload).build(), LoadTools.K6);
        Node.checkModule(result.files().get(0).text());
        return result;
    }

    /** The lines of the scenario's executor, from {@code executor:} to the end of its settings. */
    private static String executor(RenderResult result) {
        String script = result.files().get(0).text();
        int from = script.indexOf("executor: ");
        int to = script.indexOf("\n    },", from);
        return script.substring(from, to).replaceAll("\n\\s+", "\n");
    }

    private static List<String> warnings(RenderResult result) {
        return result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .map(Diagnostic::message).toList();
    }

    @Test
    void aConstantRateIsAConstantArrivalRateExecutorForTheWholeDuration() {
        RenderResult result = render(Workload.OpenWorkload.constant(3, Duration.ofMinutes(2), 4, 40));
        assertEquals("""
                executor: 'constant-arrival-rate',
                rate: 3,
                timeUnit: '1s',
                duration: '2m',
                preAllocatedVUs: 4,
                maxVUs: 40,""", executor(result));
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void aRateOfPartArrivalsPerSecondIsCountedPerMinute() {
        RenderResult result = render(Workload.OpenWorkload.constant(2.5, Duration.ofSeconds(90), 2, 20));
        assertEquals("""
                executor: 'constant-arrival-rate',
                rate: 150,
                timeUnit: '1m',
                duration: '1m30s',
                preAllocatedVUs: 2,
                maxVUs: 20,""", executor(result));
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void aRateExactOnlyPerHourIsCountedPerHour() {
        RenderResult result = render(Workload.OpenWorkload.constant(1.0 / 3600 * 90, Duration.ofMinutes(5), 1, 5));
        assertTrue(executor(result).contains("rate: 90,\ntimeUnit: '1h',"), executor(result));
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void aRateNoUnitHoldsExactlyIsRoundedPerHourWithAWarning() {
        RenderResult result = render(Workload.OpenWorkload.constant(1.0 / 7, Duration.ofMinutes(5), 1, 5));
        // 3600 / 7 = 514.29 arrivals an hour.
        assertTrue(executor(result).contains("rate: 514,\ntimeUnit: '1h',"), executor(result));
        assertEquals(List.of("k6 arrival rates are whole numbers per time unit; the rates were rounded per hour"),
                warnings(result));
    }

    @Test
    void everyStageOfARampingRateSharesOneTimeUnit() {
        RenderResult result = render(new Workload.OpenWorkload(0.5, List.of(
                new Workload.RateStage(Duration.ofSeconds(30), 2), new Workload.RateStage(Duration.ofSeconds(30), 0.25)), 3, 9));
        assertEquals("""
                executor: 'ramping-arrival-rate',
                startRate: 30,
                timeUnit: '1m',
                preAllocatedVUs: 3,
                maxVUs: 9,
                stages: [
                { duration: '30s', target: 120 },
                { duration: '30s', target: 15 },
                ],""", executor(result));
    }
}
