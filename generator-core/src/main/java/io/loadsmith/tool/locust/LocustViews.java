package io.loadsmith.tool.locust;

import java.util.List;

/** The view records the Locust templates lay out; every decision is already made. */
final class LocustViews {
    private LocustViews() {}

    record Script(
            String title,
            String sourceName,
            List<String> imports,
            String baseUrl,
            List<EnvVariable> variables,
            boolean hasRequired,
            String requiredNamesCode,
            boolean hasFiles,
            List<DataFile> files,
            OAuth2 oauth2,
            boolean usesJsonValue,
            boolean usesRegexValue,
            boolean usesWebSocket,
            List<User> users,
            Shape shape,
            boolean hasThresholds,
            List<ThresholdCheck> thresholds) {}

    record EnvVariable(String constName, String env, boolean hasDefault, String defaultValue, String description) {}

    /** {@code CONST = read_file("files/1-photo.png")}. */
    record DataFile(String constName, String path) {}

    record OAuth2(String tokenUrlCode, String formCode, String name) {}

    /** The one user class: its tasks are the plan's scenarios, one picked by weight per iteration. */
    record User(String className, String base, String description, String waitTimeCode, List<Task> tasks) {}

    /** {@code @task(weight)}: one plan scenario; {@code weightCode} is empty for the only one. */
    record Task(String scenario, String weightCode, String taskName, boolean usesValues, List<Step> steps) {}

    /** Exactly one of the three is set. */
    record Step(Request request, WebSocket webSocket, Think think, Group group) {}

    /** {@code web_socket_session(self, values, name, path, headers, subprotocols, [actions])}, each action a dict. */
    record WebSocket(String argumentsCode, List<WebSocketAction> actions) {}

    record WebSocketAction(String actionCode) {}

    record Think(String secondsCode) {}

    record Group(String name, List<Step> steps) {}

    /**
     * {@code self.client.function(arguments)}: on one line when {@code oneLine}, else one argument
     * per line.
     */
    record Request(String comment, String function, boolean oneLine, List<Argument> arguments, String name, boolean hasChecks,
                   List<Check> checks, List<Extraction> extractions) {}

    /** {@code name=valueCode}, or {@code valueCode} alone when positional (name null); {@code first} of the call. */
    record Argument(String name, String valueCode, boolean first) {
        Argument(String name, String valueCode) {
            this(name, valueCode, false);
        }

        String text() {
            return name == null ? valueCode : name + "=" + valueCode;
        }
    }

    /** {@code if|elif conditionCode: response.failure(failureCode)}. */
    record Check(String keyword, String conditionCode, String failureCode) {}

    record Extraction(String statementCode) {}

    /** Users move linearly between the points; {@code pointsCode} is a Python list literal. */
    record Shape(String description, String pointsCode) {}

    /**
     * {@code locust.conf}: a constant workload as Locust's own settings ({@code users},
     * {@code spawn-rate}, {@code run-time}), which command-line flags override; for a workload in
     * stages, only the note that the shape class decides.
     */
    record Settings(String title, String description, boolean hasShape, int users, int spawnRate, String runTime) {}

    record ThresholdCheck(String expression, String measuredCode, String limit, String comparison) {}
}
