/**
 * The framework-neutral test plan: immutable records and sealed interfaces that every importer
 * produces and every renderer consumes.
 *
 * <p>Nothing here speaks a load tool's language: a {@link io.loadsmith.model.Scenario} is not a
 * Locust user class nor a JMeter thread group, and a {@link io.loadsmith.model.Workload} counts
 * virtual users or arrivals, not threads. Every constructor validates and copies its input, so a
 * plan that exists is a plan that can be rendered.
 */
package io.loadsmith.model;
