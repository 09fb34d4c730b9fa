package io.loadsmith.render;

import io.loadsmith.model.TestPlan;

/**
 * Renders a plan into one tool's files.
 *
 * <p>A renderer is a pure function of the plan and options: the same input gives byte-identical
 * files with {@code \n} line endings, and no timestamp, host name or absolute path. When the tool
 * cannot express part of the plan exactly, the result carries a diagnostic that says what was
 * approximated and how; nothing is approximated silently. A plan the tool cannot express at all
 * raises {@link RenderException}.
 */
public interface Renderer {
    RenderResult render(TestPlan plan, RenderOptions options);
}
