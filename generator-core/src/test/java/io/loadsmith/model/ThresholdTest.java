package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p95<500ms|p95<500ms",
            "p(99) <= 1.5s|p99<=1500ms",
            "avg<200|avg<200ms",
            "med<100ms|p50<100ms",
            "error-rate<1%|error-rate<1%",
            "errors<0.005|error-rate<0.5%",
            "throughput>100/s|throughput>100/s",
            "rps>=20|throughput>=20/s",
            "GET /users: p99<800ms|GET /users: p99<800ms",
            "checkout:error-rate<2%|checkout: error-rate<2%",
            "p99.9<2s|p99.9<2000ms"})
    void parsesAndPrintsCanonically(String written, String canonical) {
        Threshold threshold = Threshold.parse(written);
        assertEquals(canonical, threshold.expression());
        assertEquals(threshold, Threshold.parse(threshold.expression()));
    }

    @Test
    void scopesToAnOperation() {
        Threshold threshold = Threshold.parse("GET /pets/{id}: p95<300ms");
        assertEquals("GET /pets/{id}", threshold.operation());
        assertInstanceOf(Threshold.Percentile.class, threshold.measure());
        assertEquals(300, threshold.limit());
        assertNull(Threshold.parse("p95<300ms").operation());
    }

    @Test
    void errorRateIsAFraction() {
        assertEquals(0.01, Threshold.parse("error-rate<1%").limit(), 1e-12);
    }

    @Test
    void rejectsNonsenseWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threshold.parse("fast please"));
        assertTrue(e.getMessage().contains("p95<500ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("p95>500ms"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("throughput<10/s"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("error-rate<150%"));
        assertThrows(IllegalArgumentException.class, () -> Threshold.parse("p95<5%"));
    }

    @Test
    void comparisonsHoldBelowAtAndAboveTheirLimit() {
        // measured below, at and above a limit of 2, for <, <=, > and >=
        assertEquals(List.of(true, false, false), outcomes(Threshold.Comparison.LESS));
        assertEquals(List.of(true, true, false), outcomes(Threshold.Comparison.LESS_OR_EQUAL));
        assertEquals(List.of(false, false, true), outcomes(Threshold.Comparison.GREATER));
        assertEquals(List.of(false, true, true), outcomes(Threshold.Comparison.GREATER_OR_EQUAL));
    }

    private static List<Boolean> outcomes(Threshold.Comparison comparison) {
        return java.util.stream.DoubleStream.of(1.999, 2, 2.001).mapToObj(m -> comparison.holds(m, 2)).toList();
    }
}
