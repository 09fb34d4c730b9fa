/**
 * Artillery: {@code artillery/scenario.yml} with phases, weighted scenarios and flows,
 * {@code capture}, checks through the {@code expect} plugin, thresholds through {@code ensure},
 * per-operation metrics through {@code metrics-by-endpoint}, and, when the YAML cannot say it,
 * an {@code artillery/processor.js}: the loop of a closed workload, environment defaults, and
 * values that Artillery would otherwise read as {@code {{ }}} templates.
 */
package io.loadsmith.render.artillery;
