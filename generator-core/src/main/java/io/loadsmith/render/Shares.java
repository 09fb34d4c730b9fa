package io.loadsmith.render;

import java.util.ArrayList;
import java.util.List;

/** Divides a whole number among weighted parts, for tools that split users per scenario. */
public final class Shares {
    private Shares() {}

    /**
     * Splits {@code total} in proportion to {@code weights} by the largest-remainder method: the
     * parts add up to {@code total}, and each differs from its exact share by less than one.
     */
    public static List<Integer> split(int total, List<Integer> weights) {
        long sum = weights.stream().mapToLong(Integer::longValue).sum();
        List<Integer> parts = new ArrayList<>();
        List<Double> remainders = new ArrayList<>();
        int given = 0;
        for (int weight : weights) {
            double exact = (double) total * weight / sum;
            int floor = (int) Math.floor(exact);
            parts.add(floor);
            remainders.add(exact - floor);
            given += floor;
        }
        for (int left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.size(); i++) {
                if (remainders.get(i) > remainders.get(best)) {
                    best = i;
                }
            }
            parts.set(best, parts.get(best) + 1);
            remainders.set(best, -1.0);
        }
        return parts;
    }

    /** Whether every part is exactly proportional to its weight. */
    public static boolean exact(int total, List<Integer> weights) {
        long sum = weights.stream().mapToLong(Integer::longValue).sum();
        return weights.stream().allMatch(w -> (long) total * w % sum == 0);
    }
}
