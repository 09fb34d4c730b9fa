package io.loadsmith.tool.artillery;

import java.util.List;

/** The view records the Artillery templates lay out; every decision is already made. */
final class ArtilleryViews {
    private ArtilleryViews() {}

    /** {@code testSeconds}: for a closed workload, how long each virtual user repeats its scenario; else null. */
    record Script(String title, String sourceName, String target, List<Phase> phases, String testSeconds, boolean hasProcessor,
                  boolean hasEnsure, List<String> ensureConditions, Before before, List<Scenario> scenarios) {}

    /** One phase; each setting is {@code name: valueCode}. */
    record Phase(String name, List<Setting> settings) {}

    record Setting(String name, String valueCode) {}

    record Before(List<Step> steps) {}

    record Scenario(String name, int weight, boolean hasBeforeScenario, String beforeScenario, boolean loop,
                    String loopCondition, List<Step> steps) {}

    /** Exactly one of the three is set. */
    record Step(Request request, Think think, Group group) {}

    record Think(String thinkCode, boolean hasJitter, String jitterCode) {}

    record Group(String name, List<Step> steps) {}

    /** {@code sectionsCode} holds the request's YAML keys after {@code url} and {@code name}. */
    record Request(String comment, String method, String urlCode, String nameCode, String sectionsCode) {}

    /** processor.js */
    record Processor(String title, boolean closed, boolean hasEnvironment, List<Assignment> environment,
                     List<String> zeroCounters, List<Hook> hooks, List<Hook> afterHooks, List<String> exports) {}

    record Assignment(String targetCode, String valueCode) {}

    record Hook(String function, String purpose, List<Assignment> assignments, List<String> statementsCode) {}
}
