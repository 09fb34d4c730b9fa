package io.loadsmith.render.code;

import io.loadsmith.model.Durations;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.WebSocketSession;
import io.loadsmith.render.escape.JavaScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions of a WebSocket session as the JavaScript objects that the session runners of k6
 * scripts and Artillery processors take: {@code { send: () => message }}, {@code { pause: seconds }}
 * and {@code { expect: name, timeout: seconds, matches: (message, text) => ..., extract: ... }},
 * where {@code message} is the parsed JSON message (or undefined) and {@code text} its text. The
 * runner defines {@code jsonPathValue(value, keys)}.
 */
public final class JsWebSocketActions {
    private JsWebSocketActions() {}

    /**
     * @param js      reads the plan's variables and extracted values
     * @param assigns the expression an extracted value is assigned to, by name ({@code vars.NAME})
     */
    public static List<String> of(WebSocketSession session, JsCode js, java.util.function.Function<String, String> assigns) {
        List<String> actions = new ArrayList<>();
        for (WebSocketSession.Action action : session.actions()) {
            if (action instanceof WebSocketSession.Send send) {
                actions.add("{ send: () => " + (send.text() != null ? js.text(send.text()) : "JSON.stringify(" + js.json(send.json()) + ")")
                        + " }");
            } else if (action instanceof WebSocketSession.Pause pause) {
                actions.add("{ pause: " + Durations.seconds(pause.duration()) + " }");
            } else {
                WebSocketSession.Expect expect = (WebSocketSession.Expect) action;
                StringBuilder code = new StringBuilder("{ expect: ").append(JavaScript.quote(expect.name()))
                        .append(", timeout: ").append(Durations.seconds(expect.timeout()))
                        .append(", matches: (message, text) => ").append(match(expect, js));
                if (!expect.extractions().isEmpty()) {
                    List<String> statements = new ArrayList<>();
                    for (Extraction extraction : expect.extractions()) {
                        statements.add(assigns.apply(extraction.variable()) + " = " + value(extraction) + ";");
                    }
                    code.append(", extract: (message, text) => { ").append(String.join(" ", statements)).append(" }");
                }
                actions.add(code.append(" }").toString());
            }
        }
        return actions;
    }

    private static String match(WebSocketSession.Expect expect, JsCode js) {
        String equals = expect.equals() == null ? null : js.text(expect.equals());
        if (expect.path() == null) {
            return equals == null ? "true" : "text === " + equals;
        }
        String value = pathValue(expect.path());
        return equals == null ? value + " !== undefined" : value + " !== undefined && String(" + value + ") === " + equals;
    }

    private static String value(Extraction extraction) {
        if (extraction instanceof Extraction.FromJson json) {
            return pathValue(json.path());
        }
        Extraction.FromRegex regex = (Extraction.FromRegex) extraction;
        return "(text.match(new RegExp(" + JavaScript.quote(regex.pattern()) + ")) || [])[" + regex.group() + "]";
    }

    private static String pathValue(JsonPath path) {
        List<String> keys = new ArrayList<>();
        for (JsonPath.Segment segment : path.segments()) {
            keys.add(segment instanceof JsonPath.Index index ? Integer.toString(index.index())
                    : JavaScript.quote(((JsonPath.Field) segment).name()));
        }
        return keys.isEmpty() ? "message" : "jsonPathValue(message, [" + String.join(", ", keys) + "])";
    }
}
