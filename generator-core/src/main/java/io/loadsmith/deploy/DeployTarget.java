package io.loadsmith.deploy;

import java.util.Arrays;
import java.util.Locale;

/** Where a test's processes run when they run beyond this machine, and the file that says how. */
public enum DeployTarget {
    /** Kubernetes objects, applied with {@code kubectl apply -f}. */
    KUBERNETES("kubernetes", "kubernetes.yaml"),
    /** A Compose file, run with {@code docker compose up}. */
    COMPOSE("compose", "compose.yaml");

    private final String id;
    private final String fileName;

    DeployTarget(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /** The name on the command line: {@code kubernetes}, {@code compose}. */
    public String id() {
        return id;
    }

    /** The manifest's file name in the tool's folder. */
    public String fileName() {
        return fileName;
    }

    public static DeployTarget byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown deploy target '" + id + "': use "
                        + String.join(", ", Arrays.stream(values()).map(DeployTarget::id).toList())));
    }
}
