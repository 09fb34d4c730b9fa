/**
 * Running a load tool: finding it (or fetching JMeter), starting it with an argument list (never a
 * shell string) in a run folder, following its progress, stopping it cleanly on Ctrl+C, and keeping
 * its raw outputs for the parsers of {@code io.loadsmith.result}.
 */
package io.loadsmith.run;
