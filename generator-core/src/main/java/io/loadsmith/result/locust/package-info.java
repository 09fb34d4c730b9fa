/** Locust's results: the --csv family (_stats, _stats_history, _failures, _exceptions; 0.x _requests) and --json. */
package io.loadsmith.result.locust;
