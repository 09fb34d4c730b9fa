package io.loadsmith.tool.k6;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Epoch milliseconds of k6's RFC 3339 times, without a parser per point. */
final class IsoTime {
    private String lastDate;
    private long lastEpochDay;
    /** How many times were read by the JDK's parser rather than the fast path: k6's own forms never are. */
    int slowReads;

    /** Epoch milliseconds, or Long.MIN_VALUE when the text is not a time. */
    long millis(String text) {
        // 2026-11-22T01:57:35.090054678Z or ...+01:00
        if (text.length() < 20 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return slow(text);
        }
        String date = text.substring(0, 10);
        if (!date.equals(lastDate)) {
            try {
                lastEpochDay = LocalDate.parse(date).toEpochDay();
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
            lastDate = date;
        }
        int hour = two(text, 11);
        int minute = two(text, 14);
        int second = two(text, 17);
        if (hour < 0 || minute < 0 || second < 0) {
            return slow(text);
        }
        int i = 19;
        int millis = 0;
        if (text.charAt(i) == '.') {
            int digits = 0;
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                if (digits < 3) {
                    millis = millis * 10 + (text.charAt(i) - '0');
                }
                digits++;
                i++;
            }
            for (; digits < 3; digits++) {
                millis *= 10;
            }
        }
        // The zone ends the text: Z, or +hh:mm / -hh:mm; anything else is the JDK's to read (or refuse).
        long offsetSeconds = 0;
        if (i + 1 != text.length() || text.charAt(i) != 'Z') {
            char sign = i < text.length() ? text.charAt(i) : ' ';
            if ((sign != '+' && sign != '-') || i + 6 != text.length() || text.charAt(i + 3) != ':') {
                return slow(text);
            }
            int hours = two(text, i + 1);
            int minutes = two(text, i + 4);
            if (hours < 0 || minutes < 0) {
                return slow(text);
            }
            offsetSeconds = (hours * 3600L + minutes * 60L) * (sign == '-' ? -1 : 1);
        }
        return ((lastEpochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds) * 1000) + millis;
    }

    private static int two(String text, int at) {
        char a = text.charAt(at);
        char b = text.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    private long slow(String text) {
        slowReads++;
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
