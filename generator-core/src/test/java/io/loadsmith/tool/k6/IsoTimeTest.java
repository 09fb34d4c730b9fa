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
            "1999-12-31T23:59:59.5+00:00", "2024-02-29T12:00:00.001Z", "2026-11-22T01:57:35.090054678+02:00",
            "2026-11-22T19:59:39.999-09:30", "2026-11-22T09:09:09.009+09:30"})
    void readsTheSameInstantAsTheJdk(String text) {
        IsoTime time = new IsoTime();
        assertEquals(jdk(text), time.millis(text), text);
        assertEquals(0, time.slowReads, "k6's forms take the fast path: " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T01:57:35.090+0100", "2026-11-22t01:57:35Z", "2026-11-22T1:57:35.090Z",
            "2026-11-22T01:5:35.0900Z", "2026-11-22T01:57:3.09000Z", "2026-11-22T01:57:35.090 Z", "2026-11-22T01:57Z",
            "2026-11-22T01:57:35,090Z", "2026-11-22T01:57:35.090+01", "2026-11-22T01:57:35.090+01:00:30",
            "2026-11-22T01:57:35.090+0a:00", "2026-11-22T01:57:35.090+01:x0", "2026-11-22T01:57:35.090Zulu",
            "2026-11-22T01:57:35.090"})
    void otherFormsAreLeftToTheJdksParser(String text) {
        IsoTime time = new IsoTime();
        long expected;
        try {
            expected = jdk(text);
        } catch (java.time.format.DateTimeParseException e) {
            expected = Long.MIN_VALUE;
        }
        assertEquals(expected, time.millis(text), text);
        assertEquals(1, time.slowReads, text);
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
