package io.loadsmith.importer.openapi;

import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Group;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Step;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code generate-report.md}: what a spec import made, for the engineer who will run it. Each
 * scenario with its steps in order, what each step's values are (generated, taken from a create,
 * a variable), the operations left out and why, the variables to set, and every warning, which
 * the terminal only summarizes.
 */
final class SpecReport {
    private SpecReport() {}

    /**
     * @param operations the number of operations in the document
     * @param labels     each request's {@code METHOD /path}, by request name
     * @param leftOut    the operations not called, with the reason
     */
    static String write(String source, TestPlan plan, int operations, Map<String, String> labels,
                        List<PlanBuilder.LeftOut> leftOut, List<Diagnostic> diagnostics) {
        Map<String, List<String>> notes = new LinkedHashMap<>();
        List<Diagnostic> general = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            if (labels.containsKey(diagnostic.subject())) {
                notes.computeIfAbsent(diagnostic.subject(), k -> new ArrayList<>()).add(diagnostic.message());
            } else if (diagnostic.severity() == Diagnostic.Severity.WARNING) {
                general.add(diagnostic);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Generation report\n\n");
        out.append(cell(plan.name())).append(", from `").append(cell(source)).append("`: ").append(operations)
                .append(operations == 1 ? " operation" : " operations").append(" in the document, ")
                .append(plan.requests().size()).append(" called, ").append(leftOut.size()).append(" left out.\n");
        if (plan.scenarios().size() > 1) {
            out.append("\n").append(plan.scenarios().size()).append(" scenarios, one per resource: each iteration of each user ")
                    .append("runs one of them, picked by weight. All weights are 1, so every operation is called ")
                    .append("equally often; to change the mix, write the plan with ")
                    .append("`loadsmith init` and edit the weights.\n");
        }
        for (Scenario scenario : plan.scenarios()) {
            out.append("\n## Scenario ").append(cell(scenario.name())).append(" (weight ").append(scenario.weight()).append(", ")
                    .append(scenario.requests().size()).append(scenario.requests().size() == 1 ? " request" : " requests")
                    .append(" per iteration)\n\n");
            out.append("| # | group | request | operation | values and notes |\n| --- | --- | --- | --- | --- |\n");
            int[] number = {1};
            for (Step step : scenario.steps()) {
                if (step instanceof Group group) {
                    for (Step member : group.steps()) {
                        row(out, number, group.name(), member, labels, notes);
                    }
                } else {
                    row(out, number, "", step, labels, notes);
                }
            }
        }
        if (!leftOut.isEmpty()) {
            out.append("\n## Left out\n\n| operation | why |\n| --- | --- |\n");
            leftOut.forEach(l -> out.append("| ").append(cell(l.operation())).append(" | ").append(cell(l.reason())).append(" |\n"));
        }
        List<Variable> variables = plan.variables();
        if (!variables.isEmpty()) {
            out.append("\n## Variables\n\nRead from the environment when the test runs (`.env.example` lists them).\n\n")
                    .append("| variable | required | description |\n| --- | --- | --- |\n");
            variables.forEach(v -> out.append("| `").append(cell(v.env())).append("` | ").append(v.required() ? "yes" : "no")
                    .append(" | ").append(cell(v.description())).append(" |\n"));
        }
        if (!general.isEmpty()) {
            out.append("\n## Other warnings\n\n");
            general.forEach(d -> out.append("- ").append(cell(d.toString().replaceFirst("^warning: ", ""))).append('\n'));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, int[] number, String group, Step step, Map<String, String> labels,
                            Map<String, List<String>> notes) {
        if (!(step instanceof HttpRequest request)) {
            return;
        }
        out.append("| ").append(number[0]++).append(" | ").append(cell(group)).append(" | ").append(cell(request.name()))
                .append(" | ").append(cell(labels.getOrDefault(request.name(), request.method() + " " + request.path())))
                .append(" | ").append(cell(String.join("; ", notes.getOrDefault(request.name(), List.of())))).append(" |\n");
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");

    /** Text from the document inside a Markdown table cell: no cell breaks, no markup. */
    static String cell(String text) {
        return LINE_BREAKS.matcher(text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "'"))
                .replaceAll(" ");
    }
}
