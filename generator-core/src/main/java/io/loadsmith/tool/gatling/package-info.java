/**
 * Gatling's room: the Java DSL simulation and its Maven project (view builder, views and the
 * escapers of Java strings and Gatling's Expression Language), the parsers of its text and binary
 * {@code simulation.log}, its console reader, and the launcher it is laid out with from Maven
 * Central.
 */
package io.loadsmith.tool.gatling;
