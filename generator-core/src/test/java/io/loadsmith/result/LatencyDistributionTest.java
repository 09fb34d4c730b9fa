package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {
    @Test
    void itsEncodingDecodesToTheSameDistribution() {
        LatencyDistribution d = LatencyDistribution.ofMillis(1000, 1.5, 2.25, 3, 250.125, 250.125, 12_000);
        LatencyDistribution back = LatencyDistribution.decode(d.encoded(), 1000);
        assertEquals(d, back);
        assertEquals(6, back.count());
        assertEquals(d.buckets(), back.buckets());
        assertEquals(250.125, back.percentileMs(60), 0.25);
    }

    @Test
    void percentilesAreExactToThreeSignificantDigits() {
        LatencyDistribution d = LatencyDistribution.ofMillis(1, 10_007, 10_007, 10_007, 20);
        assertEquals(10_007, d.percentileMs(100), 10_007 * 0.001);
        assertEquals(10_007, d.percentileMs(30), 10_007 * 0.001);
        assertEquals(20, d.percentileMs(0));
        assertEquals(20, d.percentileMs(25));
    }

    @Test
    void twoDistributionsAddUpInTheFinerUnit() {
        LatencyDistribution ms = LatencyDistribution.ofMillis(1, 5, 7);
        LatencyDistribution micros = LatencyDistribution.ofMillis(1000, 5.5);
        LatencyDistribution sum = ms.plus(micros);
        assertEquals(1000, sum.unitsPerMs());
        assertEquals(3, sum.count());
        assertEquals(List.of(5.0, 5.5, 7.0), sum.buckets().stream().map(b -> Math.round(b.ms() * 10) / 10.0).toList());
        assertEquals(sum, micros.plus(ms));
    }

    @Test
    void whatIsNotAnEncodedHistogramIsRefused() {
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class, () -> LatencyDistribution.decode("%%", 1));
        assertTrue(notBase64.getMessage().startsWith("not base64"), notBase64.getMessage());
        IllegalArgumentException notHistogram = assertThrows(IllegalArgumentException.class, () -> LatencyDistribution.decode("AAAAAAAA", 1));
        assertTrue(notHistogram.getMessage().startsWith("not a compressed HdrHistogram"), notHistogram.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatencyDistribution.ofMillis(0, 1));
    }
}
