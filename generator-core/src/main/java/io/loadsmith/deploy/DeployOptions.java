package io.loadsmith.deploy;

import java.util.List;

/**
 * Which cluster manifests to write beside the scripts.
 *
 * @param targets none, one or both targets
 * @param workers how many load-generating processes (k6 runners, Locust workers, JMeter servers)
 *                the manifests start; together they run exactly the plan's workload
 */
public record DeployOptions(List<DeployTarget> targets, int workers) {
    public static final int MAX_WORKERS = 1000;

    public DeployOptions {
        targets = List.copyOf(targets);
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", not " + workers);
        }
    }

    public static DeployOptions none() {
        return new DeployOptions(List.of(), 1);
    }
}
