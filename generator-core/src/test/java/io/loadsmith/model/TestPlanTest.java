package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPlanTest {
    private static HttpRequest get(String name, String path) {
        return HttpRequest.builder(HttpMethod.GET, path).name(name).build();
    }

    @Test
    void aRequestMayUseWhatAnEarlierRequestExtracted() {
        HttpRequest create = HttpRequest.builder(HttpMethod.POST, "/pets").name("create")
                .extract(new Extraction.FromJson("petId", JsonPath.parse("$.id"))).build();
        HttpRequest read = HttpRequest.builder(HttpMethod.GET, "/pets/{id}").name("read").pathParam("id", Text.ref("petId")).build();
        TestPlan plan = TestPlan.builder("p", "http://localhost").scenario(new Scenario("s", 1, List.of(create, read))).build();
        assertEquals(2, plan.requests().size());
    }

    @Test
    void aRequestMayNotUseAValueNothingDefines() {
        HttpRequest read = HttpRequest.builder(HttpMethod.GET, "/pets/{id}").name("read").pathParam("id", Text.ref("petId")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestPlan.builder("p", "http://localhost").scenario(new Scenario("s", 1, List.of(read))).build());
        assertTrue(e.getMessage().contains("${petId}"), e.getMessage());
    }

    @Test
    void thresholdsMustNameARequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestPlan.builder("p", "http://localhost")
                .scenario(new Scenario("s", 1, List.of(get("list", "/")))).threshold(Threshold.parse("lsit: p95<1s")).build());
        assertTrue(e.getMessage().contains("requests: list"), e.getMessage());
    }

    @Test
    void headersMayNotHoldLineBreaks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpRequest.builder(HttpMethod.GET, "/")
                .name("list").header("X-A", Text.of("1\r\nX-Injected: 1")).build());
        assertTrue(e.getMessage().contains("header 'X-A' of 'list'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpRequest.builder(HttpMethod.GET, "/").cookie("c", Text.of("a\nb")).build());
        assertThrows(IllegalArgumentException.class, () -> TestPlan.builder("p", "http://localhost").header(Param.of("X-A", "\n"))
                .scenario(new Scenario("s", 1, List.of(get("list", "/")))).build());
    }

    @Test
    void pathPlaceholdersAndParametersMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> HttpRequest.builder(HttpMethod.GET, "/pets/{id}").build());
        assertThrows(IllegalArgumentException.class,
                () -> HttpRequest.builder(HttpMethod.GET, "/pets").pathParam("id", Text.of("1")).build());
    }

    @Test
    void secretsHaveNoDefaults() {
        assertThrows(IllegalArgumentException.class, () -> new Variable("TOKEN", "TOKEN", "abc", true, ""));
    }

    @Test
    void baseUrlMustBeAbsolute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestPlan.builder("p", "/api").scenario(new Scenario("s", 1, List.of(get("a", "/")))).build());
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void collectionsAreCopied() {
        List<Step> steps = new ArrayList<>(List.of(get("a", "/")));
        Scenario scenario = new Scenario("s", 1, steps);
        steps.clear();
        assertEquals(1, scenario.steps().size());
        assertThrows(UnsupportedOperationException.class, () -> scenario.steps().add(get("b", "/")));
    }
}
