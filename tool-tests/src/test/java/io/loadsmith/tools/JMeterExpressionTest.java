package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.render.escape.HostileStrings;
import io.loadsmith.render.escape.JMeter;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
        for (String value : HostileStrings.forEscapers()) {
            assertEquals(value, JMeterRuntime.evaluate(JMeter.literal(value), VARS), "literal");
            assertEquals(value, JMeterRuntime.evaluate(JMeter.name(value), VARS), "name");
        }
    }

    @Test
    void textAroundVariablesReadsBackUnchanged() throws Exception {
        for (String value : HostileStrings.forEscapers()) {
            String expression = new JMeter.Expression().literal(value).code(JMeter.variable("id")).literal(value)
                    .code(JMeter.variable("x")).toString();
            assertEquals(value + "42" + value + "${__P(host)}", JMeterRuntime.evaluate(expression, VARS), value);
        }
    }

    @Test
    void groovyStringsInsideNestedFunctionsReadBackUnchanged() throws Exception {
        for (String value : HostileStrings.forEscapers()) {
            String groovy = new JMeter.GroovyCall().string(value).code(" + ").variable("id").build();
            assertEquals(value + "42", JMeterRuntime.evaluate(groovy, VARS), "__groovy");
            String nested = JMeter.property("loadsmith.test.unset", groovy);
            assertEquals(value + "42", JMeterRuntime.evaluate(nested, VARS), "__P default");
        }
    }

    @Test
    void functionArgumentsReadBackUnchanged() throws Exception {
        for (String value : HostileStrings.forEscapers()) {
            assertEquals(value, JMeterRuntime.evaluate("${__P(loadsmith.test.unset," + JMeter.argument(value) + ")}", VARS), value);
        }
    }

    @Provide
    Arbitrary<String> text() {
        return HostileStrings.any();
    }

    /**
     * Any text, in every form of the tests above. {@code __P} trims its value (JMeterUtils.getPropDefault
     * does), so what comes back through it is the trimmed text; Loadsmith's plans give {@code __P} only
     * numbers and read variables' defaults with Groovy.
     */
    @Property(tries = 400, seed = "20261202")
    void anyTextReadsBackUnchanged(@ForAll("text") String value) throws Exception {
        assertEquals(value, JMeterRuntime.evaluate(JMeter.literal(value), VARS), "literal");
        assertEquals(value, JMeterRuntime.evaluate(JMeter.name(value), VARS), "name");
        String around = new JMeter.Expression().literal(value).code(JMeter.variable("id")).literal(value).toString();
        assertEquals(value + "42" + value, JMeterRuntime.evaluate(around, VARS), "around a variable");
        String groovy = new JMeter.GroovyCall().string(value).code(" + ").variable("id").build();
        assertEquals(value + "42", JMeterRuntime.evaluate(groovy, VARS), "__groovy");
        assertEquals((value + "42").trim(), JMeterRuntime.evaluate(JMeter.property("loadsmith.test.unset", groovy), VARS),
                "__groovy inside __P");
        assertEquals(value.trim(), JMeterRuntime.evaluate("${__P(loadsmith.test.unset," + JMeter.argument(value) + ")}", VARS),
                "argument");
    }
}
