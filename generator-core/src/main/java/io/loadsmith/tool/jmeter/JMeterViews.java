package io.loadsmith.tool.jmeter;

import java.util.List;

/**
 * The view records the JMeter templates lay out. Every string is already in JMeter's expression
 * language (see {@link io.loadsmith.render.escape.JMeter}); the template engine escapes it for XML.
 */
final class JMeterViews {
    private JMeterViews() {}

    record Plan(String title, String comments, String timeoutMillis, List<Argument> variables, boolean hasDefaultHeaders,
                List<Header> defaultHeaders, Setup setup, List<ThreadGroup> threadGroups) {}

    /** A User Defined Variable of the Test Plan. */
    record Argument(String name, String value, String description) {}

    record Header(String name, String value) {}

    /** The setUp Thread Group: settings check and OAuth 2.0 token, once before the test. */
    record Setup(String name, String comments, List<Node> nodes) {}

    /**
     * Exactly one of {@code closed} and {@code open} is set; the steps are {@code nodes} for one
     * scenario, {@code choice} for several.
     */
    record ThreadGroup(String name, String comments, Closed closed, Open open, List<Node> nodes, Choice choice) {}

    /** A Switch Controller that runs one case per iteration; {@code value} is the index, as a JMeter function. */
    record Choice(String name, String comments, String value, List<Case> cases) {}

    /** A Simple Controller: one plan scenario. */
    record Case(String name, List<Node> nodes) {}

    record Closed(String threads, String rampUp, String duration) {}

    record Open(String schedule) {}

    /** Exactly one of the four is set. */
    record Node(Sampler sampler, Think think, Group group, Script script) {
        static Node of(Sampler sampler) {
            return new Node(sampler, null, null, null);
        }

        static Node of(Think think) {
            return new Node(null, think, null, null);
        }

        static Node of(Group group) {
            return new Node(null, null, group, null);
        }

        static Node of(Script script) {
            return new Node(null, null, null, script);
        }
    }

    /** A Flow Control Action that pauses; {@code random} adds a Uniform Random Timer. */
    record Think(String name, String pauseMillis, RandomPause random) {}

    record RandomPause(String name, String delayMillis, String rangeMillis) {}

    /** A Transaction Controller. */
    record Group(String name, List<Node> nodes) {}

    /** A JSR223 element in Groovy. */
    record Script(String name, String script) {}

    record Sampler(String name, String comments, String method, String path, boolean followRedirects, boolean rawBody,
                   boolean multipart,
                   List<HttpArgument> arguments, boolean hasFiles, List<FileArgument> files, boolean hasHeaders,
                   List<Header> headers, BasicAuth basicAuth, List<Assertion> assertions, List<Extractor> extractors) {}

    record HttpArgument(String name, String value, boolean encode) {}

    record FileArgument(String path, String parameter, String contentType) {}

    record BasicAuth(String username, String password) {}

    /** Exactly one of the two is set. */
    record Assertion(ResponseAssertion response, JsonPathAssertion jsonPath) {}

    /**
     * A Response Assertion with one pattern; {@code key} is the property name JMeter itself gives a
     * pattern (its hash code).
     */
    record ResponseAssertion(String name, String field, String testType, boolean ignoreStatus, String key, String pattern,
                             String message) {}

    /** A JSON Assertion that the path exists, or with {@code invert} that it does not. */
    record JsonPathAssertion(String name, String path, boolean invert) {}

    /** Exactly one of the three is set. */
    record Extractor(JsonExtractor json, RegexExtractor regex, Script script) {}

    record JsonExtractor(String name, String variable, String path, String defaultValue) {}

    record RegexExtractor(String name, String source, String variable, String regex, String template, String defaultValue,
                          boolean defaultEmpty) {}
}
