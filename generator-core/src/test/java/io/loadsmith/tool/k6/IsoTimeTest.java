package io.loadsmith.tool.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** k6's point times, read without a parser per point: the same instant the JDK reads, to the millisecond. */
class IsoTimeTest {
    private static long jdk(String text) {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T01:57:35.090054678Z", "2026-11-22T01:57:35Z", "2026-11-22T01:57:35.1Z",
            "2026-11-22T01:57:35.12Z", "2026-11-22T01:57:35.999999999Z", "2026-11-22T01:57:35.090+01:00",
            "2026-11-22T01:57:35.090-05:30", "2026-11-22T23:59:59.999+14:00", "2026-01-01T00:00:00.000-12:00",
            "1999-12-31T23:59:59.5+00:00", "2024-02-29T12:00:00.001Z", "2026-11-22T01:57:35.090054678+02:00"})
    void readsTheSameInstantAsTheJdk(String text) {
        assertEquals(jdk(text), new IsoTime().millis(text), text);
    }

    @Test
    void aFractionIsCutToMillisecondsNotRounded() {
        IsoTime time = new IsoTime();
        assertEquals(time.millis("2026-11-22T01:57:35Z") + 999, time.millis("2026-11-22T01:57:35.9999Z"));
        assertEquals(time.millis("2026-11-22T01:57:35Z") + 100, time.millis("2026-11-22T01:57:35.1Z"));
    }

    @Test
    void theDayCachedForOnePointIsNotUsedForTheNext() {
        IsoTime time = new IsoTime();
        long first = time.millis("2026-11-22T23:59:59.000Z");
        assertEquals(first + 1000, time.millis("2026-11-23T00:00:00.000Z"));
        assertEquals(first, time.millis("2026-11-22T23:59:59.000Z"));
    }

    @Test
    void textThatIsNoTimeIsNotOne() {
        IsoTime time = new IsoTime();
        assertEquals(Long.MIN_VALUE, time.millis("yesterday"));
        assertEquals(Long.MIN_VALUE, time.millis("2026-13-22T01:57:35.000Z"));
        assertEquals(Long.MIN_VALUE, time.millis("2026-11-22T01:5x:35.000Z"));
        assertEquals(Long.MIN_VALUE, time.millis("2026-11-22T01:57:35.000*01:00"));
        assertEquals(Long.MIN_VALUE, time.millis(""));
    }

    @Test
    void otherSpellingsGoToTheJdk() {
        // A space for the T is no time; a time without seconds is one, read by the JDK.
        assertEquals(Long.MIN_VALUE, new IsoTime().millis("2026-11-22 01:57:35Z"));
        assertEquals(jdk("2026-11-22T01:57Z"), new IsoTime().millis("2026-11-22T01:57Z"));
        assertEquals(jdk("2026-11-22T01:57:35.000+01"), new IsoTime().millis("2026-11-22T01:57:35.000+01"));
    }
}
