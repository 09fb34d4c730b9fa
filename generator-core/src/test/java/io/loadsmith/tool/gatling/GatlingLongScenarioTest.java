package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderResult;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.tool.LoadTools;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A scenario too long for one chain (a Java method has a size limit, and javac's stack for a
 * long builder chain runs out) is split into chain methods of at most 40 requests, a group too
 * long for one into parts of its own; the simulation compiles and keeps every request in order.
 */
class GatlingLongScenarioTest {
    private static HttpRequest request(int i) {
        return HttpRequest.builder(HttpMethod.GET, "/items/" + i).name("item" + i).build();
    }

    @Test
    void aLongScenarioIsChainedInPartsThatKeepItsOrder() {
        List<Step> steps = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 30; i++) {
            steps.add(request(n++));
        }
        List<Step> grouped = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            grouped.add(request(n++));
        }
        steps.add(new Group("browse", grouped));
        for (int i = 0; i < 30; i++) {
            steps.add(request(n++));
        }
        TestPlan plan = TestPlan.builder("Long", "http://127.0.0.1:8080").scenario(new Scenario("long journey", 1, steps)).build();
        RenderResult result = Loadsmith.render(plan, LoadTools.GATLING);
        ScriptChecks.check(result.files());
        String java = result.files().stream().filter(f -> f.path().endsWith(".java")).findFirst().orElseThrow().text();

        List<String> order = new ArrayList<>();
        Matcher names = Pattern.compile("http\\(\"(item\\d+)\"\\)").matcher(java);
        while (names.find()) {
            order.add(names.group(1));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add("item" + i);
        }
        assertEquals(expected, order, "every request once, in the plan's order");
        assertTrue(java.contains("long journey, part 1 of 3") && java.contains("long journey, part 3 of 3"), java);
        assertTrue(java.contains("long journey / browse, part 1 of 2") && java.contains("long journey / browse, part 2 of 2"),
                "the group too long for one chain has parts of its own: " + java);
        Matcher chains = Pattern.compile("(?m)^\\s*(?:private |static |final )*ChainBuilder \\w+").matcher(java);
        int count = 0;
        while (chains.find()) {
            count++;
        }
        assertTrue(count >= 5, count + " chain methods: " + java);
    }
}
