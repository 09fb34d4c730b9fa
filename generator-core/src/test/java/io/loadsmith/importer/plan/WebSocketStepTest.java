package io.loadsmith.importer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.importer.ImportException;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Param;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.WebSocketSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan file's {@code websocket:} step: a session of sends, expected messages and pauses. */
class WebSocketStepTest {
    private static final String HEAD = "loadsmith: 1\nname: x\nbaseUrl: http://h/api\nvariables:\n  - {name: room, default: r1}\n"
            + "scenarios:\n  - name: s\n    steps:\n";

    private static TestPlan plan(String steps) {
        return PlanFileImporter.parse(Path.of("p.yaml"), HEAD + steps);
    }

    private static WebSocketSession only(String steps) {
        return (WebSocketSession) plan(steps).scenarios().get(0).steps().get(0);
    }

    private static String error(String steps) {
        return assertThrows(ImportException.class, () -> plan(steps)).getMessage();
    }

    @Test
    void aSessionHasItsHandshakeAndActionsInOrder() {
        WebSocketSession session = only("""
                      - websocket: chat
                        path: /chat
                        query: [{name: room, value: "${room}"}]
                        headers: [{name: X-Client, value: load}]
                        subprotocol: chat.v2
                        actions:
                          - send: "join ${room}"
                          - expect: joined
                            json: $.type
                            equals: joined
                            timeout: 3s
                            extract: [{var: member, json: $.member.id}, {var: code, regex: "code=(\\\\d+)"}]
                          - pause: 250ms
                          - send: {type: say, room: {$var: room}, n: 2}
                          - expect: anything
                """);
        assertEquals("chat", session.name());
        assertEquals("chat.v2", session.subprotocol());
        assertEquals(List.of(new Param("room", Text.ref("room"))), session.query());
        assertEquals(5, session.actions().size());
        assertEquals(WebSocketSession.Send.text(Text.concat(Text.of("join "), Text.ref("room"))), session.actions().get(0));
        WebSocketSession.Expect joined = (WebSocketSession.Expect) session.actions().get(1);
        assertEquals(JsonPath.parse("$.type"), joined.path());
        assertEquals(Text.of("joined"), joined.equals());
        assertEquals(Duration.ofSeconds(3), joined.timeout());
        assertEquals(List.of(new Extraction.FromJson("member", JsonPath.parse("$.member.id")),
                new Extraction.FromRegex("code", "code=(\\d+)", 1)), joined.extractions());
        assertEquals(new WebSocketSession.Pause(Duration.ofMillis(250)), session.actions().get(2));
        Json say = ((WebSocketSession.Send) session.actions().get(3)).json();
        assertEquals(new Json.JsonRef("room"), ((Json.JsonObject) say).members().get(1).value(), "a value with its JSON type");
        WebSocketSession.Expect anything = (WebSocketSession.Expect) session.actions().get(4);
        assertNull(anything.path());
        assertEquals(WebSocketSession.DEFAULT_TIMEOUT, anything.timeout());
        assertEquals(List.of("chat", "joined", "anything"), session.operationNames());
        HttpRequest handshake = session.handshake();
        assertEquals(HttpMethod.GET, handshake.method());
        assertEquals("/chat", handshake.path());
        assertEquals(List.of(new Param("X-Client", Text.of("load")), new Param("Sec-WebSocket-Protocol", Text.of("chat.v2"))),
                handshake.headers());
    }

    @Test
    void valuesAMessageGaveAreKnownToLaterStepsAndThresholdsNameItsOperations() {
        TestPlan plan = PlanFileImporter.parse(Path.of("p.yaml"), HEAD.replace("scenarios:", "thresholds: [\"joined: p95<200ms\"]\nscenarios:") + """
                      - websocket: chat
                        path: /chat
                        actions:
                          - send: hello
                          - expect: joined
                            extract: [{var: member, json: $.id}]
                      - request: profile
                        method: GET
                        path: /members/{id}
                        pathParams: {id: "${member}"}
                """);
        assertEquals("joined", plan.thresholds().get(0).operation());
        String used = error("""
                      - request: profile
                        method: GET
                        path: /members/{id}
                        pathParams: {id: "${member}"}
                      - websocket: chat
                        path: /chat
                        actions:
                          - send: hello
                          - expect: joined
                            extract: [{var: member, json: $.id}]
                """);
        assertTrue(used.contains("request 'profile' of scenario 's' uses ${member}"), used);
        String sent = error("""
                      - websocket: chat
                        path: /chat
                        actions: [{send: "${nobody}"}]
                """);
        assertTrue(sent.contains("WebSocket session 'chat' of scenario 's' uses ${nobody}"), sent);
    }

    @Test
    void aBrokenSessionIsNamedByItsPlace() {
        String action = error("""
                      - websocket: chat
                        path: /chat
                        actions:
                          - send: hi
                          - recv: x
                """);
        assertTrue(action.startsWith("p.yaml: /scenarios/0/steps/0/actions/1"), action);
        assertTrue(action.contains("send: message, expect: name or pause: 1s"), action);
        String header = error("""
                      - websocket: chat
                        path: /chat
                        actions:
                          - expect: joined
                            extract: [{var: v, header: X-Id}]
                """);
        assertTrue(header.startsWith("p.yaml: /scenarios/0/steps/0/actions/0"), header);
        assertTrue(header.contains("a WebSocket message has none"), header);
        String twice = error("""
                      - websocket: chat
                        path: /chat
                        actions: [{expect: chat}]
                """);
        assertTrue(twice.contains("needs a name of its own"), twice);
        String placeholder = error("""
                      - websocket: chat
                        path: /rooms/{room}
                        actions: [{send: hi}]
                """);
        assertTrue(placeholder.contains("must be a plain path"), placeholder);
        String empty = error("""
                      - websocket: chat
                        path: /chat
                        actions: []
                """);
        assertTrue(empty.contains("at least one action"), empty);
        String timeout = error("""
                      - websocket: chat
                        path: /chat
                        actions: [{expect: x, timeout: 0s}]
                """);
        assertTrue(timeout.startsWith("p.yaml: /scenarios/0/steps/0/actions/0"), timeout);
        assertTrue(timeout.contains("must be positive"), timeout);
    }

    @Test
    void theSamplePlanSurvivesTheRoundTrip() {
        TestPlan plan = PlanFileImporter.parse(Path.of("p.yaml"), HEAD + """
                      - websocket: chat
                        path: /chat
                        query: [{name: room, value: "${room}"}]
                        subprotocol: chat.v2
                        auth: false
                        actions:
                          - send: "a $$ and ${room}"
                          - send: [1, {$var: room}]
                          - expect: joined
                            json: $.type
                            equals: joined
                            timeout: 3s
                            extract: [{var: member, json: $.id}]
                          - pause: 1s
                          - expect: bye
                            equals: "bye ${room}"
                """);
        assertEquals(plan, PlanFileImporter.parse(Path.of("p.yaml"), PlanFileWriter.write(plan)));
    }
}
