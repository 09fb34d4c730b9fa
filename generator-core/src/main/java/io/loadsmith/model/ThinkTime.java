package io.loadsmith.model;

import java.time.Duration;

/** A pause of a uniformly random length between {@code min} and {@code max}. */
public record ThinkTime(Duration min, Duration max) implements Step {
    public ThinkTime {
        Checks.requireNonNull(min, "min");
        Checks.requireNonNull(max, "max");
        Checks.checkArgument(!min.isNegative() && min.compareTo(max) <= 0,
                "think time [%s, %s] must be non-negative and ordered", Durations.format(min), Durations.format(max));
    }

    public static ThinkTime fixed(Duration duration) {
        return new ThinkTime(duration, duration);
    }

    public boolean isFixed() {
        return min.equals(max);
    }
}
