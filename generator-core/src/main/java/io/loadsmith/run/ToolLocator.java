package io.loadsmith.run;

import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.ToolRunException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * Where a tool's executable is: {@code --tool-path}, else {@code LOADSMITH_<TOOL>_PATH}, else the
 * {@code PATH}, else where Loadsmith's install scripts put it ({@code $LOADSMITH_TOOLS/<tool>/bin/<tool>},
 * by default under {@code ~/.cache/loadsmith/tools}); a tool that can fetch itself
 * ({@link LoadTool#provision}) is then fetched into that same place.
 */
public final class ToolLocator {
    private final Map<String, String> environment;

    public ToolLocator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The command that starts the tool, or empty when it is not installed. */
    public Optional<List<String>> find(LoadTool tool, Path explicit) {
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
            Path candidate = Path.of(dir, tool.executable());
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(List.of(candidate.toString()));
            }
        }
        Path installed = toolsHome(environment).resolve(tool.id()).resolve("bin").resolve(tool.executable());
        if (Files.isExecutable(installed) && !Files.isDirectory(installed)) {
            return Optional.of(List.of(installed.toString()));
        }
        return Optional.empty();
    }

    /** Where tools/install-*.sh and Loadsmith itself install tools: {@code $LOADSMITH_TOOLS}, else {@code ~/.cache/loadsmith/tools}. */
    public static Path toolsHome(Map<String, String> environment) {
        String configured = environment.get("LOADSMITH_TOOLS");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "loadsmith", "tools");
    }

    /**
     * The tool's version as it reports it ({@code k6 version}, {@code locust --version}, ...), asked
     * in {@code dir}, or null when it does not say within 30 seconds; its result files mostly do not hold it.
     */
    public static String version(LoadTool tool, List<String> launcher, Map<String, String> environment, Path dir) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(tool.versionArguments());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            builder.environment().put("ARTILLERY_DISABLE_TELEMETRY", "true");
            Process process = builder.start();
            process.getOutputStream().close();
            java.util.concurrent.CompletableFuture<byte[]> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            Matcher matcher = tool.versionPattern().matcher(new String(output.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            return matcher.find() ? matcher.group(1) : null;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
