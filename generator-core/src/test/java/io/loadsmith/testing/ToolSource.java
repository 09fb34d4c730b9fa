package io.loadsmith.testing;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.util.List;

/** Every registered tool, for parameterized tests: {@code @MethodSource("io.loadsmith.testing.ToolSource#all")}. */
public final class ToolSource {
    private ToolSource() {}

    public static List<LoadTool> all() {
        return LoadTools.all();
    }
}
