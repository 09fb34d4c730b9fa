/** k6's outputs: the end-of-test summary (handleSummary data, --summary-export) and the --out json and csv sample streams. */
package io.loadsmith.result.k6;
