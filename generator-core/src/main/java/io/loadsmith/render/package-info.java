/**
 * Rendering a {@link io.loadsmith.model.TestPlan} into the scripts of one load tool.
 *
 * <p>Each tool has a {@link io.loadsmith.render.Renderer} in its room, {@code tool.<tool>}: a view
 * builder makes every decision in Java and produces view records, and a strict Mustache template
 * per output file lays them out. Templates cannot print a value without its language's escaper,
 * and a name the view does not have is an error, not an empty string.
 */
package io.loadsmith.render;
