package io.loadsmith.model;

/** What a response must satisfy for its request to count as successful. */
public sealed interface Check {

    /** The status code is within {@code [from, to]}. */
    record StatusCheck(int from, int to) implements Check {
        public StatusCheck {
            Checks.checkArgument(from >= 100 && to <= 599 && from <= to,
                    "status range [%s, %s] must lie within 100..599 and be ordered", from, to);
        }

        public static StatusCheck is(int status) {
            return new StatusCheck(status, status);
        }

        public boolean isSingle() {
            return from == to;
        }

        /** "201" or "2xx" or "200-204". */
        public String describe() {
            if (isSingle()) {
                return Integer.toString(from);
            }
            if (from % 100 == 0 && to == from + 99) {
                return (from / 100) + "xx";
            }
            return from + "-" + to;
        }
    }

    /** The body contains this text. */
    record BodyContains(String text) implements Check {
        public BodyContains {
            Checks.requireNonNull(text, "text");
            Checks.checkArgument(!text.isEmpty(), "a body check needs some text to look for");
        }
    }

    /** The JSON body has a value at this path. */
    record JsonPathExists(JsonPath path) implements Check {
        public JsonPathExists {
            Checks.requireNonNull(path, "JSON path");
        }
    }

    /**
     * The JSON body has no {@code errors} member: a GraphQL server answers errors in a response
     * whose status is 200, so that a status check alone passes a failed operation.
     */
    record NoGraphQlErrors() implements Check {}
}
