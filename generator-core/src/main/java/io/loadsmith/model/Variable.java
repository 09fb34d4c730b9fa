package io.loadsmith.model;

/**
 * A value the script reads from the environment when it starts, such as the base URL or a token.
 *
 * @param name         the name requests use in {@code ${name}}
 * @param env          the environment variable (or tool property) that sets it
 * @param defaultValue the value when the environment does not set it; null when it must be set
 * @param secret       a secret never has a default and is never written into a script
 * @param description  what the variable is for, shown in {@code .env.example}
 */
public record Variable(String name, String env, String defaultValue, boolean secret, String description) {
    public Variable {
        Checks.requireIdentifier(name, "variable name");
        Checks.requireIdentifier(env, "environment variable of '" + name + "'");
        Checks.checkArgument(!(secret && defaultValue != null),
                "secret variable '%s' must not have a default value: secrets come from the environment only", name);
        description = description == null ? "" : description;
    }

    public static Variable secret(String name, String description) {
        return new Variable(name, name, null, true, description);
    }

    public static Variable withDefault(String name, String defaultValue, String description) {
        return new Variable(name, name, Checks.requireNonNull(defaultValue, "default value"), false, description);
    }

    public boolean required() {
        return defaultValue == null;
    }
}
