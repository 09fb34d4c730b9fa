package io.loadsmith.importer;

import io.loadsmith.model.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a HAR recording becomes a plan.
 *
 * @param thinkTime    pauses where the recording paused: {@code recorded}, {@code none},
 *                     {@code fixed:2s} or {@code scale:0.5}
 * @param includeHosts host patterns to keep ({@code *.example.com}, {@code api.example.com:8443});
 *                     empty for the host of the first request
 * @param excludeHosts host patterns to leave out
 * @param keepStatic   keep images, fonts, style sheets, scripts and media
 * @param correlate    turn values that a response produced and a later request sends into extractions
 * @param spec         an OpenAPI document whose operations name and check the recorded requests; may be null
 */
public record HarOptions(String thinkTime, List<String> includeHosts, List<String> excludeHosts, boolean keepStatic,
                         boolean correlate, Path spec) {
    public HarOptions {
        thinkTime = thinkTime == null ? "recorded" : thinkTime.trim().toLowerCase(Locale.ROOT);
        includeHosts = List.copyOf(includeHosts);
        excludeHosts = List.copyOf(excludeHosts);
        pauseFactor(thinkTime);
    }

    public static HarOptions defaults() {
        return new HarOptions("recorded", List.of(), List.of(), false, true, null);
    }

    /**
     * The factor applied to a recorded pause: 1 for {@code recorded}, 0 for {@code none}, F for
     * {@code scale:F}; null for {@code fixed:D}, where {@link #fixedPause} applies.
     */
    public Double pauseFactor() {
        return pauseFactor(thinkTime);
    }

    /** The pause of {@code fixed:D}, else null. */
    public Duration fixedPause() {
        return thinkTime.startsWith("fixed:") ? Durations.parse(thinkTime.substring("fixed:".length())) : null;
    }

    private static Double pauseFactor(String mode) {
        if (mode.equals("recorded")) {
            return 1.0;
        }
        if (mode.equals("none") || mode.equals("0")) {
            return 0.0;
        }
        if (mode.startsWith("scale:")) {
            try {
                double factor = Double.parseDouble(mode.substring("scale:".length()));
                if (factor >= 0 && Double.isFinite(factor)) {
                    return factor;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("think time '" + mode + "': scale:F needs a factor >= 0, such as scale:0.5");
        }
        if (mode.startsWith("fixed:")) {
            Durations.parse(mode.substring("fixed:".length()));
            return null;
        }
        throw new IllegalArgumentException("think time '" + mode + "' for a recording must be recorded, none, fixed:2s or scale:0.5");
    }
}
