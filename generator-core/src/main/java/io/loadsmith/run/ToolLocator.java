package io.loadsmith.run;

import io.loadsmith.render.Tool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a tool's executable is: {@code --tool-path}, else {@code LOADSMITH_<TOOL>_PATH}, else the
 * {@code PATH}. JMeter, when none is found, is fetched from Maven Central by {@link JMeterInstall}.
 */
public final class ToolLocator {
    private final Map<String, String> environment;

    public ToolLocator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The command that starts the tool, or empty when it is not installed. */
    public Optional<List<String>> find(Tool tool, Path explicit) {
        if (explicit != null) {
            if (!Files.isExecutable(explicit)) {
                throw new ToolRunException("--tool-path " + explicit + " is not an executable file");
            }
            return Optional.of(List.of(explicit.toAbsolutePath().toString()));
        }
        String variable = "LOADSMITH_" + tool.id().toUpperCase(Locale.ROOT) + "_PATH";
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            Path path = Path.of(fromEnvironment);
            if (!Files.isExecutable(path)) {
                throw new ToolRunException(variable + "=" + fromEnvironment + " is not an executable file");
            }
            return Optional.of(List.of(path.toAbsolutePath().toString()));
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool.id());
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(List.of(candidate.toString()));
            }
        }
        return Optional.empty();
    }

    /** One line on how to install a tool that is missing. */
    public static String installHint(Tool tool) {
        return switch (tool) {
            case K6 -> "k6 is not installed: see https://grafana.com/docs/k6/latest/set-up/install-k6/ "
                    + "(or pass --tool-path, or set LOADSMITH_K6_PATH)";
            case LOCUST -> "locust is not installed: pip install locust, or apt install python3-locust "
                    + "(or pass --tool-path, or set LOADSMITH_LOCUST_PATH)";
            case ARTILLERY -> "artillery is not installed: npm install -g artillery (Node 22) "
                    + "(or pass --tool-path, or set LOADSMITH_ARTILLERY_PATH)";
            case JMETER -> "jmeter is not installed and could not be fetched (or pass --tool-path, or set LOADSMITH_JMETER_PATH)";
        };
    }

    static List<String> javaCommand() {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return java;
    }
}
