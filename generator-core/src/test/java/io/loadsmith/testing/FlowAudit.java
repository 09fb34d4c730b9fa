package io.loadsmith.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a plan's flow is one a performance engineer would run, read from the plan alone: no
 * variable used before a request sets it, nothing used after the request that deleted it, no
 * body on a GET or HEAD, no query or form value that is JSON text.
 */
public final class FlowAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowAudit() {}

    /** One line per problem; empty when the flow holds together. */
    public static List<String> problems(TestPlan plan) {
        List<String> problems = new ArrayList<>();
        Set<String> settings = new HashSet<>();
        plan.variables().stream().map(Variable::name).forEach(settings::add);
        for (Scenario scenario : plan.scenarios()) {
            Set<String> set = new HashSet<>();
            Map<String, String> deletedBy = new HashMap<>();
            for (HttpRequest request : scenario.requests()) {
                for (String variable : request.references()) {
                    if (settings.contains(variable)) {
                        continue;
                    }
                    if (!set.contains(variable)) {
                        problems.add(request.name() + " uses " + variable + " before a request sets it");
                    } else if (deletedBy.containsKey(variable)) {
                        problems.add(request.name() + " uses " + variable + " after " + deletedBy.get(variable) + " deleted it");
                    }
                }
                if ((request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) && !(request.body() instanceof Body.None)) {
                    problems.add(request.name() + " sends a body with " + request.method());
                }
                List<Param> values = new ArrayList<>(request.query());
                if (request.body() instanceof Body.FormBody form) {
                    values.addAll(form.fields());
                }
                for (Param param : values) {
                    if (isJsonText(param.value())) {
                        problems.add(request.name() + " sends JSON text in " + param.name() + ": " + param.value().literalValue());
                    }
                }
                request.extractions().forEach(e -> set.add(e.variable()));
                List<String> placeholders = new ArrayList<>(HttpRequest.placeholders(request.path()));
                // DELETE /gists/{id} deletes the gist; DELETE /gists/{id}/star only its star
                if (request.method() == HttpMethod.DELETE && !placeholders.isEmpty()
                        && request.path().matches(".*/\\{[^/{}]*}/*")) {
                    String deleted = placeholders.get(placeholders.size() - 1);
                    request.pathParams().stream().filter(p -> p.name().equals(deleted)).map(p -> p.value().soleReference())
                            .filter(java.util.Objects::nonNull).forEach(v -> deletedBy.put(v, request.name()));
                }
            }
        }
        return problems;
    }

    private static boolean isJsonText(Text value) {
        if (!value.isLiteral()) {
            return false;
        }
        String text = value.literalValue().strip();
        if (!(text.startsWith("{") && text.endsWith("}") || text.startsWith("[") && text.endsWith("]"))) {
            return false;
        }
        try {
            JSON.readTree(text);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
