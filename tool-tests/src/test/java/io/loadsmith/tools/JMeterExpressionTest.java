package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.render.escape.HostileStrings;
import io.loadsmith.render.escape.JMeter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JMeter escapers, read back by JMeter itself: every hostile string, written as a literal, an
 * element name, text around a variable, or data inside a {@code __groovy} call nested in another
 * function, comes back unchanged and is never run.
 */
class JMeterExpressionTest {
    private static final Map<String, String> VARS = Map.of("id", "42", "x", "${__P(host)}");

    @Test
    void theEvaluationRunsFunctionsAndVariablesAsJMeterDoes() throws Exception {
        assertEquals("2 42", JMeterRuntime.evaluate("${__groovy(1 + 1)} ${id}", VARS));
        assertEquals("a\\b", JMeterRuntime.evaluate("a\\b", VARS), "without a function a backslash stays");
        assertEquals("a\\b42", JMeterRuntime.evaluate("a\\\\b${id}", VARS), "with one it is an escape");
    }

    @Test
    void literalsAndNamesReadBackUnchanged() throws Exception {
        for (String value : HostileStrings.ALL) {
            assertEquals(value, JMeterRuntime.evaluate(JMeter.literal(value), VARS), "literal");
            assertEquals(value, JMeterRuntime.evaluate(JMeter.name(value), VARS), "name");
        }
    }

    @Test
    void textAroundVariablesReadsBackUnchanged() throws Exception {
        for (String value : HostileStrings.ALL) {
            String expression = new JMeter.Expression().literal(value).code(JMeter.variable("id")).literal(value)
                    .code(JMeter.variable("x")).toString();
            assertEquals(value + "42" + value + "${__P(host)}", JMeterRuntime.evaluate(expression, VARS), value);
        }
    }

    @Test
    void groovyStringsInsideNestedFunctionsReadBackUnchanged() throws Exception {
        for (String value : HostileStrings.ALL) {
            String groovy = new JMeter.GroovyCall().string(value).code(" + ").variable("id").build();
            assertEquals(value + "42", JMeterRuntime.evaluate(groovy, VARS), "__groovy");
            String nested = JMeter.property("loadsmith.test.unset", groovy);
            assertEquals(value + "42", JMeterRuntime.evaluate(nested, VARS), "__P default");
        }
    }

    @Test
    void functionArgumentsReadBackUnchanged() throws Exception {
        for (String value : HostileStrings.ALL) {
            assertEquals(value, JMeterRuntime.evaluate("${__P(loadsmith.test.unset," + JMeter.argument(value) + ")}", VARS), value);
        }
    }
}
