package io.loadsmith.cli;

import io.loadsmith.PlanOptions;
import io.loadsmith.model.Durations;
import io.loadsmith.model.WorkloadPreset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Workload, thresholds, base URL and headers: adjustments to the imported plan. */
final class PlanMixin {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Workload shape: smoke, load, stress, spike, soak or breakpoint.")
    String profile;

    @Option(names = "--vus", paramLabel = "N", description = "Peak virtual users (with --rate: the most concurrent users).")
    Integer users;

    @Option(names = "--rate", paramLabel = "N", description = "Peak arrivals per second: an open workload.")
    Double rate;

    @Option(names = "--duration", paramLabel = "TIME", description = "Total duration, such as 30s, 5m or 1h30m.")
    String duration;

    @Option(names = "--base-url", paramLabel = "URL", description = "The base URL of the system under test.")
    String baseUrl;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A header for every request (repeatable). Secret values such as Authorization are read from the environment.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "A pass/fail criterion (repeatable): 'p95<500ms', 'error-rate<1%%', 'throughput>100/s', 'GET /users: p99<800ms'.")
    List<String> thresholds = new ArrayList<>();

    PlanOptions planOptions() {
        try {
            WorkloadPreset preset = profile == null ? null : WorkloadPreset.fromId(profile);
            if (users != null && users < 1) {
                throw new IllegalArgumentException("--vus must be >= 1");
            }
            if (rate != null && !(rate > 0)) {
                throw new IllegalArgumentException("--rate must be > 0");
            }
            return new PlanOptions(baseUrl, headers, preset, users, rate, duration(duration), thresholds);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    /** A {@code --duration} value; a bad one is named with its option. */
    static java.time.Duration duration(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--duration: " + e.getMessage());
        }
    }
}
