package io.loadsmith.tool.gatling;

import java.util.List;

/**
 * The view records the Gatling template lays out; every decision is already made. Names ending in
 * {@code Code} are Java code built from escaped pieces; other text is escaped by the template.
 */
final class GatlingViews {
    private GatlingViews() {}

    /**
     * @param closed         the plan's workload is closed (concurrent users), else open (arrivals)
     * @param plannedCode    the planned duration, for a load of one's own with -Dusers or -Drate only
     */
    record Simulation(
            String title,
            String sourceName,
            String baseUrlCode,
            boolean closed,
            String plannedCode,
            boolean usesJson,
            boolean usesHeaderPattern,
            boolean usesWebSocket,
            List<Setting> variables,
            OAuth2 oauth2,
            List<Scenario> scenarios,
            List<Chain> chains,
            List<Population> populations,
            boolean hasAssertions,
            List<Item> assertions) {}

    /** {@code private static final String constName = setting(envCode, defaultCode);}, in the session as attributeCode. */
    record Setting(String constName, String envCode, String defaultCode, String attributeCode, String description) {}

    /** The token request: its name and URL, and the form parameters. */
    record OAuth2(String nameCode, String urlCode, List<Pair> formParams) {}

    /**
     * {@code private final ScenarioBuilder field = scenario(nameCode)...}: the steps of the plan's
     * one scenario, or a {@code pick} of one of its several scenarios.
     */
    record Scenario(String field, String name, String nameCode, List<Step> steps, Pick pick) {}

    /**
     * {@code uniformRandomSwitch().on(a(), b())} when the weights are equal, else
     * {@code randomSwitchOrElse().on(percent(p).then(a()), ...).orElse(last())}.
     */
    record Pick(boolean uniform, List<Choice> choices, String elseMethod) {}

    /** A scenario's chain method, with its percentage of the iterations (unused when uniform). */
    record Choice(String percentCode, String method, boolean last) {}

    /**
     * Exactly one of request, webSocket, pause, group and call is set. {@code chained} when it follows another
     * element of its chain (a leading dot); endCode is written after it (the {@code ;} of the last
     * step of a scenario). A call is {@code exec(method())} of a {@link Chain}.
     */
    record Step(boolean chained, Request request, Pause pause, Group group, String endCode, String call, WebSocket webSocket) {}

    /** {@code exec(ws(...)...)}: one action of a WebSocket session, a builder call per line. */
    record WebSocket(List<Item> lines) {}

    /** {@code private static ChainBuilder method() { return steps; }}: a part of a long scenario. */
    record Chain(String method, String title, List<Step> steps) {}

    /** {@code pause(minCode[, maxCode])}. */
    record Pause(String minCode, String maxCode) {}

    /** {@code group(nameCode).on(steps)}. */
    record Group(String nameCode, List<Step> steps) {}

    /**
     * {@code exec(http(nameCode).method(urlCode)...)}: method is a DSL method such as {@code get},
     * or {@code httpRequest} with the method's name first in urlCode.
     */
    record Request(String comment, String nameCode, String method, String urlCode, List<Pair> queryParams,
                   List<Pair> headers, Credentials basicAuth, String bodyCode, List<Pair> formParams, List<Item> bodyParts,
                   boolean noRedirects, boolean hasChecks, List<Item> checks) {}

    /** {@code (nameCode, valueCode)} arguments. */
    record Pair(String nameCode, String valueCode) {}

    record Credentials(String userCode, String passwordCode) {}

    /**
     * {@code field.method(load(loadCode, steps...))}: a scenario with the plan's injection steps,
     * given to the simulation's {@code load()} with the scenario's planned peak and share.
     */
    record Population(String field, String method, String loadCode, List<Item> steps, boolean last) {}

    /** One element of a comma-separated list; {@code last} has no comma after it. */
    record Item(String argumentCode, boolean last) {}
}
