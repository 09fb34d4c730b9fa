package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebSocket session's messages and expectations as the JSR223 (Groovy) sampler of the JMeter
 * script builds and checks them: each JSON type as Groovy data, a whole-message expectation, a
 * handshake with credentials. (The tool tests run such a session in JMeter against the demo API.)
 */
class JMeterWebSocketTest {
    @TempDir
    Path dir;

    @Test
    void everyJsonTypeIsGroovyDataAndAWholeMessageIsComparedAsText() throws Exception {
        Path plan = Files.writeString(dir.resolve("ws.plan.yaml"), """
                loadsmith: 1
                name: WebSocket values
                baseUrl: http://127.0.0.1:8080
                variables:
                  - name: USER
                  - name: PASSWORD
                    secret: true
                auth:
                  type: basic
                  username: "${USER}"
                  password: "${PASSWORD}"
                scenarios:
                  - name: values
                    steps:
                      - websocket: echo
                        path: /echo
                        actions:
                          - send:
                              n: 1.5
                              ok: false
                              none: null
                              empty: {}
                              list: [1, "a"]
                          - expect: anything
                            timeout: 1s
                          - expect: hello
                            equals: "hello ${USER}"
                            timeout: 1s
                """);
        String jmx = Loadsmith.render(Loadsmith.readPlan(plan).plan(), LoadTools.JMETER).files().get(0).text();
        String text = ScriptChecks.parseXml(jmx).getDocumentElement().getTextContent();
        for (String expected : new String[] {
                "JsonOutput.toJson([('n'): new BigDecimal('1.5'), ('ok'): false, ('none'): null, ('empty'): [:], "
                        + "('list'): [new BigDecimal('1'), 'a']])",
                "if (true) {",
                "if (text == 'hello ' + (vars.get('USER') ?: '')) {",
                "'Basic ' + Base64.encoder.encodeToString(((vars.get('USER') ?: '') + ':' + (vars.get('PASSWORD') ?: '')).getBytes('UTF-8'))"}) {
            assertTrue(text.contains(expected), expected + "\nin:\n" + text);
        }
    }
}
