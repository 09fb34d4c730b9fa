package io.loadsmith.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each tool's split of a plan over N processes adds up to the plan. */
class DistributionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LoadTool.RunSettings SETTINGS = new LoadTool.RunSettings(null);

    private static TestPlan plan(Workload workload) {
        return TestPlan.builder("split", "http://127.0.0.1:8080")
                .scenario(new Scenario("s", 1, List.of(HttpRequest.builder(HttpMethod.GET, "/health").name("health").build())))
                .workload(workload).build();
    }

    private static final TestPlan SEVEN_USERS = plan(new Workload.ClosedWorkload(0, List.of(
            new Workload.UserStage(Duration.ofSeconds(10), 7), new Workload.UserStage(Duration.ofSeconds(20), 7))));
    private static final TestPlan TEN_PER_SECOND = plan(new Workload.OpenWorkload(0, List.of(
            new Workload.RateStage(Duration.ofSeconds(10), 10), new Workload.RateStage(Duration.ofSeconds(20), 10)), 5, 50));

    @Test
    void k6RunsOneSegmentOfOneSequencePerProcess() {
        Distribution d = LoadTools.K6.distribute(SETTINGS, 3, SEVEN_USERS).orElseThrow();
        assertEquals(List.of("samples-1.ndjson.gz", "samples-2.ndjson.gz", "samples-3.ndjson.gz"), d.outputs());
        List<String> segments = new ArrayList<>();
        for (Distribution.Member member : d.processes()) {
            List<String> args = member.arguments();
            segments.add(args.get(args.indexOf("--execution-segment") + 1));
            assertEquals("0,1/3,2/3,1", args.get(args.indexOf("--execution-segment-sequence") + 1));
            assertTrue(member.awaited());
        }
        assertEquals(List.of("0:1/3", "1/3:2/3", "2/3:1"), segments);
        long ports = d.processes().stream().map(m -> m.arguments().get(m.arguments().indexOf("--address") + 1)).distinct().count();
        assertEquals(3, ports, "each REST API on a port of its own");
    }

    @Test
    void locustHasAMasterWaitingForItsWorkers() {
        Distribution d = LoadTools.LOCUST.distribute(SETTINGS, 3, SEVEN_USERS).orElseThrow();
        List<String> master = d.processes().get(0).arguments();
        assertEquals("3", master.get(master.indexOf("--expect-workers") + 1));
        String port = master.get(master.indexOf("--master-bind-port") + 1);
        for (Distribution.Member worker : d.processes().subList(1, 4)) {
            assertEquals(port, worker.arguments().get(worker.arguments().indexOf("--master-port") + 1));
            assertTrue(!worker.awaited() && worker.arguments().contains("--worker"));
        }
        assertEquals(List.of("master"), d.outputNames());
    }

    @Test
    void jmeterServersShareTheUsersOrTheArrivalsAndTheControllerEndsThem() {
        Distribution closed = LoadTools.JMETER.distribute(SETTINGS, 3, SEVEN_USERS).orElseThrow();
        List<Integer> threads = new ArrayList<>();
        for (Distribution.Member server : closed.processes().subList(0, 3)) {
            assertTrue(server.arguments().contains("-s") && !server.awaited() && server.ready() != null);
            threads.add(Integer.parseInt(server.arguments().stream().filter(a -> a.startsWith("-Jthreads=")).findFirst().orElseThrow()
                    .substring("-Jthreads=".length())));
        }
        assertEquals(List.of(3, 2, 2), threads, "7 users: the remainder to the first");
        List<String> controller = closed.processes().get(3).arguments();
        assertEquals(3, controller.get(controller.indexOf("-R") + 1).split(",").length);
        assertTrue(controller.contains("-X"));

        Distribution open = LoadTools.JMETER.distribute(SETTINGS, 4, TEN_PER_SECOND).orElseThrow();
        for (Distribution.Member server : open.processes().subList(0, 4)) {
            assertTrue(server.arguments().contains("-Jschedule=rate(0/sec) even_arrivals(10 sec) rate(2.5/sec) even_arrivals(20 sec) "
                    + "rate(2.5/sec)"), server.arguments().toString());
        }
    }

    @Test
    void artilleryProcessesEachGetTheirShareOfThePhases() throws Exception {
        Distribution closed = LoadTools.ARTILLERY.distribute(SETTINGS, 3, SEVEN_USERS).orElseThrow();
        int users = 0;
        for (Distribution.Member member : closed.processes()) {
            JsonNode phases = JSON.readTree(member.arguments().get(member.arguments().indexOf("--overrides") + 1)).at("/config/phases");
            for (JsonNode phase : phases) {
                users += phase.path("arrivalCount").asInt(0);
            }
        }
        assertEquals(7, users);
        Distribution open = LoadTools.ARTILLERY.distribute(SETTINGS, 2, TEN_PER_SECOND).orElseThrow();
        double rate = 0;
        int maxUsers = 0;
        for (Distribution.Member member : open.processes()) {
            JsonNode phase = JSON.readTree(member.arguments().get(member.arguments().indexOf("--overrides") + 1)).at("/config/phases/1");
            rate += phase.get("arrivalRate").asDouble();
            maxUsers += phase.get("maxVusers").asInt();
        }
        assertEquals(10, rate, 1e-9);
        assertEquals(50, maxUsers);
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> LoadTools.ARTILLERY.distribute(SETTINGS, 9,
                SEVEN_USERS));
        assertTrue(few.getMessage().contains("needs at least as many users"), few.getMessage());
    }

    @Test
    void gatlingHasNoWayHereYet() {
        assertTrue(LoadTools.GATLING.distribute(SETTINGS, 2, SEVEN_USERS).isEmpty());
    }
}
