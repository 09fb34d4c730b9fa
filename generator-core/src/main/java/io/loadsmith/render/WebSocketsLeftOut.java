package io.loadsmith.render;

import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Group;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.WebSocketSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The plan a tool renders when it cannot run WebSocket sessions: the sessions left out, each named in a warning. */
public final class WebSocketsLeftOut {
    /** The reason for the tools whose scripts do not have WebSocket sessions yet. */
    public static final String NOT_YET = "Loadsmith writes WebSocket sessions for k6, Locust, JMeter and Gatling so far; run one of those scripts for them";

    private WebSocketsLeftOut() {}

    /**
     * @param tool the tool's name, for the messages
     * @param why  why the tool leaves them out, and what to use instead
     * @throws RenderException when nothing but WebSocket sessions is left, or a later step uses a
     *                         value taken from a WebSocket message
     */
    public static TestPlan from(TestPlan plan, String tool, String why, List<Diagnostic> diagnostics) {
        Set<String> leftOut = new HashSet<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario scenario : plan.scenarios()) {
            List<Step> steps = without(scenario.steps(), leftOut, diagnostics, tool, why);
            if (steps.isEmpty()) {
                diagnostics.add(Diagnostic.warning(scenario.name(), "the scenario has nothing but WebSocket sessions: it is left out"));
            } else {
                scenarios.add(new Scenario(scenario.name(), scenario.weight(), steps));
            }
        }
        if (leftOut.isEmpty()) {
            return plan;
        }
        if (scenarios.isEmpty()) {
            throw new RenderException("the plan has nothing but WebSocket sessions, which " + tool + " scripts leave out (" + why + ")");
        }
        List<Threshold> thresholds = plan.thresholds().stream().filter(t -> t.operation() == null || !leftOut.contains(t.operation()))
                .toList();
        try {
            return plan.toBuilder().scenarios(scenarios).thresholds(thresholds).build();
        } catch (IllegalArgumentException e) {
            throw new RenderException(tool + " scripts leave WebSocket sessions out (" + why + "), and then " + e.getMessage(), e);
        }
    }

    private static List<Step> without(List<Step> steps, Set<String> leftOut, List<Diagnostic> diagnostics, String tool, String why) {
        List<Step> kept = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof WebSocketSession session) {
                leftOut.addAll(session.operationNames());
                diagnostics.add(Diagnostic.warning(session.name(), "WebSocket session left out of the " + tool + " script: " + why));
            } else if (step instanceof Group group) {
                List<Step> inner = without(group.steps(), leftOut, diagnostics, tool, why);
                if (!inner.isEmpty()) {
                    kept.add(new Group(group.name(), inner));
                }
            } else {
                kept.add(step);
            }
        }
        return kept;
    }
}
