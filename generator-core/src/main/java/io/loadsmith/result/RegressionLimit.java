package io.loadsmith.result;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much worse a figure may get from a baseline run to the current one, as {@code compare
 * --max-regression} takes it: {@code [SCOPE: ]FIGURE:AMOUNT}.
 * <ul>
 *   <li>FIGURE: {@code p50}, {@code p75}, {@code p90}, {@code p95}, {@code p99}, {@code max},
 *       {@code mean} (latency, worse when higher), {@code error-rate} (worse when higher),
 *       {@code throughput} (worse when lower).</li>
 *   <li>AMOUNT: {@code +10%} (relative to the baseline), {@code +50ms} (latency figures),
 *       {@code +1pp} (error rate, in percentage points); the sign may be left out, and a
 *       throughput amount is a drop ({@code throughput:-10%} and {@code throughput:10%} alike).</li>
 *   <li>SCOPE: none for the whole run, an operation's name, or {@code *} for every operation both
 *       runs have.</li>
 * </ul>
 *
 * @param scope  null for the total, {@link #EVERY_OPERATION}, or an operation's name
 * @param amount how much worse it may get, positive, in {@code unit}
 */
public record RegressionLimit(String expression, String scope, Figure figure, double amount, Unit unit) {
    /** The scope of a limit on each operation. */
    public static final String EVERY_OPERATION = "*";

    private static final Pattern FORM = Pattern.compile("(?:(.+?)\\s*:\\s+)?([a-z0-9.-]+)\\s*:\\s*([+-]?)(\\d+(?:\\.\\d+)?)\\s*(%|ms|pp)?");

    /** A figure a limit can be put on. */
    public enum Figure {
        P50("p50"), P75("p75"), P90("p90"), P95("p95"), P99("p99"), MAX("max"), MEAN("mean"),
        ERROR_RATE("error-rate"), THROUGHPUT("throughput");

        private final String id;

        Figure(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean isLatency() {
            return this != ERROR_RATE && this != THROUGHPUT;
        }

        /** The percentile (50..99) of a percentile figure, else null. */
        public Double percentile() {
            return id.startsWith("p") ? Double.valueOf(id.substring(1)) : null;
        }

        /** The figure of these stats (latency in ms, error rate as a fraction, requests/s), null when unknown. */
        public Double of(Stats stats) {
            if (this == ERROR_RATE) {
                return stats.requests() == 0 ? null : stats.errorRate();
            }
            if (this == THROUGHPUT) {
                return stats.throughputPerSecond();
            }
            Latency latency = stats.latencyMs();
            if (latency == null) {
                return null;
            }
            return switch (this) {
                case MAX -> latency.max();
                case MEAN -> latency.mean();
                default -> latency.percentile(percentile());
            };
        }

        static Figure parse(String text) {
            for (Figure figure : values()) {
                if (figure.id.equals(text)) {
                    return figure;
                }
            }
            throw new IllegalArgumentException("unknown figure '" + text + "' (one of p50, p75, p90, p95, p99, max, mean, "
                    + "error-rate, throughput)");
        }
    }

    /** The unit of a limit's amount. */
    public enum Unit { PERCENT, MILLISECONDS, PERCENTAGE_POINTS }

    /** Reads {@code [SCOPE: ]FIGURE:AMOUNT}, e.g. {@code p95:+10%}, {@code 'createBook: p99:+50ms'}, {@code error-rate:+1pp}. */
    public static RegressionLimit parse(String expression) {
        Matcher m = FORM.matcher(expression.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + expression + "' is not a regression limit: write FIGURE:AMOUNT, "
                    + "e.g. p95:+10%, max:+200ms, error-rate:+1pp, throughput:-5%, 'createBook: p99:+10%', '*: p95:+10%'");
        }
        Figure figure = Figure.parse(m.group(2).toLowerCase(Locale.ROOT));
        double amount = Double.parseDouble(m.group(4));
        String suffix = m.group(5);
        Unit unit;
        if (figure == Figure.ERROR_RATE) {
            if ("%".equals(suffix) || "ms".equals(suffix)) {
                throw new IllegalArgumentException("'" + expression + "': an error rate's limit is in percentage points, "
                        + "e.g. error-rate:+1pp");
            }
            unit = Unit.PERCENTAGE_POINTS;
        } else if ("pp".equals(suffix)) {
            throw new IllegalArgumentException("'" + expression + "': percentage points (pp) are for error-rate only");
        } else if ("ms".equals(suffix)) {
            if (!figure.isLatency()) {
                throw new IllegalArgumentException("'" + expression + "': milliseconds are for latency figures only");
            }
            unit = Unit.MILLISECONDS;
        } else if ("%".equals(suffix)) {
            unit = Unit.PERCENT;
        } else {
            throw new IllegalArgumentException("'" + expression + "': give the amount a unit: %, ms or pp (error-rate)");
        }
        if ("-".equals(m.group(3)) && figure != Figure.THROUGHPUT) {
            throw new IllegalArgumentException("'" + expression + "': a limit is how much worse " + figure.id
                    + " may get, so it is an increase (+)");
        }
        if ("+".equals(m.group(3)) && figure == Figure.THROUGHPUT) {
            throw new IllegalArgumentException("'" + expression + "': throughput gets worse when it drops: write throughput:-"
                    + m.group(4) + suffix);
        }
        return new RegressionLimit(expression.strip(), m.group(1), figure, amount, unit);
    }

    /**
     * How much worse {@code current} is than {@code baseline} in this limit's unit (negative: better),
     * or null when either is unknown or a relative change of a zero baseline.
     */
    public Double worsening(Double baseline, Double current) {
        if (baseline == null || current == null) {
            return null;
        }
        double change = figure == Figure.THROUGHPUT ? baseline - current : current - baseline;
        return switch (unit) {
            case PERCENT -> baseline == 0 ? null : change / baseline * 100;
            case MILLISECONDS -> change;
            case PERCENTAGE_POINTS -> change * 100;
        };
    }
}
