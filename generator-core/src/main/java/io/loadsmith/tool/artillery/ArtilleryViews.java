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
    record Step(Request request, Think think, Group group, String functionCode) {}

    record Think(String thinkCode, boolean hasJitter, String jitterCode) {}

    record Group(String name, List<Step> steps) {}

    /**
     * One request of a flow: the template writes its keys (beforeRequest, qs, headers, cookie,
     * auth, the body, followRedirect, capture, afterResponse, expect) from these values.
     */
    record Request(String comment, String method, String urlCode, String nameCode, String beforeRequestCode,
                   boolean hasQuery, List<Entry> query, boolean hasHeaders, List<Entry> headers, boolean hasCookies,
                   List<Entry> cookies, Credentials auth, Body body, boolean noRedirects, boolean hasCaptures,
                   List<Capture> captures, String afterResponseCode, boolean hasExpects, List<Expect> expects) {}

    /** {@code keyCode: valueCode}. */
    record Entry(String keyCode, String valueCode) {}

    /** {@code auth: {user, pass}}: basic credentials. */
    record Credentials(String userCode, String passCode) {}

    /**
     * Exactly one of: {@code json:} and its YAML ({@code jsonCode}, starting with a line break or a
     * space), {@code body:} a scalar ({@code rawCode}), {@code form:} fields, {@code formData:} parts.
     */
    record Body(String jsonCode, String rawCode, boolean hasForm, List<Entry> form, boolean hasFormData, List<Part> formData) {
        static Body json(String code) {
            return new Body(code, null, false, List.of(), false, List.of());
        }

        static Body raw(String code) {
            return new Body(null, code, false, List.of(), false, List.of());
        }
    }

    /** A formData part: a field ({@code valueCode}) or a file ({@code fromFileCode} and {@code contentTypeCode}). */
    record Part(String keyCode, String valueCode, String fromFileCode, String contentTypeCode) {}

    /** {@code - kind: expressionCode} (json, header or regexp, with its group), {@code as: asCode}. */
    record Capture(String kind, String expressionCode, String groupCode, String asCode) {}

    /** {@code - kind: valueCode} of the expect plugin (statusCode, matchesRegexp, hasProperty). */
    record Expect(String kind, String valueCode) {}

    /** processor.js */
    record Processor(String title, boolean closed, boolean hasEnvironment, List<Assignment> environment,
                     List<String> zeroCounters, List<Hook> hooks, List<Hook> afterHooks, boolean usesWebSocket,
                     List<WebSocket> webSockets, List<String> exports) {}

    /** A flow function that runs one WebSocket session: its URL, options and actions as JavaScript. */
    record WebSocket(String function, String name, String nameCode, String urlCode, String optionsCode, List<WebSocketAction> actions) {}

    record WebSocketAction(String actionCode) {}

    record Assignment(String targetCode, String valueCode) {}

    record Hook(String function, String purpose, List<Assignment> assignments, List<String> statementsCode) {}
}
