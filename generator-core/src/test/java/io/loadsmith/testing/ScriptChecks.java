package io.loadsmith.testing;

import io.loadsmith.render.RenderedFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Each language's own parser over rendered scripts: Node.js for JavaScript (k6 as an ES module,
 * Artillery's processor as CommonJS), CPython's compiler for Python, SnakeYAML for YAML, the
 * JDK's XML parser for JMX and XML, and javac for Java (Gatling simulations, against Gatling's
 * Java DSL on the test class path).
 */
public final class ScriptChecks {
    private ScriptChecks() {}

    /** Checks every script among {@code files} by its extension; data files are skipped. */
    public static void check(List<RenderedFile> files) {
        List<String> python = new ArrayList<>();
        for (RenderedFile file : files) {
            String path = file.path();
            if (path.endsWith(".mjs") || path.equals("k6/script.js")) {
                Node.checkModule(file.text());
            } else if (path.endsWith(".js")) {
                checkCommonJs(file.text());
            } else if (path.endsWith(".py")) {
                python.add(file.text());
            } else if (path.endsWith(".yml") || path.endsWith(".yaml")) {
                parseYaml(file.text());
            } else if (path.endsWith(".jmx") || path.endsWith(".xml")) {
                parseXml(file.text());
            } else if (path.endsWith(".java")) {
                compileJava(file.text());
            }
        }
        if (!python.isEmpty()) {
            checkPython(python);
        }
    }

    /** Fails unless {@code script} parses as a CommonJS module ({@code node --check} on a .cjs copy). */
    public static void checkCommonJs(String script) {
        withTempFile(script, ".cjs", file -> Processes.run(List.of("node", "--check", file.toString()), file.getParent(),
                Map.of(), 60).requireSuccess("node --check"));
    }

    /**
     * Fails unless each source is a Python module that {@code ast.parse} reads and {@code compile}
     * compiles, which is what {@code python3 -m py_compile} does; one interpreter for all.
     */
    public static void checkPython(List<String> sources) {
        List<Path> files = new ArrayList<>();
        try {
            for (String source : sources) {
                Path file = Files.createTempFile("loadsmith-locust-", ".py");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                files.add(file);
            }
            List<String> command = new ArrayList<>(List.of("python3", "-c",
                    "import ast, sys\n"
                            + "for name in sys.argv[1:]:\n"
                            + "    source = open(name, encoding='utf-8').read()\n"
                            + "    ast.parse(source, name)\n"
                            + "    compile(source, name, 'exec')\n"));
            files.forEach(f -> command.add(f.toString()));
            Processes.run(command, files.get(0).getParent(), Map.of(), 120).requireSuccess("python3 ast.parse and compile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            files.forEach(ScriptChecks::deleteQuietly);
        }
    }

    /** The document, read by SnakeYAML's safe loader. */
    public static Object parseYaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(text);
    }

    /** The document, read by the JDK's XML parser with DTDs and external entities off. */
    public static Document parseXml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * Fails unless {@code source} compiles with javac for Java 11 (the release the generated
     * pom.xml asks for) against the test class path, which holds Gatling's Java DSL; warnings are
     * errors too, as a sloppy simulation is not one a Gatling user keeps.
     */
    public static void compileJava(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loadsmith-javac-");
            Path file = dir.resolve("LoadsmithSimulation.java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            StringWriter messages = new StringWriter();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                boolean compiled = javac.getTask(messages, files, diagnostics, List.of("--release", "11", "-Xlint:all",
                        "-Xlint:-options", "-Werror", "-encoding", "UTF-8", "-d", dir.toString(), "-cp",
                        System.getProperty("java.class.path")), null, files.getJavaFileObjects(file)).call();
                if (!compiled) {
                    StringBuilder report = new StringBuilder("javac rejects the simulation:\n");
                    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                        report.append("  line ").append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
                    }
                    throw new AssertionError(report + messages.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(ScriptChecks::deleteQuietly);
        } catch (IOException e) {
            // a temporary folder; the OS cleans it up
        }
    }

    private interface FileAction {
        void accept(Path file) throws IOException;
    }

    private static void withTempFile(String text, String suffix, FileAction action) {
        Path file = null;
        try {
            file = Files.createTempFile("loadsmith-script-", suffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            action.accept(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                deleteQuietly(file);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the OS cleans it up
        }
    }
}
