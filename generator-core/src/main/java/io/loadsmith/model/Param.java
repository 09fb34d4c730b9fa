package io.loadsmith.model;

/** A name and a value: a header, a query or path parameter, a cookie or a form field. */
public record Param(String name, Text value) {
    public Param {
        Checks.requireNonNull(name, "parameter name");
        Checks.checkArgument(!name.isEmpty(), "a parameter name must not be empty");
        Checks.requireNonNull(value, "value of parameter '" + name + "'");
    }

    public static Param of(String name, String literalValue) {
        return new Param(name, Text.of(literalValue));
    }
}
