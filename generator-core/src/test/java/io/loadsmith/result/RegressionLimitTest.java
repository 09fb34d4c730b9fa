package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegressionLimitTest {
    @Test
    void eachFormReads() {
        assertEquals(new RegressionLimit("p95:+10%", null, RegressionLimit.Figure.P95, 10, RegressionLimit.Unit.PERCENT),
                RegressionLimit.parse("p95:+10%"));
        assertEquals(new RegressionLimit("createBook: max:+200ms", "createBook", RegressionLimit.Figure.MAX, 200,
                RegressionLimit.Unit.MILLISECONDS), RegressionLimit.parse(" createBook: max:+200ms "));
        assertEquals(RegressionLimit.EVERY_OPERATION, RegressionLimit.parse("*: p99:5%").scope());
        assertEquals(RegressionLimit.Unit.PERCENTAGE_POINTS, RegressionLimit.parse("error-rate:+1.5pp").unit());
        assertEquals(RegressionLimit.Unit.PERCENTAGE_POINTS, RegressionLimit.parse("error-rate:+1").unit());
        assertEquals(5, RegressionLimit.parse("throughput:-5%").amount());
        assertEquals("GET /a: b", RegressionLimit.parse("GET /a: b: mean:+1%").scope(), "an operation name with a colon");
    }

    @Test
    void whatMakesNoSenseIsRefusedWithTheReason() {
        assertMessage("p95", "is not a regression limit");
        assertMessage("p96:+10%", "unknown figure 'p96'");
        assertMessage("error-rate:+1%", "percentage points");
        assertMessage("p95:+1pp", "for error-rate only");
        assertMessage("throughput:+10ms", "milliseconds are for latency figures only");
        assertMessage("p95:-10%", "an increase (+)");
        assertMessage("throughput:+10%", "write throughput:-10%");
        assertMessage("p95:10", "give the amount a unit");
    }

    private static void assertMessage(String expression, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegressionLimit.parse(expression));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void worseningIsInTheLimitsUnitAndThroughputWorsensWhenItDrops() {
        assertEquals(50.0, RegressionLimit.parse("p95:+10%").worsening(100.0, 150.0));
        assertEquals(-20.0, RegressionLimit.parse("p95:+10%").worsening(100.0, 80.0));
        assertEquals(25.0, RegressionLimit.parse("max:+10ms").worsening(100.0, 125.0));
        assertEquals(2.0, RegressionLimit.parse("error-rate:+1pp").worsening(0.01, 0.03), 1e-9);
        assertEquals(10.0, RegressionLimit.parse("throughput:-5%").worsening(200.0, 180.0));
        assertNull(RegressionLimit.parse("p95:+10%").worsening(0.0, 3.0), "no relative change from zero");
        assertNull(RegressionLimit.parse("p95:+10%").worsening(null, 3.0));
    }
}
