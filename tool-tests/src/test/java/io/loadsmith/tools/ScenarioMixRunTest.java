package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.loadsmith.Loadsmith;
import io.loadsmith.model.Check;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several scenarios share the plan's users: a plan of one user and three scenarios (weights 2, 1,
 * 1) never has more than one request in flight at the server, in any tool, and each iteration
 * runs one scenario picked by weight, so that in k6, Locust, JMeter and Gatling all three run and
 * the first takes about half the iterations. Artillery picks a scenario per virtual user, which
 * then repeats it: its one user runs one scenario only, as README says.
 */
class ScenarioMixRunTest {
    @TempDir
    Path dir;

    static List<LoadTool> tools() {
        return LoadTools.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void oneUserRunsOneScenarioPerIterationPickedByWeight(LoadTool tool) throws Exception {
        try (SlowServer server = new SlowServer()) {
            TestPlan plan = TestPlan.builder("mix", server.baseUrl())
                    .scenario(scenario("often", 2))
                    .scenario(scenario("sometimes", 1))
                    .scenario(scenario("rarely", 1))
                    .workload(Workload.ClosedWorkload.constant(1, Duration.ofSeconds(5)))
                    .build();
            Path out = dir.resolve("out");
            Loadsmith.write(out, Loadsmith.render(plan, tool).files());
            ToolRun run = ToolRun.run(tool, out, Map.of("BASE_URL", server.baseUrl()), 180).requireClean();

            assertEquals(1, server.maxInFlight.get(), "one user, one request at a time\n" + run.output());
            Map<String, Integer> counts = server.counts();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(total >= 40, tool.id() + " ran " + counts + "\n" + run.output());
            if (tool.equals(LoadTools.ARTILLERY)) {
                assertEquals(1, counts.size(), "Artillery's one user repeats the scenario it was given: " + counts);
                return;
            }
            assertEquals(3, counts.size(), "every scenario ran: " + counts);
            double often = counts.get("often") / (double) total;
            // 2 of 4 by weight; over 40+ iterations a share outside 0.25..0.75 has odds below 1 in 1,000.
            assertTrue(often > 0.25 && often < 0.75, tool.id() + ": " + counts);
            System.out.printf("%s: %s%n", tool.id(), counts);
        }
    }

    private static Scenario scenario(String name, int weight) {
        return new Scenario(name, weight, List.of(HttpRequest.builder(HttpMethod.GET, "/" + name).name(name)
                .check(Check.StatusCheck.is(200)).build()));
    }

    /** Answers every GET after 20 ms and counts requests by path and the most in flight at once. */
    private static final class SlowServer implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(8);
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        SlowServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    Thread.sleep(20);
                    counts.computeIfAbsent(exchange.getRequestURI().getPath().substring(1), k -> new AtomicInteger())
                            .incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    // before the answer: the user's next request cannot arrive before this one is done
                    inFlight.decrementAndGet();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(executor);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Map<String, Integer> counts() {
            Map<String, Integer> copy = new java.util.TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
