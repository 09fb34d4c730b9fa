package io.loadsmith.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in the spelling load tools share: {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 2h}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private Durations() {}

    public static Duration parse(String text) {
        Checks.requireNonNull(text, "duration");
        String value = text.trim();
        Checks.checkArgument(!value.isEmpty(), "a duration must not be empty");
        Matcher matcher = PART.matcher(value);
        int position = 0;
        Duration total = Duration.ZERO;
        while (matcher.find() && matcher.start() == position) {
            double amount = Double.parseDouble(matcher.group(1));
            long millis = switch (matcher.group(2)) {
                case "ms" -> Math.round(amount);
                case "s" -> Math.round(amount * 1_000);
                case "m" -> Math.round(amount * 60_000);
                default -> Math.round(amount * 3_600_000);
            };
            total = total.plusMillis(millis);
            position = matcher.end();
        }
        Checks.checkArgument(position == value.length() && position > 0,
                "'%s' is not a duration: write e.g. 500ms, 30s, 5m, 1m30s or 2h", text);
        return total;
    }

    /** The shortest spelling that {@link #parse} reads back to the same duration. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1_000 % 60;
        long rest = millis % 1_000;
        if (rest != 0 && millis < 1_000) {
            return rest + "ms";
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0 || rest > 0) {
            out.append(seconds);
            if (rest > 0) {
                out.append('.').append(String.format("%03d", rest).replaceAll("0+$", ""));
            }
            out.append('s');
        }
        return out.toString();
    }

    /** Seconds as a plain number: {@code 1.5}, {@code 2}. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return Long.toString(millis / 1000);
        }
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
