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

    /**
     * A response header's value; with a {@code pattern}, its capture group 1 within the value (such
     * as the id at the end of a {@code Location}), in the syntax JavaScript, Python and Java read alike.
     */
    record FromHeader(String variable, String header, String pattern) implements Extraction {
        public FromHeader {
            Checks.requireIdentifier(variable, "variable");
            Checks.requireNonBlank(header, "header name");
            if (pattern != null) {
                try {
                    Checks.checkArgument(Pattern.compile(pattern).matcher("").groupCount() >= 1,
                            "pattern '%s' of header %s needs a capture group for the value", pattern, header);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("pattern '" + pattern + "' is not a valid regular expression: "
                            + e.getDescription());
                }
            }
        }

        /** The whole value of the header. */
        public FromHeader(String variable, String header) {
            this(variable, header, null);
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
