package io.loadsmith.tool.gatling;

/**
 * Literal text inside Gatling's Expression Language, which Gatling reads in nearly every string
 * of its DSL (URLs, request and group names, headers, bodies, check expressions).
 *
 * <p>Gatling reads {@code #{...}} as an expression unless an odd number of backslashes stands
 * right before it; before {@code #{}, every two backslashes are one. Backslashes anywhere else are
 * themselves. So {@link #escape} doubles the backslashes before each {@code #{} of the text and
 * adds one, and with {@code beforeExpression} also doubles those at its end (they would stand
 * before the {@code #{} of the expression that follows). The result is then a Java string's
 * content, for {@link JavaText#escape}.
 */
final class GatlingEl {
    private GatlingEl() {}

    static String escape(String value, boolean beforeExpression) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        int i = 0;
        while (i < value.length()) {
            int run = i;
            while (run < value.length() && value.charAt(run) == '\\') {
                run++;
            }
            int backslashes = run - i;
            boolean beforeHash = value.startsWith("#{", run);
            boolean atEnd = run == value.length();
            if (backslashes > 0) {
                out.append("\\".repeat(beforeHash || atEnd && beforeExpression ? 2 * backslashes : backslashes));
            }
            if (beforeHash) {
                out.append("\\#{");
                i = run + 2;
            } else if (atEnd) {
                i = run;
            } else {
                out.append(value.charAt(run));
                i = run + 1;
            }
        }
        return out.toString();
    }

    /** Text that is all literal, as a Java string literal for the DSL. */
    static String quote(String value) {
        return JavaText.quote(escape(value, false));
    }
}
