package io.loadsmith.tool.jmeter;

import io.loadsmith.tool.ToolRunException;
import io.loadsmith.tool.MavenTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * JMeter without an installer: its parts are on Maven Central (the binary distribution is not),
 * so they are fetched there with Maven's own resolver and laid out as a JMeter home in
 * {@code $LOADSMITH_TOOLS/jmeter} (by default {@code ~/.cache/loadsmith/tools/jmeter}, where
 * {@code tools/install-jmeter.sh} puts it too, with the same {@code .stamp}): the launcher jar and
 * the files of ApacheJMeter_config in {@code bin/}, samplers, components and functions in
 * {@code lib/ext/}, their dependencies in {@code lib/}. It is then started as
 * {@code java -jar bin/ApacheJMeter.jar}, with the Java that runs Loadsmith.
 */
final class JMeterInstall {
    public static final String VERSION = "5.6.3";
    private static final List<String> EXTENSIONS = List.of("ApacheJMeter_core", "ApacheJMeter_http", "ApacheJMeter_components",
            "ApacheJMeter_functions", "ApacheJMeter_java");

    private final Path home;
    private final MavenTools maven;

    JMeterInstall(Path tools, Map<String, String> environment) {
        this.home = tools.resolve("jmeter");
        this.maven = new MavenTools(tools, environment);
    }

    Path home() {
        return home;
    }

    boolean installed() {
        return Files.isRegularFile(home.resolve("bin/ApacheJMeter.jar")) && Files.isRegularFile(home.resolve("bin/jmeter.properties"))
                && MavenTools.installed(home, stamp());
    }

    /** What tools/install-jmeter.sh writes to {@code .stamp}: the same home serves both. */
    static String stamp() {
        return "jmeter=" + VERSION + " modules=" + String.join(" ", EXTENSIONS);
    }

    /** The command that starts this JMeter, fetching it first if needed. */
    List<String> command(Consumer<String> progress) {
        if (!installed()) {
            install(progress);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xms256m", "-Xmx1g", "-jar", home.resolve("bin/ApacheJMeter.jar").toString()));
        return command;
    }

    private void install(Consumer<String> progress) {
        progress.accept("fetching JMeter " + VERSION + " from " + maven.remote() + " into " + home + " (once)");
        List<String> artifacts = new ArrayList<>(List.of("ApacheJMeter", "ApacheJMeter_config"));
        artifacts.addAll(EXTENSIONS);
        List<MavenTools.Jar> jars = maven.resolve(artifacts.stream().map(a -> "org.apache.jmeter:" + a + ":" + VERSION).toList(),
                "JMeter " + VERSION);
        MavenTools.install(home, stamp(), stage -> layOut(jars, stage));
    }

    private static void layOut(List<MavenTools.Jar> jars, Path stage) throws IOException {
        Files.createDirectories(stage.resolve("bin"));
        Files.createDirectories(stage.resolve("lib/ext"));
        Files.createDirectories(stage.resolve("lib/junit"));
        for (MavenTools.Jar jar : jars) {
            String id = jar.artifactId();
            if (id.equals("ApacheJMeter") && jar.groupId().equals("org.apache.jmeter")) {
                Files.copy(jar.file(), stage.resolve("bin/ApacheJMeter.jar"));
            } else if (id.equals("ApacheJMeter_config")) {
                unzipBin(jar.file(), stage);
            } else if (EXTENSIONS.contains(id)) {
                Files.copy(jar.file(), stage.resolve("lib/ext").resolve(jar.file().getFileName()));
            } else {
                Files.copy(jar.file(), stage.resolve("lib").resolve(jar.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void unzipBin(Path jar, Path stage) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = stage.resolve(entry.getName()).normalize();
                if (!entry.getName().startsWith("bin/") || !target.startsWith(stage)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(new NonClosing(zip), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The zip stream, which Files.copy must not close between entries. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the entry ends; the zip stays open
        }
    }
}
