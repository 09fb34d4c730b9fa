/** JMH benchmarks of Loadsmith, and a peak-heap probe; see the Benchmarks section of README.md. */
package io.loadsmith.benchmarks;
