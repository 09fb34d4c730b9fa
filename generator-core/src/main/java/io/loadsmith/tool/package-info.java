/**
 * The load tools: the {@link io.loadsmith.tool.LoadTool} type and its registry
 * ({@link io.loadsmith.tool.LoadTools}). Each tool is a room of its own, {@code tool.<name>}:
 * its renderer, view builder and views, its result parsers, its command line, how to find or
 * install it and its live progress reader. No room imports another.
 */
package io.loadsmith.tool;
