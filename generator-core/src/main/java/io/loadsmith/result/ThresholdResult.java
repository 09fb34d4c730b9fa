package io.loadsmith.result;

/**
 * A threshold judged on a result.
 *
 * @param expression as written in the plan, {@code checkout: p99<800ms}
 * @param scope      {@code total} or the operation's name
 * @param measured   the measured value in the threshold's unit (ms, fraction, requests/s), null when it
 *                   could not be measured (then {@code passed} is false)
 * @param note       why it could not be measured, or null
 */
public record ThresholdResult(String expression, String scope, Double measured, boolean passed, String note) {}
