package io.loadsmith.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * A string value that may refer to variables, such as {@code Bearer ${token}}.
 *
 * <p>A text is a list of literal parts and variable references. Literal parts are data: every
 * renderer writes them through its language's escaper, so a literal {@code ${x}} in a spec example
 * stays the four characters it was. References are resolved by the load tool at run time.
 *
 * <p>The plan-file spelling ({@link #parse} and {@link #toTemplate}) writes a reference as
 * {@code ${name}} and a literal dollar as {@code $$} where it would otherwise be read as the start
 * of a reference or of an escape.
 */
public record Text(List<Part> parts) {

    /** A part of a text. */
    public sealed interface Part permits Literal, Ref {}

    /** Literal characters, never interpreted. */
    public record Literal(String value) implements Part {
        public Literal {
            Checks.requireNonNull(value, "literal");
            Checks.checkArgument(!value.isEmpty(), "a literal part must not be empty");
        }
    }

    /** A reference to a variable by name. */
    public record Ref(String variable) implements Part {
        public Ref {
            Checks.requireIdentifier(variable, "variable");
        }
    }

    private static final Text EMPTY = new Text(List.of());

    public Text {
        Checks.requireNonNull(parts, "parts");
        List<Part> merged = new ArrayList<>(parts.size());
        for (Part part : parts) {
            Checks.requireNonNull(part, "part");
            if (part instanceof Literal literal && !merged.isEmpty()
                    && merged.get(merged.size() - 1) instanceof Literal previous) {
                merged.set(merged.size() - 1, new Literal(previous.value() + literal.value()));
            } else {
                merged.add(part);
            }
        }
        parts = List.copyOf(merged);
    }

    public static Text empty() {
        return EMPTY;
    }

    /** A text that is exactly {@code value}, whatever characters it holds. */
    public static Text of(String value) {
        Checks.requireNonNull(value, "value");
        return value.isEmpty() ? EMPTY : new Text(List.of(new Literal(value)));
    }

    /** A text that is the value of one variable. */
    public static Text ref(String variable) {
        return new Text(List.of(new Ref(variable)));
    }

    public static Text concat(Text... texts) {
        List<Part> all = new ArrayList<>();
        for (Text text : texts) {
            all.addAll(text.parts());
        }
        return new Text(all);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** True when the text holds no variable reference. */
    public boolean isLiteral() {
        for (Part part : parts) {
            if (!(part instanceof Literal)) {
                return false;
            }
        }
        return true;
    }

    /** The variable name when this text is exactly one reference, else null. */
    public String soleReference() {
        return parts.size() == 1 && parts.get(0) instanceof Ref ref ? ref.variable() : null;
    }

    /** The characters of a literal text; fails for a text with references. */
    public String literalValue() {
        Checks.checkArgument(isLiteral(), "text %s refers to variables", toTemplate());
        return parts.isEmpty() ? "" : ((Literal) parts.get(0)).value();
    }

    /** The names of the variables this text refers to, in order of first use. */
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Ref ref) {
                names.add(ref.variable());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Parses the plan-file spelling: {@code ${name}} refers to a variable, {@code $$} is a dollar. */
    public static Text parse(String template) {
        Checks.requireNonNull(template, "template");
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                int end = template.indexOf('}', i + 2);
                Checks.checkArgument(end > 0, "unclosed '${' at offset %d in '%s' (write $$ for a literal $)", i, template);
                String name = template.substring(i + 2, end);
                Checks.checkArgument(Checks.isIdentifier(name),
                        "'${%s}' at offset %d in '%s' is not a variable reference (write $$ for a literal $)", name, i, template);
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Ref(name));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new Text(parts);
    }

    /** The plan-file spelling; {@code parse(t.toTemplate()).equals(t)} holds for every text. */
    public String toTemplate() {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            if (part instanceof Ref ref) {
                out.append("${").append(ref.variable()).append('}');
                continue;
            }
            String value = ((Literal) part).value();
            boolean refFollows = p + 1 < parts.size();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                out.append(c);
                if (c == '$') {
                    char next = i + 1 < value.length() ? value.charAt(i + 1) : (refFollows ? '$' : 0);
                    if (next == '$' || next == '{') {
                        out.append('$');
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toTemplate();
    }
}
