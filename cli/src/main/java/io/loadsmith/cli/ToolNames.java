package io.loadsmith.cli;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.util.Iterator;

/** The names of the registered tools, for picocli's {@code ${COMPLETION-CANDIDATES}} in option descriptions and completion. */
final class ToolNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return LoadTools.all().stream().map(LoadTool::id).iterator();
    }
}
