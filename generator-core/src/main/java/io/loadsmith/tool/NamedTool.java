package io.loadsmith.tool;

/** A tool's identity: tools are equal when their ids are, and print as their id (in test names, in messages). */
public abstract class NamedTool implements LoadTool {
    @Override
    public final boolean equals(Object other) {
        return other instanceof LoadTool tool && tool.id().equals(id());
    }

    @Override
    public final int hashCode() {
        return id().hashCode();
    }

    @Override
    public final String toString() {
        return id();
    }
}
