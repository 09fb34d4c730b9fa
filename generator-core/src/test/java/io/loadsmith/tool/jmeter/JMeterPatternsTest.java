package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two pieces of text the JMeter script builds: the Response Assertion's pattern for a range of
 * statuses, and JSON string literals in a body, which must also be text that XML can hold.
 */
class JMeterPatternsTest {
    @ParameterizedTest
    @CsvSource({"200, 299, 2\\d\\d", "200, 499, [2-4]\\d\\d", "400, 499, 4\\d\\d", "200, 204, 200|201|202|203|204",
            "299, 301, 299|300|301", "100, 199, 1\\d\\d"})
    void aRangeOfStatusesMatchesExactlyItsCodes(int from, int to, String expected) {
        String pattern = JMeterViewBuilder.statusPattern(from, to);
        assertEquals(expected, pattern);
        Pattern compiled = Pattern.compile(pattern);
        IntStream.rangeClosed(100, 599).forEach(code -> assertEquals(code >= from && code <= to,
                compiled.matcher(Integer.toString(code)).matches(), pattern + " on " + code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" and backslash \\", "lines\nand\rtabs\tback\bfeed\f", "\u0000\u001f\u007f\u0085\u009f",
            "\u2028\u2029", "emoji \uD83D\uDE00", "lone high \uD83D", "\uDE00 lone low", "x\uD83D", "\uFFFE\uFFFF", "é ü 中"})
    void aJsonStringReadsBackAsTheTextAndHoldsOnlyCharactersXmlAllows(String text) throws Exception {
        String literal = JMeterViewBuilder.jsonString(text);
        // A lone surrogate cannot be written as UTF-8: JSON's \\u escape keeps it, and a JSON reader gives it back.
        assertEquals(text, new ObjectMapper().readValue(literal, String.class), literal);
        literal.codePoints().forEach(c -> assertTrue(c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0x7f
                || c > 0x9f && c != 0x2028 && c != 0x2029 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF),
                "U+" + Integer.toHexString(c) + " in " + literal));
    }
}
