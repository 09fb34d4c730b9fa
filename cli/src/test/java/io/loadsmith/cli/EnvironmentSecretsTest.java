package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values of the environment at generation time never reach a generated file: scripts read them when they run. */
class EnvironmentSecretsTest {
    @TempDir
    Path dir;

    @Test
    void environmentValuesAreNotWrittenIntoScripts() throws Exception {
        Path out = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.loadsmith.cli.Main", "generate",
                Path.of("../samples/specs/catalog/openapi.yaml").toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
        builder.environment().put("API_TOKEN", "env-secret-token-5f1e");
        builder.environment().put("BASE_URL", "https://env-secret-host.example");
        Process process = builder.start();
        process.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("log")));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String secret : List.of("env-secret-token-5f1e", "env-secret-host")) {
                    assertFalse(text.contains(secret), file + " contains " + secret);
                }
            }
        }
    }
}
