/**
 * Runnable examples of the Java API, compiled by the build and run by its tests, and (later) the
 * demo API the real-tool tests and {@code loadsmith demo} run against.
 */
package io.loadsmith.samples;
