package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatling.core.session.el.AttributePart;
import io.gatling.core.session.el.ElCompiler$;
import io.gatling.core.session.el.ElPart;
import io.gatling.core.session.el.StaticPart;
import io.loadsmith.render.escape.HostileStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Escaped text read back by Gatling's own Expression Language parser (gatling-core's ElCompiler). */
class GatlingElTest {
    static Stream<String> texts() {
        return Stream.concat(HostileStrings.ALL.stream(), Stream.of("#{x}", "\\#{x}", "\\\\#{x}", "\\\\\\#{x}", "a\\", "a\\\\",
                "#{", "#{#{x}}", "\\", "}#{"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void literalTextIsOneStaticPart(String text) throws Exception {
        assertEquals(List.of("static:" + text), parts(GatlingEl.escape(text, false)));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void literalTextBeforeAnExpressionStaysLiteralAndTheExpressionStaysOne(String text) throws Exception {
        assertEquals(List.of("static:" + text, "attribute:orderId"), parts(GatlingEl.escape(text, true) + "#{orderId}"));
    }

    @Test
    void textWithoutExpressionsIsLeftAsItIs() {
        assertEquals("a \\ b # { } #x {x}", GatlingEl.escape("a \\ b # { } #x {x}", false));
    }

    private static List<String> parts(String expression) throws Exception {
        scala.collection.immutable.List<ElPart<Object>> parts = ElCompiler$.MODULE$.parse(expression);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.apply(i);
            out.add(part instanceof StaticPart s ? "static:" + s.string()
                    : part instanceof AttributePart a ? "attribute:" + a.name() : "other:" + part);
        }
        return out;
    }
}
