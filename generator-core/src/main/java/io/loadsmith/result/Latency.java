package io.loadsmith.result;

/**
 * Latency figures in milliseconds; a figure is null when the tool's output does not give it (a k6
 * summary has no p75, unless asked for).
 */
public record Latency(Double min, Double mean, Double p50, Double p75, Double p90, Double p95, Double p99, Double max) {
    public Latency {
        for (Double value : new Double[] {min, mean, p50, p75, p90, p95, p99, max}) {
            if (value != null && (!(value >= 0) || value.isInfinite())) {
                throw new IllegalArgumentException("a latency (" + value + ") must be a finite number >= 0");
            }
        }
    }

    /** The figure for a percentile this record holds (50, 75, 90, 95, 99), or null. */
    public Double percentile(double percentile) {
        if (percentile == 50) {
            return p50;
        } else if (percentile == 75) {
            return p75;
        } else if (percentile == 90) {
            return p90;
        } else if (percentile == 95) {
            return p95;
        } else if (percentile == 99) {
            return p99;
        }
        return null;
    }
}
