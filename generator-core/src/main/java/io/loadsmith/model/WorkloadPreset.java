package io.loadsmith.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The named test types of load-testing practice, as workload shapes.
 *
 * <p>A preset is a shape (fractions of the duration and of the peak level) with a default peak,
 * duration and model. {@link #workload} scales it: {@code --vus} sets the peak users of a closed
 * workload, {@code --rate} makes it open with that peak arrival rate, {@code --duration} stretches
 * the stages in proportion.
 */
public enum WorkloadPreset {
    /** A minimal load that proves the script works. */
    SMOKE("1 user for 30s: proves the script and the system work", false, 1, 1, "30s", 1.0,
            stage(1, 1.0)),
    /** The expected everyday load: ramp up, hold, ramp down. */
    LOAD("ramp to 20 users, hold, ramp down over 5m: the expected everyday load", false, 20, 20, "5m", 0.0,
            stage(1, 1.0), stage(6, 1.0), stage(1, 0.0)),
    /** Above the expected load, to see how the system degrades. */
    STRESS("ramp to 50 users, hold, ramp down over 10m: above the expected load", false, 50, 50, "10m", 0.0,
            stage(1, 1.0), stage(6, 1.0), stage(1, 0.0)),
    /** A sudden surge and its end. */
    SPIKE("surge to 100 users within 2m, drop back within 1m", false, 100, 100, "3m", 0.0,
            stage(2, 1.0), stage(1, 0.0)),
    /** The expected load for a long time, to find leaks and drift. */
    SOAK("20 users for 1h after a short ramp: leaks and drift over time", false, 20, 20, "1h", 0.0,
            stage(1, 1.0), stage(22, 1.0), stage(1, 0.0)),
    /** An ever-growing arrival rate, to find where the system breaks. */
    BREAKPOINT("arrival rate growing from 0 to 100/s over 10m: where the system breaks", true, 1000, 100, "10m", 0.0,
            stage(1, 1.0));

    private record Shape(int weight, double level) {}

    private final String description;
    private final boolean open;
    private final int defaultUsers;
    private final double defaultRate;
    private final Duration defaultDuration;
    private final double startLevel;
    private final List<Shape> shape;

    WorkloadPreset(String description, boolean open, int defaultUsers, double defaultRate, String defaultDuration,
                   double startLevel, Shape... shape) {
        this.description = description;
        this.open = open;
        this.defaultUsers = defaultUsers;
        this.defaultRate = defaultRate;
        this.defaultDuration = Durations.parse(defaultDuration);
        this.startLevel = startLevel;
        this.shape = List.of(shape);
    }

    private static Shape stage(int weight, double level) {
        return new Shape(weight, level);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static WorkloadPreset fromId(String id) {
        for (WorkloadPreset preset : values()) {
            if (preset.id().equalsIgnoreCase(id)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "': use one of smoke, load, stress, spike, soak, breakpoint");
    }

    /**
     * This preset's workload.
     *
     * @param users    peak virtual users (closed), or max users (open); null for the default
     * @param rate     peak arrivals per second; when set the workload is open; null for the default
     * @param duration total duration; null for the default
     */
    public Workload workload(Integer users, Double rate, Duration duration) {
        Duration total = duration != null ? duration : defaultDuration;
        Checks.checkArgument(total.toSeconds() >= shape.size(),
                "duration %s is too short for profile %s, which has %s stages", Durations.format(total), id(), shape.size());
        List<Duration> durations = split(total);
        if (open || rate != null) {
            double peak = rate != null ? rate : defaultRate;
            Checks.checkArgument(peak > 0, "rate (%s) must be > 0", peak);
            int maxUsers = users != null ? users : (open ? defaultUsers : Math.max(10, (int) Math.ceil(peak * 10)));
            int preAllocated = Math.max(1, Math.min(maxUsers, (int) Math.ceil(peak)));
            List<Workload.RateStage> stages = new ArrayList<>();
            for (int i = 0; i < shape.size(); i++) {
                stages.add(new Workload.RateStage(durations.get(i), shape.get(i).level() * peak));
            }
            return new Workload.OpenWorkload(startLevel * peak, stages, preAllocated, maxUsers);
        }
        int peak = users != null ? users : defaultUsers;
        Checks.checkArgument(peak >= 1, "users (%s) must be >= 1", peak);
        List<Workload.UserStage> stages = new ArrayList<>();
        for (int i = 0; i < shape.size(); i++) {
            stages.add(new Workload.UserStage(durations.get(i), (int) Math.round(shape.get(i).level() * peak)));
        }
        return new Workload.ClosedWorkload((int) Math.round(startLevel * peak), stages);
    }

    /** Splits whole seconds by the shape's weights; the last stage takes what rounding left. */
    private List<Duration> split(Duration total) {
        long seconds = total.toSeconds();
        int weights = shape.stream().mapToInt(Shape::weight).sum();
        List<Duration> durations = new ArrayList<>();
        long used = 0;
        for (int i = 0; i < shape.size() - 1; i++) {
            long part = Math.max(1, Math.round((double) seconds * shape.get(i).weight() / weights));
            durations.add(Duration.ofSeconds(part));
            used += part;
        }
        durations.add(total.minusSeconds(used));
        return durations;
    }
}
