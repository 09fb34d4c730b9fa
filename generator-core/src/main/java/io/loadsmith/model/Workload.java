package io.loadsmith.model;

import java.time.Duration;
import java.util.List;

/**
 * How much load a plan applies, and in which model.
 *
 * <p>A {@link ClosedWorkload} keeps a number of virtual users busy: each user runs one scenario
 * iteration after another, so the request rate falls when the system under test slows down. An
 * {@link OpenWorkload} starts iterations at a rate, whether earlier ones have finished or not, as
 * independent clients on the internet would; a slow system then piles up concurrent iterations,
 * up to {@code maxUsers}, after which arrivals are dropped and counted. The two models answer
 * different questions, so a plan picks one; they cannot be mixed.
 *
 * <p>Stages change the level linearly: each stage moves from the level at its start (the previous
 * stage's target, or the start level) to its own target over its duration.
 */
public sealed interface Workload permits Workload.ClosedWorkload, Workload.OpenWorkload {

    /** The planned length of the test, the sum of the stage durations. */
    Duration duration();

    /** Whether the level never changes. */
    boolean isConstant();

    /** The workload in words, as reports give it: "closed model: 4 users for 15s". */
    String description();

    /** A number of concurrent virtual users, changing by stages. */
    record ClosedWorkload(int startUsers, List<UserStage> stages) implements Workload {
        public ClosedWorkload {
            Checks.checkArgument(startUsers >= 0, "start users (%s) must be >= 0", startUsers);
            stages = List.copyOf(Checks.requireNonNull(stages, "stages"));
            Checks.checkArgument(!stages.isEmpty(), "a closed workload needs at least one stage");
            Checks.checkArgument(stages.stream().anyMatch(s -> s.users() > 0) || startUsers > 0,
                    "a closed workload needs at least one virtual user in some stage");
        }

        public static ClosedWorkload constant(int users, Duration duration) {
            Checks.checkArgument(users >= 1, "users (%s) must be >= 1", users);
            return new ClosedWorkload(users, List.of(new UserStage(duration, users)));
        }

        @Override
        public Duration duration() {
            return stages.stream().map(UserStage::duration).reduce(Duration.ZERO, Duration::plus);
        }

        @Override
        public boolean isConstant() {
            return stages.stream().allMatch(s -> s.users() == startUsers);
        }

        @Override
        public String description() {
            if (isConstant()) {
                return "closed model: " + startUsers + " users for " + Durations.format(duration());
            }
            return "closed model: from " + startUsers + " users, " + String.join(", ", stages.stream()
                    .map(s -> s.users() + " users over " + Durations.format(s.duration())).toList());
        }

        public int peakUsers() {
            return Math.max(startUsers, stages.stream().mapToInt(UserStage::users).max().orElse(0));
        }
    }

    /** Over {@code duration}, move to {@code users} concurrent virtual users. */
    record UserStage(Duration duration, int users) {
        public UserStage {
            Checks.requireNonNull(duration, "stage duration");
            Checks.checkArgument(!duration.isNegative() && !duration.isZero(),
                    "stage duration (%s) must be > 0", Durations.format(duration));
            Checks.checkArgument(users >= 0, "stage users (%s) must be >= 0", users);
        }
    }

    /**
     * Scenario iterations started per second, changing by stages.
     *
     * @param preAllocatedUsers virtual users made ready before the test starts
     * @param maxUsers          the most concurrent iterations; arrivals beyond are dropped
     */
    record OpenWorkload(double startRate, List<RateStage> stages, int preAllocatedUsers, int maxUsers)
            implements Workload {
        public OpenWorkload {
            Checks.checkArgument(startRate >= 0 && Double.isFinite(startRate), "start rate (%s) must be >= 0", startRate);
            stages = List.copyOf(Checks.requireNonNull(stages, "stages"));
            Checks.checkArgument(!stages.isEmpty(), "an open workload needs at least one stage");
            Checks.checkArgument(preAllocatedUsers >= 1, "pre-allocated users (%s) must be >= 1", preAllocatedUsers);
            Checks.checkArgument(maxUsers >= preAllocatedUsers,
                    "max users (%s) must be >= pre-allocated users (%s)", maxUsers, preAllocatedUsers);
        }

        public static OpenWorkload constant(double rate, Duration duration, int preAllocatedUsers, int maxUsers) {
            Checks.checkArgument(rate > 0, "rate (%s) must be > 0", rate);
            return new OpenWorkload(rate, List.of(new RateStage(duration, rate)), preAllocatedUsers, maxUsers);
        }

        @Override
        public Duration duration() {
            return stages.stream().map(RateStage::duration).reduce(Duration.ZERO, Duration::plus);
        }

        @Override
        public boolean isConstant() {
            return stages.stream().allMatch(s -> s.rate() == startRate);
        }

        @Override
        public String description() {
            String users = " (at most " + maxUsers + " users)";
            if (isConstant()) {
                return "open model: " + rate(startRate) + " iterations/s for " + Durations.format(duration()) + users;
            }
            return "open model: from " + rate(startRate) + " iterations/s, " + String.join(", ", stages.stream()
                    .map(s -> rate(s.rate()) + "/s over " + Durations.format(s.duration())).toList()) + users;
        }

        private static String rate(double rate) {
            return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
        }

        public double peakRate() {
            return Math.max(startRate, stages.stream().mapToDouble(RateStage::rate).max().orElse(0));
        }
    }

    /** Over {@code duration}, move to {@code rate} iterations per second. */
    record RateStage(Duration duration, double rate) {
        public RateStage {
            Checks.requireNonNull(duration, "stage duration");
            Checks.checkArgument(!duration.isNegative() && !duration.isZero(),
                    "stage duration (%s) must be > 0", Durations.format(duration));
            Checks.checkArgument(rate >= 0 && Double.isFinite(rate), "stage rate (%s) must be >= 0", rate);
        }
    }
}
