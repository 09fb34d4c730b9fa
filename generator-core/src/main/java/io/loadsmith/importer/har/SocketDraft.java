package io.loadsmith.importer.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.importer.HarOptions;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Text;
import io.loadsmith.model.WebSocketSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded WebSocket connection on its way to a plan's WebSocket session: each text message the
 * client sent is the body of a carrier {@link Draft}, so that correlation and scrubbing treat it as
 * they treat a request's body.
 */
final class SocketDraft {
    /** Members that say what kind of message a JSON message is, in the order they are looked for. */
    private static final List<String> DISCRIMINATORS = List.of("type", "event", "action", "op", "kind", "method", "channel");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIN_PAUSE_SECONDS = 0.2;

    final HarEntry entry;
    final Requests.Url url;
    /** The number of requests before it: values their responses produced may be sent in its messages. */
    final int step;
    /** The opening handshake as a request: its query and headers are correlated and scrubbed as a request's. */
    final Draft handshake;
    /** One per text message sent, in order. */
    final List<Draft> sent = new ArrayList<>();
    int binary;

    SocketDraft(HarEntry entry, Requests.Url url, int step, Draft handshake) {
        this.entry = entry;
        this.url = url;
        this.step = step;
        this.handshake = handshake;
        for (HarEntry.WebSocketMessage message : entry.webSocketMessages()) {
            if (!message.text()) {
                binary++;
            } else if (message.sent()) {
                sent.add(new Draft(entry, HttpMethod.GET, url.host(), List.of(), List.of(), List.of(), List.of(), body(message.data())));
            }
        }
    }

    /** The drafts correlation and scrubbing go through: the handshake, then each message sent. */
    List<Draft> drafts() {
        List<Draft> all = new ArrayList<>();
        all.add(handshake);
        all.addAll(sent);
        return all;
    }

    private static Body body(String data) {
        JsonNode node = parse(data);
        if (node != null && node.isContainerNode()) {
            return Body.JsonBody.of(Requests.json(node));
        }
        return new Body.RawBody("text/plain", Text.of(data));
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }

    /** The session's name: {@code WS /path}. */
    String name() {
        return "WS " + (url.path().isEmpty() ? "/" : url.path());
    }

    /**
     * The session: the messages sent, in order (as correlation and scrubbing left them), the first
     * message received after each as an expected one (matched by its type member when it has one),
     * and the recording's pauses before the messages sent.
     */
    WebSocketSession session(HarOptions options) {
        List<WebSocketSession.Action> actions = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        names.put(name(), 1);
        int carrier = 0;
        boolean awaiting = true;
        double last = entry.started() == null ? Double.NaN : entry.started().toEpochMilli() / 1000.0 + entry.timeMs() / 1000.0;
        for (HarEntry.WebSocketMessage message : entry.webSocketMessages()) {
            if (!message.text()) {
                continue;
            }
            if (message.sent()) {
                double gap = message.time() - last;
                if (!Double.isNaN(gap) && gap >= MIN_PAUSE_SECONDS) {
                    Duration pause = options.fixedPause() != null ? options.fixedPause()
                            : Duration.ofMillis(Math.round(gap * 1000 * options.pauseFactor() / 10.0) * 10);
                    if (!pause.isZero() && !pause.isNegative()) {
                        actions.add(new WebSocketSession.Pause(pause));
                    }
                }
                Body body = sent.get(carrier++).body;
                actions.add(body instanceof Body.JsonBody json ? WebSocketSession.Send.json(json.value())
                        : WebSocketSession.Send.text(((Body.RawBody) body).content()));
                awaiting = true;
                last = message.time();
            } else if (awaiting) {
                actions.add(expect(message.data(), names));
                awaiting = false;
                last = message.time();
            }
        }
        String protocol = entry.requestHeader("sec-websocket-protocol");
        String subprotocol = protocol == null ? null : protocol.split(",")[0].strip();
        if (subprotocol != null && !subprotocol.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            subprotocol = null;
        }
        return new WebSocketSession(name(), url.path().isEmpty() ? "/" : url.path(), handshake.query, handshake.headers, subprotocol,
                false, actions);
    }

    private WebSocketSession.Expect expect(String data, Map<String, Integer> names) {
        JsonNode node = parse(data);
        String base = name() + ": reply";
        JsonPath path = null;
        Text equals = null;
        if (node != null && node.isObject()) {
            for (String key : DISCRIMINATORS) {
                JsonNode value = node.get(key);
                if (value != null && value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 60) {
                    path = JsonPath.parse("$." + key);
                    equals = Text.of(value.asText());
                    base = name() + ": " + value.asText();
                    break;
                }
            }
        }
        int n = names.merge(base, 1, Integer::sum);
        return new WebSocketSession.Expect(n == 1 ? base : base + " " + n, path, equals, WebSocketSession.DEFAULT_TIMEOUT, List.of());
    }
}
