package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"500ms,500,500ms", "30s,30000,30s", "1m30s,90000,1m30s", "2h,7200000,2h", "1.5s,1500,1.5s",
            "90s,90000,1m30s", "0s,0,0s", "1h0m5s,3605000,1h5s", "37.5s,37500,37.5s"})
    void parsesAndFormats(String text, long millis, String canonical) {
        Duration duration = Durations.parse(text);
        assertEquals(millis, duration.toMillis());
        assertEquals(canonical, Durations.format(duration));
        assertEquals(duration, Durations.parse(Durations.format(duration)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 minutes", "m5", "1x"})
    void rejectsWhatIsNotADuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }
}
