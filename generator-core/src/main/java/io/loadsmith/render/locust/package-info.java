/**
 * Locust: one locustfile, {@code locust/locustfile.py}, with a user class per scenario (weighted),
 * the scenario's steps as one task with {@code name=} grouping and {@code catch_response} checks,
 * a {@code LoadTestShape} that plays the plan's workload, and a quitting hook that fails the run
 * on a breached threshold.
 */
package io.loadsmith.render.locust;
