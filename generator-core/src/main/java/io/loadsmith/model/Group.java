package io.loadsmith.model;

import java.util.List;

/** Steps reported together under one name, such as a page of a recording or a checkout flow. */
public record Group(String name, List<Step> steps) implements Step {
    public Group {
        Checks.requireNonBlank(name, "group name");
        steps = List.copyOf(Checks.requireNonNull(steps, "steps of group '" + name + "'"));
        Checks.checkArgument(!steps.isEmpty(), "group '%s' must have at least one step", name);
    }
}
