package io.loadsmith.model;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A value taken from a response into a variable, for later requests of the same virtual user. */
public sealed interface Extraction {

    /** The variable that receives the value. */
    String variable();

    record FromJson(String variable, JsonPath path) implements Extraction {
        public FromJson {
            Checks.requireIdentifier(variable, "variable");
            Checks.requireNonNull(path, "JSON path");
        }
    }

    record FromHeader(String variable, String header) implements Extraction {
        public FromHeader {
            Checks.requireIdentifier(variable, "variable");
            Checks.requireNonBlank(header, "header name");
        }
    }

    /**
     * A regular expression over the body; the value is capture group {@code group}. The pattern
     * must use only the syntax that JavaScript, Python and Java read alike.
     */
    record FromRegex(String variable, String pattern, int group) implements Extraction {
        public FromRegex {
            Checks.requireIdentifier(variable, "variable");
            Checks.requireNonNull(pattern, "pattern");
            try {
                int groups = Pattern.compile(pattern).matcher("").groupCount();
                Checks.checkArgument(group >= 0 && group <= groups,
                        "group %s of pattern '%s' does not exist (it has %s groups)", group, pattern, groups);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern '" + pattern + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }
}
