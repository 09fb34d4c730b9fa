package io.loadsmith.tool.gatling;

import io.loadsmith.tool.MavenTools;
import io.loadsmith.tool.ToolRunException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gatling as Loadsmith runs it, laid out in {@code $LOADSMITH_TOOLS/gatling} (where
 * {@code tools/install-gatling.sh} puts it too, with the same {@code .stamp}): Gatling's jars from
 * Maven Central in {@code lib/}, {@code conf/gatling.conf} (no usage analytics) and
 * {@code conf/logback.xml}, and {@code bin/gatling}, a launcher that compiles a simulation's Java
 * sources with the JDK's javac and runs {@code io.gatling.app.Gatling} on them.
 */
final class GatlingInstall {
    private static final String RESOURCES = "/io/loadsmith/tool/gatling/";
    private static final List<String> FILES = List.of("gatling", "gatling.conf", "logback.xml");

    private final Path home;
    private final MavenTools maven;

    GatlingInstall(Path tools, Map<String, String> environment) {
        this.home = tools.resolve("gatling");
        this.maven = new MavenTools(tools, environment);
    }

    /** The command that starts this Gatling, fetching it first if needed. */
    List<String> command(Consumer<String> progress) {
        Path launcher = home.resolve("bin/gatling");
        if (!Files.isExecutable(launcher) || !MavenTools.installed(home, stamp())) {
            progress.accept("fetching Gatling " + GatlingRenderer.GATLING_VERSION + " from " + maven.remote() + " into " + home
                    + " (once)");
            List<MavenTools.Jar> jars = maven.resolve(List.of("io.gatling.highcharts:gatling-charts-highcharts:"
                    + GatlingRenderer.GATLING_VERSION), "Gatling " + GatlingRenderer.GATLING_VERSION);
            MavenTools.install(home, stamp(), stage -> layOut(jars, stage));
        }
        return List.of(launcher.toString());
    }

    private static void layOut(List<MavenTools.Jar> jars, Path stage) throws IOException {
        Files.createDirectories(stage.resolve("lib"));
        Files.createDirectories(stage.resolve("bin"));
        Files.createDirectories(stage.resolve("conf"));
        for (MavenTools.Jar jar : jars) {
            Files.copy(jar.file(), stage.resolve("lib").resolve(jar.file().getFileName()));
        }
        Files.write(stage.resolve("bin/gatling"), resource("gatling"));
        Files.setPosixFilePermissions(stage.resolve("bin/gatling"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(stage.resolve("conf/gatling.conf"), resource("gatling.conf"));
        Files.write(stage.resolve("conf/logback.xml"), resource("logback.xml"));
        Files.writeString(stage.resolve("VERSION"), GatlingRenderer.GATLING_VERSION + "\n");
    }

    /** What tools/install-gatling.sh writes to {@code .stamp}: the version and a digest of the launcher's files. */
    static String stamp() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                sha.update(resource(file));
            }
            return "gatling=" + GatlingRenderer.GATLING_VERSION + " launcher=" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = GatlingInstall.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new ToolRunException("Loadsmith's jar lacks " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
