package io.loadsmith.render.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JMeter's own expression language: the {@code ${name}} variables and {@code ${__function(...)}}
 * calls that JMeter evaluates in almost every property of a test plan, names included.
 *
 * <p>JMeter compiles a property only when it holds a variable or a function; then it removes the
 * backslash before {@code $}, {@code ,} and {@code \}, and keeps every other backslash. A property
 * without one is used exactly as written, backslashes and all. So:
 * <ul>
 * <li>{@link #literal} writes data unchanged when it cannot be read as an expression, and
 *     otherwise spells the hazard ({@code $} before <code>{</code>) as {@code ${__char(36)}},
 *     which also makes JMeter compile the value, so that backslashes are doubled;</li>
 * <li>an {@link Expression} mixes data with variables and function calls by the same rules;</li>
 * <li>{@link #argument} writes data inside a function's argument list, where {@code ,} would
 *     start the next argument and an unbalanced parenthesis or <code>}</code> would end the
 *     call: {@code \,} and {@code \$}, and {@code __char} for the brackets;</li>
 * <li>{@link GroovyCall} builds a {@code ${__groovy(...)}} call whose data is Groovy string
 *     literals.</li>
 * </ul>
 * Characters that an XML 1.0 file cannot hold are written as {@code ${__char(N)}} everywhere, so
 * every result can go through {@link Xml#escape}.
 */
public final class JMeter {
    private JMeter() {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** A property value that is only data. */
    public static String literal(String value) {
        return new Expression().literal(value).toString();
    }

    /**
     * Like {@link #literal}, for a value that goes into an XML attribute, such as an element's
     * name: tab, line feed and carriage return are {@code ${__char(N)}} too, because an XML
     * parser turns them into spaces there.
     */
    public static String name(String value) {
        Expression expression = new Expression();
        expression.attribute = true;
        return expression.literal(value).toString();
    }

    /** A reference to a variable: {@code ${name}}. */
    public static String variable(String name) {
        return "${" + checkName(name) + "}";
    }

    /** A property reference with a default that is itself an expression: {@code ${__P(name,default)}}. */
    public static String property(String name, String defaultExpression) {
        return "${__P(" + checkName(name) + "," + defaultExpression + ")}";
    }

    /**
     * A name JMeter can use in {@code ${...}}: it must not start with two underscores, which
     * JMeter reads as a function name, nor hold a character its parser stops at.
     */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("'" + name + "' cannot be a JMeter variable or property name");
        }
        return name;
    }

    /** Whether {@link #checkName} accepts {@code name}. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches() && !name.startsWith("__");
    }

    /** Data inside a function argument. */
    public static String argument(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ',' -> out.append("\\,");
                case '$' -> out.append("\\$");
                case '(' -> out.append(charCall('('));
                case ')' -> out.append(charCall(')'));
                case '}' -> out.append(charCall('}'));
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (!Xml.isAllowed(c)) {
                        out.append(charCall(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String charCall(char c) {
        return "${__char(" + (int) c + ")}";
    }

    /** A property value of data and expressions, in order. */
    public static final class Expression {
        private final List<String> pieces = new ArrayList<>();
        private final List<Boolean> code = new ArrayList<>();
        private boolean attribute;

        /** Appends data. */
        public Expression literal(String value) {
            if (!value.isEmpty()) {
                int last = pieces.size() - 1;
                if (last >= 0 && !code.get(last)) {
                    pieces.set(last, pieces.get(last) + value);
                } else {
                    pieces.add(value);
                    code.add(false);
                }
            }
            return this;
        }

        /** Appends an expression as it is, such as {@link JMeter#variable} or a {@link GroovyCall}. */
        public Expression code(String expression) {
            pieces.add(expression);
            code.add(true);
            return this;
        }

        /** Appends the pieces of another expression. */
        public Expression append(Expression other) {
            for (int i = 0; i < other.pieces.size(); i++) {
                if (other.code.get(i)) {
                    code(other.pieces.get(i));
                } else {
                    literal(other.pieces.get(i));
                }
            }
            return this;
        }

        public boolean isEmpty() {
            return pieces.isEmpty();
        }

        @Override
        public String toString() {
            boolean compiled = code.contains(true);
            for (int i = 0; i < pieces.size() && !compiled; i++) {
                compiled = needsCompiling(pieces.get(i));
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                if (code.get(i) || !compiled) {
                    out.append(piece);
                } else {
                    appendCompiled(out, piece);
                }
            }
            return out.toString();
        }

        private boolean needsCompiling(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                    return true;
                }
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (!Xml.isAllowed(c) || (attribute && isSpaceInAttribute(c))) {
                    return true;
                }
            }
            return false;
        }

        private void appendCompiled(StringBuilder out, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\') {
                    out.append("\\\\");
                } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                    out.append(charCall('$'));
                } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    out.append(c).append(value.charAt(++i));
                } else if (!Xml.isAllowed(c) || (attribute && isSpaceInAttribute(c))) {
                    out.append(charCall(c));
                } else {
                    out.append(c);
                }
            }
        }

        private static boolean isSpaceInAttribute(char c) {
            return c == '\t' || c == '\n' || c == '\r';
        }
    }

    /**
     * A {@code ${__groovy(script)}} call. The script is written in pieces: {@link #code} for
     * Groovy the generator wrote (its commas are escaped here; it must not hold {@code $},
     * braces or backslashes, and its parentheses must balance), {@link #string} for data, which
     * becomes a Groovy string literal.
     */
    public static final class GroovyCall {
        private final StringBuilder script = new StringBuilder();
        private int depth;

        public GroovyCall code(String groovy) {
            for (int i = 0; i < groovy.length(); i++) {
                char c = groovy.charAt(i);
                switch (c) {
                    case '$', '{', '}', '\\' -> throw new IllegalArgumentException("generated Groovy must not hold " + c + ": " + groovy);
                    case ',' -> script.append("\\,");
                    case '(' -> {
                        depth++;
                        script.append(c);
                    }
                    case ')' -> {
                        if (--depth < 0) {
                            throw new IllegalArgumentException("unbalanced parenthesis in " + script + groovy);
                        }
                        script.append(c);
                    }
                    default -> script.append(c);
                }
            }
            return this;
        }

        /** Data, as a Groovy string literal. */
        public GroovyCall string(String value) {
            script.append(argument(Groovy.quote(value)));
            return this;
        }

        /** The value of a JMeter variable: {@code vars.get('name')}. */
        public GroovyCall variable(String name) {
            return code("vars.get(").string(checkName(name)).code(")");
        }

        public String build() {
            if (depth != 0) {
                throw new IllegalArgumentException("unbalanced parenthesis in " + script);
            }
            return "${__groovy(" + script + ")}";
        }
    }
}
