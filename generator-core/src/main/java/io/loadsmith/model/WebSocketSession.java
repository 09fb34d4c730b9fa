package io.loadsmith.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A WebSocket session of a scenario: it connects to {@code path} under the base URL ({@code http}
 * becomes {@code ws}, {@code https} becomes {@code wss}), runs its actions in order (send a message,
 * wait for an expected one, pause) and closes.
 *
 * <p>Tools report the connection under the session's {@code name} (its time is the opening
 * handshake) and each expected message under its own name (its time is the round trip from the
 * last message sent to the one expected; a message that does not come within its timeout is a
 * failure).
 *
 * @param path          the path relative to the base URL, without placeholders
 * @param query         query parameters of the connection URL
 * @param headers       headers of the opening handshake
 * @param subprotocol   the subprotocol asked for ({@code Sec-WebSocket-Protocol}), or null
 * @param authenticated whether the plan's {@link Auth} applies to the handshake
 */
public record WebSocketSession(
        String name,
        String path,
        List<Param> query,
        List<Param> headers,
        String subprotocol,
        boolean authenticated,
        List<Action> actions) implements Step {

    /** How long an expected message is waited for unless the plan says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebSocketSession {
        Checks.requireNonBlank(name, "WebSocket session name");
        Checks.requireNonNull(path, "path of '" + name + "'");
        Checks.checkArgument(path.startsWith("/"), "path '%s' of WebSocket session '%s' must start with '/'", path, name);
        Checks.checkArgument(HttpRequest.placeholders(path).isEmpty() && path.indexOf('?') < 0 && path.indexOf('#') < 0,
                "path '%s' of WebSocket session '%s' must be a plain path: give query parameters as query", path, name);
        query = List.copyOf(Checks.requireNonNull(query, "query parameters"));
        headers = List.copyOf(Checks.requireNonNull(headers, "headers"));
        Checks.requireHeaderSafe(headers, "header", name);
        Checks.checkArgument(subprotocol == null || subprotocol.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"),
                "subprotocol '%s' of WebSocket session '%s' must be a token (RFC 6455)", subprotocol, name);
        actions = List.copyOf(Checks.requireNonNull(actions, "actions of '" + name + "'"));
        Checks.checkArgument(!actions.isEmpty(), "WebSocket session '%s' must have at least one action", name);
        Set<String> names = new HashSet<>();
        names.add(name);
        for (Action action : actions) {
            if (action instanceof Expect expect) {
                Checks.checkArgument(names.add(expect.name()),
                        "expected message '%s' of WebSocket session '%s' needs a name of its own", expect.name(), name);
            }
        }
    }

    /** One thing a session does. */
    public sealed interface Action permits Send, Expect, Pause {}

    /**
     * Sends a message: a text ({@code text}) or a JSON document ({@code json}, where extracted
     * values keep their JSON type); exactly one of them is given.
     */
    public record Send(Text text, Json json) implements Action {
        public Send {
            Checks.checkArgument((text == null) != (json == null), "a message to send is a text or a JSON document, not both");
        }

        public static Send text(Text text) {
            return new Send(Checks.requireNonNull(text, "text"), null);
        }

        public static Send json(Json json) {
            Checks.checkArgument(json instanceof Json.JsonObject || json instanceof Json.JsonArray,
                    "a JSON message to send is an object or an array; send other values as text");
            return new Send(null, json);
        }

        public Set<String> references() {
            return text != null ? text.references() : json.references();
        }
    }

    /**
     * Waits for the first message that matches and skips the others. With {@code path}, a message
     * matches when it is JSON with a value at that path, equal to {@code equals} when given (as
     * text: {@code 3} matches {@code "3"}); without it, when its whole text is {@code equals}, or
     * any message when neither is given.
     *
     * @param name        the name its round trip is reported under
     * @param timeout     how long it is waited for; after that the session fails and closes
     * @param extractions values taken from the matching message (JSON paths or regular expressions)
     */
    public record Expect(String name, JsonPath path, Text equals, Duration timeout, List<Extraction> extractions)
            implements Action {
        public Expect {
            Checks.requireNonBlank(name, "expected message name");
            Checks.requireNonNull(timeout, "timeout");
            Checks.checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout of '%s' must be positive", name);
            extractions = List.copyOf(Checks.requireNonNull(extractions, "extractions"));
            for (Extraction extraction : extractions) {
                Checks.checkArgument(!(extraction instanceof Extraction.FromHeader),
                        "'%s' extracts from a header, but a WebSocket message has none: use json or regex", name);
            }
        }
    }

    /** A pause within the session, connection open. */
    public record Pause(Duration duration) implements Action {
        public Pause {
            Checks.requireNonNull(duration, "duration");
            Checks.checkArgument(!duration.isNegative(), "a pause must not be negative");
        }
    }

    /**
     * The opening handshake as an HTTP request ({@code GET path} with the query, the headers and
     * {@code Sec-WebSocket-Protocol} when a subprotocol is asked for), for renderers to resolve
     * its URL, auth and headers as they do a request's.
     */
    public HttpRequest handshake() {
        HttpRequest.Builder builder = HttpRequest.builder(HttpMethod.GET, path).name(name).authenticated(authenticated);
        query.forEach(p -> builder.query(p.name(), p.value()));
        headers.forEach(p -> builder.header(p.name(), p.value()));
        if (subprotocol != null) {
            builder.header("Sec-WebSocket-Protocol", Text.of(subprotocol));
        }
        return builder.build();
    }

    /** Every variable the session refers to: in its URL, headers, sent messages and expected values. */
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        query.forEach(p -> names.addAll(p.value().references()));
        headers.forEach(p -> names.addAll(p.value().references()));
        for (Action action : actions) {
            if (action instanceof Send send) {
                names.addAll(send.references());
            } else if (action instanceof Expect expect && expect.equals() != null) {
                names.addAll(expect.equals().references());
            }
        }
        return names;
    }

    /** Every extraction of the session's expected messages, in order. */
    public List<Extraction> extractions() {
        List<Extraction> all = new ArrayList<>();
        actions.stream().filter(Expect.class::isInstance).forEach(a -> all.addAll(((Expect) a).extractions()));
        return all;
    }

    /** The expected messages, in order. */
    public List<Expect> expects() {
        return actions.stream().filter(Expect.class::isInstance).map(Expect.class::cast).toList();
    }

    /** The names the session reports under: the connection's, then each expected message's. */
    public List<String> operationNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        expects().forEach(e -> names.add(e.name()));
        return names;
    }
}
