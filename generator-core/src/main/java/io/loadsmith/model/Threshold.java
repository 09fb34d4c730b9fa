package io.loadsmith.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail criterion on the results, for the whole run or for one operation.
 *
 * <p>Written as {@code p95<500ms}, {@code error-rate<1%}, {@code throughput>100/s}, or scoped to
 * an operation as {@code GET /users: p99<800ms}. Latency limits are in milliseconds, error rates
 * are fractions (1% is 0.01), throughput is requests per second.
 *
 * @param operation the request name this applies to, or null for the whole run
 */
public record Threshold(String operation, Measure measure, Comparison comparison, double limit) {

    /** What is measured. */
    public sealed interface Measure permits Percentile, MeanLatency, MaxLatency, ErrorRate, Throughput {
        /** Whether a good value is below the limit (latency, errors) rather than above it (throughput). */
        default boolean upperBound() {
            return !(this instanceof Throughput);
        }
    }

    /** A latency percentile, {@code 95} for p95. */
    public record Percentile(double percentile) implements Measure {
        public Percentile {
            Checks.checkArgument(percentile > 0 && percentile < 100, "percentile (%s) must be within (0, 100)", percentile);
        }
    }

    public record MeanLatency() implements Measure {}

    public record MaxLatency() implements Measure {}

    /** The fraction of requests that failed. */
    public record ErrorRate() implements Measure {}

    /** Requests per second over the run. */
    public record Throughput() implements Measure {}

    public enum Comparison {
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isUpperBound() {
            return this == LESS || this == LESS_OR_EQUAL;
        }

        public boolean holds(double measured, double limit) {
            return switch (this) {
                case LESS -> measured < limit;
                case LESS_OR_EQUAL -> measured <= limit;
                case GREATER -> measured > limit;
                case GREATER_OR_EQUAL -> measured >= limit;
            };
        }

        static Comparison fromSymbol(String symbol) {
            for (Comparison comparison : values()) {
                if (comparison.symbol.equals(symbol)) {
                    return comparison;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }
    }

    private static final Pattern EXPRESSION = Pattern.compile(
            "^\\s*(?:(.+?)\\s*:\\s*)?(p\\(?\\d+(?:\\.\\d+)?\\)?|avg|mean|med|max|error-rate|error_rate|errors|throughput|rps)"
                    + "\\s*(<=|>=|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|%|/s|rps)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    public Threshold {
        Checks.requireNonNull(measure, "measure");
        Checks.requireNonNull(comparison, "comparison");
        Checks.checkArgument(operation == null || !operation.isBlank(), "a threshold's operation must not be blank");
        Checks.checkArgument(limit >= 0 && Double.isFinite(limit), "threshold limit (%s) must be >= 0", limit);
        Checks.checkArgument(comparison.isUpperBound() == measure.upperBound(),
                "%s must be %s a limit", describe(measure), measure.upperBound() ? "below (< or <=)" : "above (> or >=)");
        if (measure instanceof ErrorRate) {
            Checks.checkArgument(limit <= 1, "an error rate limit (%s) must be a fraction within [0, 1]", limit);
        }
    }

    /** Parses an expression such as {@code GET /users: p99<800ms}. */
    public static Threshold parse(String expression) {
        Checks.requireNonNull(expression, "threshold");
        Matcher m = EXPRESSION.matcher(expression);
        Checks.checkArgument(m.matches(),
                "'%s' is not a threshold: write e.g. p95<500ms, error-rate<1%%, throughput>100/s or 'GET /users: p99<800ms'",
                expression);
        String operation = m.group(1);
        String metric = m.group(2).toLowerCase(Locale.ROOT);
        Comparison comparison = Comparison.fromSymbol(m.group(3));
        double number = Double.parseDouble(m.group(4));
        String unit = m.group(5) == null ? "" : m.group(5).toLowerCase(Locale.ROOT);
        Measure measure;
        double limit;
        if (metric.startsWith("p") && !metric.equals("p")) {
            measure = new Percentile(Double.parseDouble(metric.replaceAll("[p()]", "")));
            limit = latencyMillis(number, unit, expression);
        } else if (metric.equals("med")) {
            measure = new Percentile(50);
            limit = latencyMillis(number, unit, expression);
        } else if (metric.equals("avg") || metric.equals("mean")) {
            measure = new MeanLatency();
            limit = latencyMillis(number, unit, expression);
        } else if (metric.equals("max")) {
            measure = new MaxLatency();
            limit = latencyMillis(number, unit, expression);
        } else if (metric.startsWith("error")) {
            Checks.checkArgument(unit.isEmpty() || unit.equals("%"), "error rate '%s' takes a fraction or a percentage", expression);
            limit = unit.equals("%") ? number / 100 : number;
            measure = new ErrorRate();
        } else {
            Checks.checkArgument(unit.isEmpty() || unit.equals("/s") || unit.equals("rps"),
                    "throughput '%s' takes requests per second, e.g. throughput>100/s", expression);
            measure = new Throughput();
            limit = number;
        }
        return new Threshold(operation, measure, comparison, limit);
    }

    private static double latencyMillis(double number, String unit, String expression) {
        return switch (unit) {
            case "", "ms" -> number;
            case "s" -> number * 1000;
            default -> throw new IllegalArgumentException("latency in '" + expression + "' takes ms or s, not " + unit);
        };
    }

    /** The canonical expression, which {@link #parse} reads back to an equal threshold. */
    public String expression() {
        String value;
        if (measure instanceof ErrorRate) {
            value = plain(limit * 100) + "%";
        } else if (measure instanceof Throughput) {
            value = plain(limit) + "/s";
        } else {
            value = plain(limit) + "ms";
        }
        String body = metricName() + comparison.symbol() + value;
        return operation == null ? body : operation + ": " + body;
    }

    /** The metric as written in expressions: {@code p95}, {@code avg}, {@code error-rate}. */
    public String metricName() {
        if (measure instanceof Percentile p) {
            return "p" + plain(p.percentile());
        }
        if (measure instanceof MeanLatency) {
            return "avg";
        }
        if (measure instanceof MaxLatency) {
            return "max";
        }
        if (measure instanceof ErrorRate) {
            return "error-rate";
        }
        return "throughput";
    }

    private static String describe(Measure measure) {
        return measure instanceof Throughput ? "throughput" : measure instanceof ErrorRate ? "an error rate" : "a latency";
    }

    static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return expression();
    }
}
