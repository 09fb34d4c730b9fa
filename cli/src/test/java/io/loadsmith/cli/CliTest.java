package io.loadsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final Path BOOKSHOP = Path.of("../samples/specs/bookshop/openapi.yaml");

    @TempDir
    Path dir;

    @Test
    void helpAndVersion() {
        Cli.Run help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("generate") && help.out().contains("Exit codes"), help.out());
        Cli.Run version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("loadsmith "), version.out());
        assertTrue(Cli.run("generate", "--help").out().contains("--threshold"));
        assertTrue(Cli.run("help", "run").out().contains("--tool"), "help names a command that is not built by default");
    }

    /** Main answers --version without picocli, for a fast start, with the very lines picocli prints. */
    @Test
    void theVersionWithoutPicocliIsPicocliSVersion() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"--version"});
        } finally {
            System.setOut(original);
        }
        String fast = captured.toString(java.nio.charset.StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertEquals(Cli.run("--version").out().replace(System.lineSeparator(), "\n"), fast);
    }

    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        // picocli formats descriptions with String.format and reports a bad one on System.err.
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : java.util.List.of("generate", "run", "report", "init", "demo")) {
                Cli.Run help = Cli.run(command, "--help");
                assertEquals(0, help.exitCode(), command);
                if (!command.equals("init") && !command.equals("demo")) {
                    assertTrue(help.out().contains("error-rate<1%"), command + ": " + help.out());
                }
            }
        } finally {
            System.setErr(original);
        }
        assertFalse(stderr.toString(java.nio.charset.StandardCharsets.UTF_8).contains("picocli"), stderr.toString());
    }

    @Test
    void aBadDurationNamesItsOption() {
        Cli.Run run = Cli.run("generate", BOOKSHOP.toString(), "--duration", "banana", "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("loadsmith: --duration: 'banana' is not a duration"), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void generatesAK6Script() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("generate", BOOKSHOP.toString(), "--tool", "k6", "--out", out.toString(),
                "--profile", "load", "--vus", "5", "--duration", "1m", "--threshold", "p95<500ms",
                "--threshold", "getBook: p99<800ms");
        assertEquals(0, run.exitCode(), run.err());
        String script = Files.readString(out.resolve("k6/script.js"));
        assertTrue(script.contains("'http_req_duration{name:getBook}': ['p(99)<800']"), script);
        assertTrue(run.out().contains("wrote " + out.resolve("k6/script.js")), run.out());
        assertTrue(run.out().contains("set before running: OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET"), run.out());
        assertTrue(Files.isRegularFile(out.resolve(".env.example")));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".loadsmith-")), "no staging folder left");
        }
    }

    @Test
    void deployWritesClusterManifestsBesideTheScripts() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("generate", "../samples/plans/checkout.plan.yaml", "--tool", "k6,locust,jmeter", "--out", out.toString(),
                "--deploy", "kubernetes,compose", "--workers", "3");
        assertEquals(0, run.exitCode(), run.err());
        for (String tool : new String[] {"k6", "locust", "jmeter"}) {
            for (String file : new String[] {"kubernetes.yaml", "compose.yaml"}) {
                assertTrue(run.out().contains("wrote " + out.resolve(tool + "/" + file)), run.out());
            }
        }
        assertTrue(Files.readString(out.resolve("k6/kubernetes.yaml")).contains("\n  parallelism: 3\n"));
        assertTrue(Files.readString(out.resolve("locust/compose.yaml")).contains("\n      replicas: 3\n"));
    }

    @Test
    void deployProblemsGetOneLineExitTwoAndNoFiles() {
        Path out = dir.resolve("out");
        String plan = "../samples/plans/checkout.plan.yaml";
        Cli.Run artillery = Cli.run("generate", plan, "--tool", "k6,artillery", "--deploy", "kubernetes", "--out", out.toString());
        assertEquals(2, artillery.exitCode());
        assertEquals(1, artillery.err().lines().count(), artillery.err());
        assertTrue(artillery.err().startsWith("loadsmith: Artillery distributes itself on AWS only: artillery run-fargate --count 2"),
                artillery.err());
        Cli.Run target = Cli.run("generate", plan, "--deploy", "helm", "--out", out.toString());
        assertEquals(2, target.exitCode());
        assertEquals("loadsmith: --deploy: unknown deploy target 'helm': use kubernetes, compose", target.err().strip());
        Cli.Run workers = Cli.run("generate", plan, "--workers", "3", "--out", out.toString());
        assertEquals(2, workers.exitCode());
        assertTrue(workers.err().contains("--workers goes with --deploy"), workers.err());
        Cli.Run none = Cli.run("generate", plan, "--deploy", "compose", "--workers", "0", "--out", out.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("--workers must be between 1 and 1000, not 0"), none.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aHarRecordingBecomesScriptsAReportAndEnvironmentVariables() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("generate", "../samples/hars/bookshop.har", "--tool", "locust", "--out", out.toString(),
                "--base-url", "http://127.0.0.1:9", "--think-time", "scale:0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + out.resolve("import-report.md")), run.out());
        assertTrue(run.out().contains("set before running: COOKIE_SESSION, CLIENT_SECRET"), run.out());
        assertTrue(run.err().contains("warning: recorded secrets are not written into the scripts: they are read from COOKIE_SESSION, CLIENT_SECRET"), run.err());
        assertTrue(Files.readString(out.resolve("locust/locustfile.py")).contains("\"http://127.0.0.1:9\""));
        assertTrue(Files.readString(out.resolve(".env.example")).contains("\nCLIENT_SECRET=\n"));
    }

    @Test
    void aBrokenHarGetsOneLineAndExitTwo() throws Exception {
        Path har = Files.writeString(dir.resolve("broken.har"), "{\"log\": {\"version\": \"1.2\", \"entries\": [ {\"request\":");
        Cli.Run run = Cli.run("generate", har.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("loadsmith: " + har + ": line 1, column "), run.err());
        Cli.Run bad = Cli.run("generate", "../samples/hars/bookshop.har", "--think-time", "sometimes");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("loadsmith: --think-time: "), bad.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void brokenInputGetsOneLineExitTwoAndNoFiles() throws Exception {
        Path spec = dir.resolve("broken.yaml");
        Files.writeString(spec, "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
                + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
                + "              schema: {$ref: '#/components/schemas/Missing'}\n");
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("generate", spec.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("loadsmith: " + spec + ": /paths/~1a/get/responses/200/content/application~1json/schema/$ref (line 11): "
                + "$ref '#/components/schemas/Missing' points to nothing"), run.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void verboseShowsTheStackTrace() throws Exception {
        Path spec = dir.resolve("not-openapi.yaml");
        Files.writeString(spec, "asyncapi: 2.6.0\n");
        Cli.Run quiet = Cli.run("generate", spec.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, quiet.exitCode());
        assertTrue(quiet.err().contains("AsyncAPI"), quiet.err());
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        Cli.Run verbose = Cli.run("generate", spec.toString(), "--out", dir.resolve("o").toString(), "--verbose");
        assertTrue(verbose.err().contains("\tat io.loadsmith"), verbose.err());
    }

    @Test
    @Timeout(60)
    void aYamlAliasBombIsRefusedQuickly() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append("]\n");
        }
        Path spec = dir.resolve("bomb.yaml");
        Files.writeString(spec, "openapi: 3.0.0\n" + bomb);
        Cli.Run run = Cli.run("generate", spec.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("alias bomb"), run.err());
    }

    @Test
    void changesOfDataTheTestDidNotCreateAreLeftOutUnlessAsked() throws Exception {
        String spec = "../samples/specs/safety/openapi.yaml";
        Cli.Run safe = Cli.run("generate", spec, "--out", dir.resolve("safe").toString());
        assertEquals(0, safe.exitCode(), safe.err());
        assertTrue(safe.err().contains("2 operations left out") && safe.err().contains("--include-unsafe"), safe.err());
        String script = Files.readString(dir.resolve("safe/k6/script.js"));
        assertFalse(script.contains("closeMyAccount"), script);
        assertEquals(0, Cli.run("generate", spec, "--include-unsafe", "--out", dir.resolve("all").toString()).exitCode());
        assertTrue(Files.readString(dir.resolve("all/k6/script.js")).contains("closeMyAccount"));
        assertEquals(0, Cli.run("generate", spec, "--read-only", "--out", dir.resolve("read").toString()).exitCode());
        assertFalse(Files.readString(dir.resolve("read/k6/script.js")).contains("http.post"));
        Cli.Run both = Cli.run("generate", spec, "--read-only", "--include-unsafe", "--out", dir.resolve("both").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("contradict"), both.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Cli.run("generate").exitCode());
        Cli.Run tool = Cli.run("generate", BOOKSHOP.toString(), "--tool", "wrk", "--out", dir.toString());
        assertEquals(2, tool.exitCode());
        assertTrue(tool.err().contains("use all, k6, locust, artillery, jmeter or gatling"), tool.err());
        assertEquals(2, Cli.run("generate", BOOKSHOP.toString(), "--threshold", "fast", "--out", dir.toString()).exitCode());
        assertEquals(2, Cli.run("generate", BOOKSHOP.toString(), "--profile", "heavy", "--out", dir.toString()).exitCode());
        Cli.Run missing = Cli.run("generate", "no-such.yaml", "--out", dir.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no-such.yaml: no such file"), missing.err());
    }

    @Test
    void aSecretHeaderBecomesAnEnvironmentVariable() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("generate", BOOKSHOP.toString(), "--out", out.toString(), "--header", "Authorization: Bearer abc.def.ghi");
        assertEquals(0, run.exitCode());
        assertTrue(run.err().contains("set the environment variable AUTHORIZATION"), run.err());
        assertFalse(Files.readString(out.resolve("k6/script.js")).contains("abc.def.ghi"));
    }

    @Test
    void initWritesAPlanThatGeneratesTheSameScript() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        assertEquals(0, Cli.run("init", BOOKSHOP.toString(), "-o", plan.toString()).exitCode());
        assertTrue(Files.readString(plan).startsWith("# Loadsmith plan file."));
        assertEquals(0, Cli.run("generate", BOOKSHOP.toString(), "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(0, Cli.run("generate", plan.toString(), "--out", dir.resolve("b").toString()).exitCode());
        String fromSpec = Files.readString(dir.resolve("a/k6/script.js")).replace("from openapi.yaml", "");
        String fromPlan = Files.readString(dir.resolve("b/k6/script.js")).replace("from plan.yaml", "");
        assertEquals(fromSpec, fromPlan);
    }

    @Test
    void templatesCanBeOverridden() throws Exception {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("k6"));
        Files.writeString(templates.resolve("k6/script.js.mustache"), "// {{title}} by our team\n");
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("generate", BOOKSHOP.toString(), "--out", out.toString(), "--templates", templates.toString()).exitCode());
        assertEquals("// Bookshop API by our team\n", Files.readString(out.resolve("k6/script.js")));
    }
}
