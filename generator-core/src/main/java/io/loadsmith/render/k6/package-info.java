/**
 * k6: one ES module, {@code k6/script.js}, with {@code options.scenarios} (one k6 scenario per
 * plan scenario), thresholds on {@code name}-tag submetrics, checks, {@code __ENV} for the base URL
 * and secrets, and a {@code handleSummary} that writes a JSON summary beside the text one.
 */
package io.loadsmith.render.k6;
