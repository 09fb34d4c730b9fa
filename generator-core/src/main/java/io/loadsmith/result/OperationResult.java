package io.loadsmith.result;

/** The figures of one operation (request name) of a run. */
public record OperationResult(String name, Stats stats) {
    public OperationResult {
        if (name == null) {
            throw new IllegalArgumentException("an operation needs a name");
        }
        if (stats == null) {
            throw new IllegalArgumentException("operation " + name + " needs its stats");
        }
    }
}
