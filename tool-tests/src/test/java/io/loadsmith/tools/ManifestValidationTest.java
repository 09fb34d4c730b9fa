package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.deploy.DeployOptions;
import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.HostileSpec;
import io.loadsmith.testing.Processes;
import io.loadsmith.testing.Samples;
import io.loadsmith.tool.LoadTools;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every cluster manifest Loadsmith writes (the samples, the hostile spec, and with
 * LOADSMITH_CORPUS every valid spec of the corpus; k6, Locust and JMeter; Kubernetes and Compose;
 * one worker and three) passes validate-manifests.mjs: the Kubernetes API's schemas, each
 * object's field list, the k6-operator TestRun's fields, the Compose specification's schema, and
 * the references between objects. Then the validator itself is shown to fail on each kind of
 * defect, so that its silence means something.
 */
class ManifestValidationTest {
    @TempDir
    static Path dir;

    static Path schemas() {
        Path schemas = Tools.root().resolve("schemas");
        if (!Files.isRegularFile(schemas.resolve(".stamp"))) {
            throw new AssertionError("the manifest schemas are not installed at " + schemas + ": run tools/install-schemas.sh "
                    + "(./run-tests installs them before the tests)");
        }
        return schemas;
    }

    static Path validator() {
        try {
            return Path.of(ManifestValidationTest.class.getResource("/validate-manifests.mjs").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Processes.Result validate(List<Path> files) {
        List<String> command = new ArrayList<>(List.of("node", validator().toString(), schemas().toString()));
        files.forEach(f -> command.add(f.toString()));
        return Processes.run(command, dir, Map.of(), 300);
    }

    private static List<Path> manifests(String name, Path input, int workers) throws Exception {
        Generation generation;
        try {
            generation = Loadsmith.generate(input, ImportOptions.defaults(), PlanOptions.none(),
                    List.of(LoadTools.K6, LoadTools.LOCUST, LoadTools.JMETER), RenderOptions.defaults(),
                    new DeployOptions(List.of(DeployTarget.KUBERNETES, DeployTarget.COMPOSE), workers));
        } catch (ImportException e) {
            return List.of(); // a corpus document the importer refuses has no manifests
        }
        Path out = dir.resolve(name + "-" + workers);
        List<RenderedFile> manifests = generation.files().stream()
                .filter(f -> f.path().endsWith("/kubernetes.yaml") || f.path().endsWith("/compose.yaml")).toList();
        assertEquals(6, manifests.size(), name);
        Loadsmith.write(out, manifests);
        return manifests.stream().map(f -> out.resolve(f.path())).toList();
    }

    @Test
    void everyManifestIsValid() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int workers : new int[] {1, 3}) {
            for (Samples.Sample sample : Samples.all()) {
                files.addAll(manifests(sample.name(), sample.path(), workers));
            }
            files.addAll(manifests("hostile", HostileSpec.write(dir), workers));
        }
        for (Path spec : Corpus.ifEnabled(Corpus::validSpecs)) {
            files.addAll(manifests(spec.getFileName().toString(), spec, 3));
        }
        Processes.Result result = validate(files);
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stdout().contains(files.size() + " file(s), 0 problem(s)"), result.stdout());
    }

    /** One defect in a valid manifest, and the problem the validator must report for it. */
    @ParameterizedTest(name = "{0}/{1}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            locust | kubernetes.yaml | '  replicas: 3'             | '  replicaz: 3'                  | /spec/replicaz: unknown field of V1DeploymentSpec
            locust | kubernetes.yaml | 'containerPort: 5557'      | 'containerPort: port'            | must be integer
            jmeter | kubernetes.yaml | '- key: plan.jmx'          | '- key: plan.jmxx'               | ConfigMap has no key plan.jmxx
            jmeter | kubernetes.yaml | '$(POD_NAME).'             | '$(POD_NAM).'                    | refers to $(POD_NAM), which its env does not define
            jmeter | kubernetes.yaml | 'serviceName: web-shop'    | 'serviceName: other-web-shop'    | no headless Service other-web-shop
            k6     | kubernetes.yaml | '  parallelism: 3'         | '  parallelism: "3"'             | /spec/parallelism must be a positive integer
            k6     | kubernetes.yaml | 'file: script.js'          | 'file: test.js'                  | has no key test.js
            k6     | kubernetes.yaml | '  runner:'                | '  runners: {}\\n  runner:'      | unknown field /spec/runners
            k6     | compose.yaml    | '    working_dir: /mnt/k6' | '    workdir: /mnt/k6'           | must NOT have additional properties
            locust | compose.yaml    | 'depends_on:\\n      - master' | 'depends_on:\\n      - mastr' | depends on an unknown service mastr
            locust | compose.yaml    | '      - BASE_URL'         | '      - BASE_URL=${HOME}'       | interpolates HOME
            """)
    void theValidatorFindsEachKindOfDefect(String tool, String file, String valid, String broken, String problem) throws Exception {
        Path manifest = dir.resolve("defects").resolve(tool).resolve(file);
        Files.createDirectories(manifest.getParent());
        Path source = manifests("checkout-defects-" + tool + "-" + file.replace('.', '-'),
                Samples.all().stream().filter(s -> s.name().equals("checkout-plan")).findFirst().orElseThrow().path(), 3)
                .stream().filter(p -> p.endsWith(Path.of(tool, file))).findFirst().orElseThrow();
        String text = Files.readString(source);
        String from = valid.replace("\\n", "\n");
        assertTrue(text.contains(from), "the valid manifest has " + from);
        Files.writeString(manifest, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(broken.replace("\\n", "\n"))));
        assertEquals(0, validate(List.of(source)).exitCode(), "the manifest before the defect is valid");
        Processes.Result result = validate(List.of(manifest));
        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stdout().contains(problem), "expected '" + problem + "' in:\n" + result.stdout());
    }
}
