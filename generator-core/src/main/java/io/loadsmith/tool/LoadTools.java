package io.loadsmith.tool;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registry of load tools: every {@link LoadTool} listed in
 * {@code META-INF/services/io.loadsmith.tool.LoadTool}, in that order. Adding a tool is one line
 * there and a room of its own.
 */
public final class LoadTools {
    private static final List<LoadTool> ALL = ServiceLoader.load(LoadTool.class, LoadTool.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    /** The tools Loadsmith ships with, by name, for the Java API. */
    public static final LoadTool K6 = byId("k6");
    public static final LoadTool LOCUST = byId("locust");
    public static final LoadTool ARTILLERY = byId("artillery");
    public static final LoadTool JMETER = byId("jmeter");
    public static final LoadTool GATLING = byId("gatling");

    private LoadTools() {}

    public static List<LoadTool> all() {
        return ALL;
    }

    /** The tool named {@code id} (any case); an unknown name says which ones there are. */
    public static LoadTool byId(String id) {
        for (LoadTool tool : ALL) {
            if (tool.id().equals(id.toLowerCase(Locale.ROOT))) {
                return tool;
            }
        }
        throw new IllegalArgumentException("unknown tool '" + id + "': use " + ids(" or "));
    }

    /** The tools' names: {@code k6, locust, artillery or jmeter}. */
    public static String ids(String lastSeparator) {
        List<String> ids = ALL.stream().map(LoadTool::id).toList();
        return ids.size() == 1 ? ids.get(0)
                : ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + lastSeparator + ids.get(ids.size() - 1);
    }
}
