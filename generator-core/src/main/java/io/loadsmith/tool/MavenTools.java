package io.loadsmith.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Tools that Loadsmith fetches itself from Maven Central (or {@code LOADSMITH_MAVEN_REPOSITORY})
 * with Maven's own resolver, and lays out as a tool home under {@code $LOADSMITH_TOOLS}, where the
 * install scripts of {@code tools/} put them too. Maven's cache ({@code ~/.m2/repository}), when
 * there is one, spares a download, as under Maven and jbang.
 */
public final class MavenTools {
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** A resolved jar. */
    public record Jar(String groupId, String artifactId, Path file) {}

    /** Writes a tool's files into a folder. */
    @FunctionalInterface
    public interface Layout {
        void write(Path home) throws IOException;
    }

    private final Path localRepository;
    private final String remote;

    public MavenTools(Path tools, Map<String, String> environment) {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        this.localRepository = Files.isDirectory(m2) ? m2 : tools.resolve("maven-repository");
        this.remote = environment.getOrDefault("LOADSMITH_MAVEN_REPOSITORY", CENTRAL);
    }

    /** Where the jars come from. */
    public String remote() {
        return remote;
    }

    /**
     * The jars of these artifacts ({@code group:artifact:version}) and of their runtime dependencies.
     *
     * @param what the tool, for the message when they cannot be fetched
     */
    public List<Jar> resolve(List<String> coordinates, String what) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            // POM profiles activate on the JDK (xstream's brings in its XML parser), as under Maven itself.
            session.setSystemProperties(System.getProperties());
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
            CollectRequest collect = new CollectRequest();
            for (String coordinate : coordinates) {
                collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
            }
            collect.setRepositories(List.of(new RemoteRepository.Builder("central", "default", remote).build()));
            List<Jar> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults()) {
                jars.add(new Jar(result.getArtifact().getGroupId(), result.getArtifact().getArtifactId(),
                        result.getArtifact().getFile().toPath()));
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new ToolRunException("cannot fetch " + what + " from " + remote + ": " + firstLine(e.getMessage())
                    + " (install it and pass --tool-path, or set LOADSMITH_MAVEN_REPOSITORY to a mirror)", e);
        } finally {
            system.shutdown();
        }
    }

    /** Whether a home laid out by {@link #install} with this stamp is there. */
    public static boolean installed(Path home, String stamp) {
        try {
            return Files.readString(home.resolve(".stamp")).strip().equals(stamp);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Lays out a tool's home: written into a folder beside it, then moved in place whole (so no
     * half-written home is ever there), with {@code stamp} in its {@code .stamp} file.
     */
    public static void install(Path home, String stamp, Layout layout) {
        Path stage = null;
        try {
            Files.createDirectories(home.getParent());
            // Not Files.createTempDirectory: it would make the home private (0700).
            stage = Files.createDirectories(home.resolveSibling("." + home.getFileName() + "-" + ProcessHandle.current().pid()));
            layout.write(stage);
            Files.writeString(stage.resolve(".stamp"), stamp + "\n");
            if (Files.exists(home)) {
                delete(home);
            }
            Files.move(stage, home, StandardCopyOption.ATOMIC_MOVE);
            stage = null;
        } catch (IOException e) {
            throw new ToolRunException("cannot lay out " + home + ": " + e.getMessage(), e);
        } finally {
            if (stage != null) {
                delete(stage);
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
}
