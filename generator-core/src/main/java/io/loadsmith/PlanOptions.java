package io.loadsmith;

import io.loadsmith.model.WorkloadPreset;
import java.time.Duration;
import java.util.List;

/**
 * Adjustments applied to an imported plan, as the command line takes them.
 *
 * @param baseUrl    replaces the plan's base URL; null to keep it
 * @param headers    extra headers for every request, as {@code Name: value}; secret values (such
 *                   as an Authorization or Cookie header) become environment variables
 * @param profile    a named workload shape; null to keep the plan's workload unless the numbers below are set
 * @param users      peak virtual users (or max users of an open workload); null for the profile's default
 * @param rate       peak arrivals per second, which makes the workload open; null for none
 * @param duration   total duration; null for the profile's default
 * @param thresholds threshold expressions added to the plan's, such as {@code p95<500ms}
 */
public record PlanOptions(String baseUrl, List<String> headers, WorkloadPreset profile, Integer users, Double rate,
                          Duration duration, List<String> thresholds) {
    public PlanOptions {
        headers = List.copyOf(headers);
        thresholds = List.copyOf(thresholds);
    }

    public static PlanOptions none() {
        return new PlanOptions(null, List.of(), null, null, null, null, List.of());
    }

    public boolean changesWorkload() {
        return profile != null || users != null || rate != null || duration != null;
    }
}
