/**
 * Running a load tool: finding it, starting it with an argument list (never a shell string) in a
 * run folder, following its progress, stopping it cleanly on Ctrl+C, and keeping its raw outputs
 * for the parsers. What differs from tool to tool, the {@link io.loadsmith.tool.LoadTool} says.
 */
package io.loadsmith.run;
