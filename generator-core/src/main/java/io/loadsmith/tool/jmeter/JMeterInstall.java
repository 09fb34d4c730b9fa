package io.loadsmith.tool.jmeter;

import io.loadsmith.tool.ToolRunException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

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
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path home;
    private final Path localRepository;
    private final String remote;

    JMeterInstall(Path tools, Map<String, String> environment) {
        this.home = tools.resolve("jmeter");
        // Maven's own cache, when there is one, spares a download (as Maven and jbang do).
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        this.localRepository = Files.isDirectory(m2) ? m2 : tools.resolve("maven-repository");
        this.remote = environment.getOrDefault("LOADSMITH_MAVEN_REPOSITORY", CENTRAL);
    }

    Path home() {
        return home;
    }

    boolean installed() {
        return Files.isRegularFile(home.resolve("bin/ApacheJMeter.jar")) && Files.isRegularFile(home.resolve("bin/jmeter.properties"))
                && stamp().equals(readStamp());
    }

    /** What tools/install-jmeter.sh writes to {@code .stamp}: the same home serves both. */
    private static String stamp() {
        return "jmeter=" + VERSION + " modules=" + String.join(" ", EXTENSIONS);
    }

    private String readStamp() {
        try {
            return Files.readString(home.resolve(".stamp")).strip();
        } catch (IOException e) {
            return "";
        }
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
        progress.accept("fetching JMeter " + VERSION + " from " + remote + " into " + home + " (once)");
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            // POM profiles activate on the JDK (xstream's brings in its XML parser), as under Maven itself.
            session.setSystemProperties(System.getProperties());
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
            RemoteRepository central = new RemoteRepository.Builder("central", "default", remote).build();
            CollectRequest collect = new CollectRequest();
            List<String> artifacts = new ArrayList<>(List.of("ApacheJMeter", "ApacheJMeter_config"));
            artifacts.addAll(EXTENSIONS);
            for (String artifact : artifacts) {
                collect.addDependency(new Dependency(new DefaultArtifact("org.apache.jmeter", artifact, "jar", VERSION), JavaScopes.RUNTIME));
            }
            collect.setRepositories(List.of(central));
            List<ArtifactResult> results = system.resolveDependencies(session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults();
            layOut(results);
        } catch (DependencyResolutionException e) {
            throw new ToolRunException("cannot fetch JMeter " + VERSION + " from " + remote + ": " + firstLine(e.getMessage())
                    + " (install JMeter and pass --tool-path, or set LOADSMITH_MAVEN_REPOSITORY to a mirror)", e);
        } finally {
            system.shutdown();
        }
    }

    private void layOut(List<ArtifactResult> results) {
        Path stage = null;
        try {
            Files.createDirectories(home.getParent());
            // Not Files.createTempDirectory: it would make the JMeter home private (0700).
            stage = Files.createDirectories(home.resolveSibling(".jmeter-" + ProcessHandle.current().pid()));
            Files.createDirectories(stage.resolve("bin"));
            Files.createDirectories(stage.resolve("lib/ext"));
            Files.createDirectories(stage.resolve("lib/junit"));
            for (ArtifactResult result : results) {
                String id = result.getArtifact().getArtifactId();
                Path jar = result.getArtifact().getFile().toPath();
                if (id.equals("ApacheJMeter") && result.getArtifact().getGroupId().equals("org.apache.jmeter")) {
                    Files.copy(jar, stage.resolve("bin/ApacheJMeter.jar"));
                } else if (id.equals("ApacheJMeter_config")) {
                    unzipBin(jar, stage);
                } else if (EXTENSIONS.contains(id)) {
                    Files.copy(jar, stage.resolve("lib/ext").resolve(jar.getFileName()));
                } else {
                    Files.copy(jar, stage.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(stage.resolve(".stamp"), stamp() + "\n");
            if (Files.exists(home)) {
                delete(home);
            }
            Files.move(stage, home, StandardCopyOption.ATOMIC_MOVE);
            stage = null;
        } catch (IOException e) {
            throw new ToolRunException("cannot lay out JMeter in " + home + ": " + e.getMessage(), e);
        } finally {
            if (stage != null) {
                delete(stage);
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

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
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
