package io.loadsmith.render;

import java.util.Locale;

/** The load tools Loadsmith writes scripts for, and where each script goes under the output folder. */
public enum Tool {
    K6("k6", "k6/script.js"),
    LOCUST("locust", "locust/locustfile.py"),
    ARTILLERY("artillery", "artillery/scenario.yml"),
    JMETER("jmeter", "jmeter/plan.jmx");

    private final String id;
    private final String scriptPath;

    Tool(String id, String scriptPath) {
        this.id = id;
        this.scriptPath = scriptPath;
    }

    /** The lower-case name used on the command line and as the folder name. */
    public String id() {
        return id;
    }

    /** The main script, relative to the output folder. */
    public String scriptPath() {
        return scriptPath;
    }

    public static Tool fromId(String id) {
        for (Tool tool : values()) {
            if (tool.id.equals(id.toLowerCase(Locale.ROOT))) {
                return tool;
            }
        }
        throw new IllegalArgumentException("unknown tool '" + id + "': use k6, locust, artillery or jmeter");
    }
}
