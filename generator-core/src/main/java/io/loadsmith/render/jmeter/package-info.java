/**
 * The JMeter renderer: a JMeter 5.6 test plan (JMX) with one Thread Group per scenario, an Open
 * Model Thread Group for arrival rates, HTTP Request samplers named by operation, and settings
 * that come from JMeter properties or the environment.
 */
package io.loadsmith.render.jmeter;
