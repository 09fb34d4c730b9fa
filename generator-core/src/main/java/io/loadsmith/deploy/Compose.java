package io.loadsmith.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import java.util.List;

/**
 * Compose services as YAML trees. A Compose file interpolates {@code ${NAME}} in every value, so
 * every literal goes through {@link #literal}; the environment passes the caller's variables
 * through and names the ones a test cannot run without.
 */
public final class Compose {
    /** Where a service writes its results: {@code results/} beside the Compose file. */
    public static final String RESULTS = "/results";

    private Compose() {}

    /** Text as a literal in a Compose file: every {@code $} doubled, which Compose reads as one. */
    public static String literal(String text) {
        return text.replace("$", "$$");
    }

    public static ArrayNode literals(List<String> values) {
        return Manifests.strings(values.stream().map(Compose::literal).toList());
    }

    /**
     * The environment of a test's services: the base URL and the variables with a default pass
     * through from the shell or the {@code --env-file} when set there (else the scripts' defaults
     * hold); a secret or a setting without a default must be set, or Compose refuses to start.
     */
    public static ArrayNode environment(TestPlan plan) {
        ArrayNode environment = Manifests.object().arrayNode();
        environment.add(Manifests.baseUrlVariable());
        for (Variable variable : plan.variables()) {
            environment.add(variable.required()
                    ? variable.env() + "=${" + variable.env() + ":?set " + variable.env() + " in .env, see .env.example}"
                    : variable.env());
        }
        return environment;
    }

    /** Where a service sees the tool's folder: {@code /mnt/k6}. */
    public static String scripts(String tool) {
        return "/mnt/" + tool;
    }

    /** The volumes of a service: the tool's folder (the Compose file's), read-only, and the results folder in it. */
    public static ArrayNode volumes(String tool) {
        return Manifests.strings(List.of(".:" + scripts(tool) + ":ro", "./results:" + RESULTS));
    }
}
