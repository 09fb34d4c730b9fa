package io.loadsmith.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A complete, tool-neutral load test.
 *
 * <p>The constructor checks the plan as a whole: every {@code ${variable}} a request uses is either
 * a plan {@link Variable} or extracted by an earlier request of the same scenario, and every
 * threshold scoped to an operation names a request of the plan.
 *
 * @param baseUrl the absolute URL request paths are relative to; scripts let {@code BASE_URL}
 *                override it at run time
 * @param headers headers sent with every request
 */
public record TestPlan(
        String name,
        String baseUrl,
        List<Param> headers,
        Auth auth,
        List<Variable> variables,
        List<Scenario> scenarios,
        Workload workload,
        List<Threshold> thresholds) {

    public TestPlan {
        Checks.requireNonBlank(name, "plan name");
        checkBaseUrl(baseUrl);
        headers = List.copyOf(Checks.requireNonNull(headers, "headers"));
        Checks.requireHeaderSafe(headers, "header", "the plan");
        Checks.requireNonNull(auth, "auth");
        variables = List.copyOf(Checks.requireNonNull(variables, "variables"));
        scenarios = List.copyOf(Checks.requireNonNull(scenarios, "scenarios"));
        Checks.checkArgument(!scenarios.isEmpty(), "a plan needs at least one scenario");
        Checks.requireNonNull(workload, "workload");
        thresholds = List.copyOf(Checks.requireNonNull(thresholds, "thresholds"));

        Set<String> variableNames = new HashSet<>();
        Set<String> envNames = new HashSet<>();
        for (Variable variable : variables) {
            Checks.checkArgument(variableNames.add(variable.name()), "variable '%s' is declared twice", variable.name());
            Checks.checkArgument(envNames.add(variable.env()),
                    "environment variable '%s' is used by two plan variables", variable.env());
        }
        checkUses("the plan's headers", textsOf(headers), variableNames);
        checkUses("the plan's auth", authTexts(auth), variableNames);
        Set<String> scenarioNames = new HashSet<>();
        for (Scenario scenario : scenarios) {
            Checks.checkArgument(scenarioNames.add(scenario.name()), "scenario name '%s' is used twice", scenario.name());
            Set<String> known = new HashSet<>(variableNames);
            for (Step step : scenario.exchanges()) {
                String what = step instanceof HttpRequest request ? "request '" + request.name() + "'"
                        : "WebSocket session '" + ((WebSocketSession) step).name() + "'";
                Set<String> missing = new LinkedHashSet<>(step instanceof HttpRequest request ? request.references()
                        : ((WebSocketSession) step).references());
                missing.removeAll(known);
                Checks.checkArgument(missing.isEmpty(),
                        "%s of scenario '%s' uses %s, which no plan variable or earlier extraction defines",
                        what, scenario.name(), missing.stream().map(n -> "${" + n + "}").collect(Collectors.joining(", ")));
                List<Extraction> extractions = step instanceof HttpRequest request ? request.extractions()
                        : ((WebSocketSession) step).extractions();
                for (Extraction extraction : extractions) {
                    Checks.checkArgument(!variableNames.contains(extraction.variable()),
                            "%s extracts into '%s', which is a plan variable; choose another name", what, extraction.variable());
                    known.add(extraction.variable());
                }
            }
        }
        Set<String> requestNames = requestNames(scenarios);
        for (Threshold threshold : thresholds) {
            Checks.checkArgument(threshold.operation() == null || requestNames.contains(threshold.operation()),
                    "threshold '%s' names operation '%s', which is not a request of the plan (requests: %s)",
                    threshold.expression(), threshold.operation(), summarize(requestNames));
        }
    }

    private static void checkBaseUrl(String baseUrl) {
        Checks.requireNonBlank(baseUrl, "base URL");
        try {
            URI uri = new URI(baseUrl);
            Checks.checkArgument(("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                            && uri.getHost() != null,
                    "base URL '%s' must be an absolute http or https URL", baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base URL '" + baseUrl + "' is not a URL: " + e.getReason());
        }
    }

    private static List<Text> textsOf(List<Param> params) {
        return params.stream().map(Param::value).toList();
    }

    private static List<Text> authTexts(Auth auth) {
        if (auth instanceof Auth.Bearer bearer) {
            return List.of(bearer.token());
        }
        if (auth instanceof Auth.Basic basic) {
            return List.of(basic.username(), basic.password());
        }
        if (auth instanceof Auth.ApiKey key) {
            return List.of(key.value());
        }
        if (auth instanceof Auth.OAuth2ClientCredentials oauth) {
            return List.of(oauth.clientId(), oauth.clientSecret());
        }
        return List.of();
    }

    private static void checkUses(String where, List<Text> texts, Set<String> variables) {
        for (Text text : texts) {
            for (String name : text.references()) {
                Checks.checkArgument(variables.contains(name), "%s use ${%s}, which is not a plan variable", where, name);
            }
        }
    }

    private static Set<String> requestNames(List<Scenario> scenarios) {
        Set<String> names = new LinkedHashSet<>();
        scenarios.forEach(s -> s.requests().forEach(r -> names.add(r.name())));
        scenarios.forEach(s -> s.webSocketSessions().forEach(w -> names.addAll(w.operationNames())));
        return names;
    }

    private static String summarize(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 8 ? String.join(", ", list) : String.join(", ", list.subList(0, 8)) + ", ...";
    }

    /** Every request of the plan, scenario by scenario. */
    public List<HttpRequest> requests() {
        List<HttpRequest> requests = new ArrayList<>();
        scenarios.forEach(s -> requests.addAll(s.requests()));
        return requests;
    }

    public Variable variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    public Builder toBuilder() {
        return new Builder(name, baseUrl).headers(headers).auth(auth).variables(variables).scenarios(scenarios)
                .workload(workload).thresholds(thresholds);
    }

    public static Builder builder(String name, String baseUrl) {
        return new Builder(name, baseUrl);
    }

    /** Builds a plan; by default no auth, a one-user 30-second closed workload, no thresholds. */
    public static final class Builder {
        private String name;
        private String baseUrl;
        private final List<Param> headers = new ArrayList<>();
        private Auth auth = Auth.none();
        private final List<Variable> variables = new ArrayList<>();
        private final List<Scenario> scenarios = new ArrayList<>();
        private Workload workload = WorkloadPreset.SMOKE.workload(null, null, null);
        private final List<Threshold> thresholds = new ArrayList<>();

        private Builder(String name, String baseUrl) {
            this.name = name;
            this.baseUrl = baseUrl;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder header(Param header) {
            headers.add(header);
            return this;
        }

        public Builder headers(List<Param> headers) {
            this.headers.clear();
            this.headers.addAll(headers);
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        public Builder variable(Variable variable) {
            variables.removeIf(v -> v.name().equals(variable.name()));
            variables.add(variable);
            return this;
        }

        public Builder variables(List<Variable> variables) {
            this.variables.clear();
            this.variables.addAll(variables);
            return this;
        }

        public Builder scenario(Scenario scenario) {
            scenarios.add(scenario);
            return this;
        }

        public Builder scenarios(List<Scenario> scenarios) {
            this.scenarios.clear();
            this.scenarios.addAll(scenarios);
            return this;
        }

        public Builder workload(Workload workload) {
            this.workload = workload;
            return this;
        }

        public Builder threshold(Threshold threshold) {
            thresholds.add(threshold);
            return this;
        }

        public Builder thresholds(List<Threshold> thresholds) {
            this.thresholds.clear();
            this.thresholds.addAll(thresholds);
            return this;
        }

        public TestPlan build() {
            return new TestPlan(name, baseUrl, headers, auth, variables, scenarios, workload, thresholds);
        }
    }
}
