package io.loadsmith.render;

import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;

/**
 * The {@code .env.example} file: every environment variable the scripts read, with what it is for
 * and whether it is required, and never a secret's value.
 */
public final class EnvExample {
    public static final String PATH = ".env.example";
    public static final String BASE_URL = "BASE_URL";

    private EnvExample() {}

    public static RenderedFile render(TestPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Environment variables the generated scripts read at run time.\n");
        out.append("# Copy this file to .env, fill it in, and keep secrets out of version control.\n");
        out.append("# JMeter takes the same values as properties: jmeter -J<NAME>=<value>.\n\n");
        out.append("# Base URL of the system under test; default ").append(oneLine(plan.baseUrl()))
                .append(" (Artillery takes it as artillery run --target URL)\n");
        out.append(BASE_URL).append("=\n");
        for (Variable variable : plan.variables()) {
            out.append('\n');
            out.append("# ").append(variable.description().isBlank() ? variable.name() : oneLine(variable.description()));
            if (variable.secret()) {
                out.append(" (secret, required)");
            } else if (variable.required()) {
                out.append(" (required)");
            } else {
                out.append("; default ").append(oneLine(variable.defaultValue()));
            }
            out.append('\n').append(variable.env()).append("=\n");
        }
        return RenderedFile.text(PATH, out.toString());
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").trim();
    }
}
