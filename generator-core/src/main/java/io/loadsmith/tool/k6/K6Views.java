package io.loadsmith.tool.k6;

import java.util.List;

/** The view records the k6 templates lay out; every decision is already made. */
final class K6Views {
    private K6Views() {}

    record Script(
            String title,
            String sourceName,
            String k6Imports,
            boolean usesEncoding,
            boolean usesTextParts,
            boolean usesWebSocket,
            String multipartBoundary,
            String baseUrl,
            List<EnvVariable> variables,
            List<DataFile> files,
            List<Constant> constants,
            List<Executor> executors,
            List<Scenario> scenarios,
            boolean hasThresholds,
            List<Threshold> thresholds,
            boolean hasSetup,
            List<EnvVariable> requiredVariables,
            OAuth2 oauth2,
            DefaultFunction defaultFunction) {}

    /**
     * {@code export default function}: what k6 runs when its own options ({@code --vus},
     * {@code --duration}, {@code --iterations}) replace the scenarios; each iteration runs one
     * plan scenario, picked by weight when there are several.
     */
    record DefaultFunction(boolean usesData, boolean weighted, String total, List<Pick> picks) {}

    /** {@code if (pick < upTo) return function(data);}, the last one without the condition. */
    record Pick(String function, String upTo, boolean last) {}

    /** {@code const constName = __ENV.env || 'defaultValue';} */
    record EnvVariable(String constName, String env, boolean hasDefault, String defaultValue, String description) {}

    /** {@code const constName = valueCode;}, computed once in the init stage. */
    record Constant(String constName, String valueCode) {}

    /** {@code const constName = open('./path', 'b');} */
    record DataFile(String constName, String path) {}

    /**
     * An entry of {@code options.scenarios}: {@code key} is a valid k6 scenario name (letters,
     * digits, {@code _}), {@code comment} says what it runs, {@code exec} is the function it runs
     * (null: the default function, which picks a plan scenario per iteration).
     */
    record Executor(
            String key,
            String comment,
            String exec,
            String executor,
            List<Setting> settings,
            boolean hasStages,
            List<Stage> stages) {}

    /** A plan scenario, as an exported function; {@code name} is the plan's own. */
    record Scenario(
            String name,
            String function,
            boolean usesData,
            boolean usesVars,
            boolean hasRequests,
            List<Step> steps) {}

    /** {@code name: valueCode,} in a k6 scenario. */
    record Setting(String name, String valueCode) {}

    record Stage(String duration, String target) {}

    record Threshold(String keyCode, String expressionsCode) {}

    record OAuth2(String tokenUrlCode, String formCode, String tag) {}

    /** Exactly one of the three is set. */
    record Step(Request request, WebSocket webSocket, Think think, Group group) {}

    /** {@code webSocketSession(url, params, [actions])}: each action a JavaScript object literal. */
    record WebSocket(String urlCode, String paramsCode, List<WebSocketAction> actions) {}

    record WebSocketAction(String actionCode) {}

    record Think(String secondsCode) {}

    record Group(String name, List<Step> steps) {}

    record Request(
            String comment,
            String function,
            String methodCode,
            String urlCode,
            String bodyCode,
            String headersCode,
            String cookiesCode,
            boolean noRedirects,
            String expectedStatusesCode,
            String tag,
            boolean hasChecks,
            List<Check> checks,
            List<Extraction> extractions) {}

    record Check(String name, String conditionCode) {}

    record Extraction(String statementCode) {}
}
