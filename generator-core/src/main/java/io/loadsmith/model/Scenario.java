package io.loadsmith.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A user journey: its steps run in order, again and again, for as long as the workload lasts.
 * When a plan has several scenarios, each iteration (or each arrival) picks one in proportion to
 * its {@code weight}.
 */
public record Scenario(String name, int weight, List<Step> steps) {
    public Scenario {
        Checks.requireNonBlank(name, "scenario name");
        Checks.checkArgument(weight >= 1, "weight (%s) of scenario '%s' must be >= 1", weight, name);
        steps = List.copyOf(Checks.requireNonNull(steps, "steps of scenario '" + name + "'"));
        Checks.checkArgument(!steps.isEmpty(), "scenario '%s' must have at least one step", name);
    }

    /** Every request of this scenario, groups flattened, in order. */
    public List<HttpRequest> requests() {
        return exchanges().stream().filter(HttpRequest.class::isInstance).map(HttpRequest.class::cast).toList();
    }

    /** Every WebSocket session of this scenario, groups flattened, in order. */
    public List<WebSocketSession> webSocketSessions() {
        return exchanges().stream().filter(WebSocketSession.class::isInstance).map(WebSocketSession.class::cast).toList();
    }

    /** Every request and WebSocket session of this scenario, groups flattened, in order. */
    public List<Step> exchanges() {
        List<Step> exchanges = new ArrayList<>();
        collect(steps, exchanges);
        return exchanges;
    }

    private static void collect(List<Step> steps, List<Step> into) {
        for (Step step : steps) {
            if (step instanceof HttpRequest || step instanceof WebSocketSession) {
                into.add(step);
            } else if (step instanceof Group group) {
                collect(group.steps(), into);
            }
        }
    }
}
