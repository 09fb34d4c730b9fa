/**
 * The normalized result of a load test, whatever tool ran it: totals and per-operation counts,
 * latency percentiles and throughput, judged against the plan's thresholds. Parsers (one package
 * per tool) stream a tool's native output into a {@link io.loadsmith.result.ResultBuilder}.
 */
package io.loadsmith.result;
