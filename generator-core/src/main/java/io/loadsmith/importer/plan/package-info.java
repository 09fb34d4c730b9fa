/**
 * The plan file: a hand-editable YAML spelling of a {@link io.loadsmith.model.TestPlan} that reads
 * back to an equal plan. {@code loadsmith init} writes one; every command that takes a spec also
 * takes a plan file.
 */
package io.loadsmith.importer.plan;
