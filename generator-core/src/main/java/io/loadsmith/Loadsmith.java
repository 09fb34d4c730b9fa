package io.loadsmith;

import io.loadsmith.deploy.DeployOptions;
import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Importer;
import io.loadsmith.importer.Secrets;
import io.loadsmith.importer.graphql.GraphQlImporter;
import io.loadsmith.importer.har.HarImporter;
import io.loadsmith.importer.openapi.OpenApiImporter;
import io.loadsmith.importer.plan.PlanFileImporter;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Param;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Threshold;
import io.loadsmith.model.Variable;
import io.loadsmith.model.Workload;
import io.loadsmith.model.WorkloadPreset;
import io.loadsmith.render.EnvExample;
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The entry point of the Java API.
 *
 * <pre>{@code
 * ImportResult imported = Loadsmith.importOpenApi(Path.of("openapi.yaml"), ImportOptions.defaults());
 * RenderResult k6 = Loadsmith.render(imported.plan(), LoadTools.K6);
 * Loadsmith.write(Path.of("out"), k6.files());
 * }</pre>
 */
public final class Loadsmith {

    /**
     * The importers that recognise their input by its first bytes; what none accepts is read as
     * OpenAPI. Made on first use, not with this class: {@link #prefetch} leaves that to its thread.
     */
    private static final class OtherImporters {
        static final List<Importer> ALL = List.of(new PlanFileImporter(), new HarImporter(), new GraphQlImporter());
    }
    /** How much of a file {@link #importerFor} sees. */
    private static final int HEAD_BYTES = 65536;

    private Loadsmith() {}

    /** Reads an OpenAPI 3.x or Swagger 2.0 document. */
    public static ImportResult importOpenApi(Path spec, ImportOptions options) {
        return new OpenApiImporter().importFile(spec, options);
    }

    /** Reads a HAR recording (HAR 1.2, and the 1.1 files some browsers still write). */
    public static ImportResult importHar(Path har, ImportOptions options) {
        return new HarImporter().importFile(har, options);
    }

    /** Reads a plan file written by {@code loadsmith init} or by hand. */
    public static ImportResult readPlan(Path planFile) {
        return new PlanFileImporter().importFile(planFile, ImportOptions.defaults());
    }

    /**
     * Reads any supported input, recognised by its content: a plan file, a HAR recording, a GraphQL
     * schema (SDL or introspection result), or else an OpenAPI document (whose importer explains
     * what is wrong when it is not one).
     */
    public static ImportResult importFile(Path input, ImportOptions options) {
        return importerFor(Documents.readHead(input, HEAD_BYTES)).importFile(input, options);
    }

    private static Importer importerFor(String head) {
        return OtherImporters.ALL.stream().filter(importer -> importer.accepts(head)).findFirst().orElseGet(OpenApiImporter::new);
    }

    /**
     * Starts reading {@code input} in the background when it is an OpenAPI document, so that a
     * following {@link #importFile} or {@link #generate} of it, while the file is unchanged, does
     * not wait for all of it: for a caller with other work first, such as a command line parsing
     * its options. What it reads is kept until that import; does nothing for other inputs. Even
     * what the input is (its first bytes) is found on the reading's thread: the caller goes on
     * at once.
     *
     * @return the reading, done when it is ready (or found that the input is no OpenAPI
     *         document); null when there is no such file or a reading of it is already waiting
     */
    public static Future<?> prefetch(Path input) {
        if (!Files.isRegularFile(input)) {
            return null;
        }
        return OpenApiImporter.prefetch(input, file -> importerFor(Documents.readHead(file, HEAD_BYTES)) instanceof OpenApiImporter);
    }

    /** The load tools Loadsmith writes scripts for, runs and reads. */
    public static List<LoadTool> tools() {
        return LoadTools.all();
    }

    /** The tool named {@code id}: {@code k6}, {@code locust}, ... */
    public static LoadTool tool(String id) {
        return LoadTools.byId(id);
    }

    public static RenderResult render(TestPlan plan, LoadTool tool) {
        return render(plan, tool, RenderOptions.defaults());
    }

    public static RenderResult render(TestPlan plan, LoadTool tool, RenderOptions options) {
        return tool.renderer().render(plan, options);
    }

    /** Applies command-line adjustments: base URL, headers (secrets to the environment), workload, thresholds. */
    public static ImportResult customize(TestPlan plan, PlanOptions options) {
        if (options.equals(PlanOptions.none())) {
            return new ImportResult(plan, List.of());
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        TestPlan.Builder builder = plan.toBuilder();
        if (options.baseUrl() != null) {
            builder.baseUrl(options.baseUrl().replaceAll("/+$", ""));
        }
        List<Param> headers = new ArrayList<>(plan.headers());
        for (String header : options.headers()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header '" + header + "' must look like 'Name: value'");
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            Text text = Text.of(value);
            if (Secrets.isSecretName(name)) {
                String env = Secrets.environmentName(name);
                String[] scheme = Secrets.splitScheme(value);
                text = scheme != null ? Text.concat(Text.of(scheme[0]), Text.ref(env)) : Text.ref(env);
                Variable existing = plan.variable(env);
                if (existing == null) {
                    builder.variable(Variable.secret(env, "Value" + (scheme != null ? " (after '" + scheme[0] + "')" : "")
                            + " of the " + name + " header"));
                }
                diagnostics.add(Diagnostic.warning("--header " + name, "the value is a secret and is not written into "
                        + "the scripts; set the environment variable " + env + " to "
                        + (scheme != null ? "the part after '" + scheme[0] + "'" : "it") + " when running"));
            }
            headers.removeIf(p -> p.name().equalsIgnoreCase(name));
            headers.add(new Param(name, text));
        }
        builder.headers(headers);
        if (options.changesWorkload()) {
            builder.workload(workload(plan.workload(), options));
        }
        List<Threshold> thresholds = new ArrayList<>(plan.thresholds());
        for (String expression : options.thresholds()) {
            Threshold threshold = Threshold.parse(expression);
            if (!thresholds.contains(threshold)) {
                thresholds.add(threshold);
            }
        }
        builder.thresholds(thresholds);
        return new ImportResult(builder.build(), diagnostics);
    }

    private static Workload workload(Workload current, PlanOptions options) {
        if (options.profile() != null) {
            return options.profile().workload(options.users(), options.rate(), options.duration());
        }
        if (options.rate() != null) {
            java.time.Duration duration = options.duration() != null ? options.duration() : current.duration();
            int max = options.users() != null ? options.users() : Math.max(10, (int) Math.ceil(options.rate() * 10));
            return Workload.OpenWorkload.constant(options.rate(), duration,
                    Math.max(1, Math.min(max, (int) Math.ceil(options.rate()))), max);
        }
        int users = options.users() != null ? options.users()
                : current instanceof Workload.ClosedWorkload closed ? Math.max(1, closed.peakUsers()) : 1;
        java.time.Duration duration = options.duration() != null ? options.duration() : current.duration();
        return Workload.ClosedWorkload.constant(users, duration);
    }

    /**
     * Imports, adjusts and renders in one go. Nothing is written; see {@link #write}.
     *
     * @param tools the tools to render for; the {@code .env.example} file is added once
     */
    public static Generation generate(Path input, ImportOptions importOptions, PlanOptions planOptions,
                                      List<LoadTool> tools, RenderOptions renderOptions) {
        return generate(input, importOptions, planOptions, tools, renderOptions, DeployOptions.none());
    }

    /**
     * Imports, adjusts and renders in one go, with the cluster manifests of {@code deploy} beside
     * each tool's scripts ({@link LoadTool#deployment}). Nothing is written; see {@link #write}.
     *
     * @throws RenderException when a tool has no distributed engine for a target
     */
    public static Generation generate(Path input, ImportOptions importOptions, PlanOptions planOptions,
                                      List<LoadTool> tools, RenderOptions renderOptions, DeployOptions deploy) {
        ImportResult imported = importFile(input, importOptions);
        List<Diagnostic> diagnostics = new ArrayList<>(imported.diagnostics());
        ImportResult customized;
        try {
            customized = customize(imported.plan(), planOptions);
        } catch (IllegalArgumentException e) {
            throw new ImportException(input, null, e.getMessage(), e);
        }
        diagnostics.addAll(customized.diagnostics());
        TestPlan plan = customized.plan();
        List<RenderedFile> files = new ArrayList<>();
        RenderOptions options = renderOptions.sourceName() == null
                ? renderOptions.withSourceName(input.getFileName().toString()) : renderOptions;
        List<RenderResult> rendered = renderAll(plan, tools, options);
        for (int i = 0; i < tools.size(); i++) {
            RenderResult result = rendered.get(i);
            files.addAll(result.files());
            diagnostics.addAll(result.diagnostics());
            for (DeployTarget target : deploy.targets()) {
                RenderResult manifest = tools.get(i).deployment(target, deploy.workers(), plan, result, options.sourceName());
                files.addAll(manifest.files());
                diagnostics.addAll(manifest.diagnostics());
            }
        }
        files.add(EnvExample.render(plan));
        if (imported.report() != null) {
            files.add(RenderedFile.text(imported.reportPath(), imported.report()));
        }
        return new Generation(plan, files, diagnostics);
    }

    /**
     * Renders for several tools at once, one thread per processor (each tool's templates and views
     * are its own; a cold start of {@code --tool all} spends a fifth of its time here), the results
     * in the order of {@code tools}. A failure is thrown as it was raised.
     */
    private static List<RenderResult> renderAll(TestPlan plan, List<LoadTool> tools, RenderOptions options) {
        int threads = Math.min(tools.size(), Runtime.getRuntime().availableProcessors());
        if (threads < 2) {
            return tools.stream().map(tool -> render(plan, tool, options)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "loadsmith-render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RenderResult>> rendering = new ArrayList<>();
            for (LoadTool tool : tools) {
                rendering.add(pool.submit(() -> render(plan, tool, options)));
            }
            List<RenderResult> results = new ArrayList<>();
            for (Future<RenderResult> result : rendering) {
                results.add(result.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes files under {@code outDir}: all of them into a staging folder inside it first, then
     * each moved into place, so a failure leaves no half-written file and nothing lands outside.
     */
    public static void write(Path outDir, List<RenderedFile> files) {
        Path out = outDir.toAbsolutePath().normalize();
        Path staging = null;
        try {
            Files.createDirectories(out);
            staging = Files.createTempDirectory(out, ".loadsmith-");
            for (RenderedFile file : files) {
                Path target = staging.resolve(file.path()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IllegalArgumentException("file " + file.path() + " would land outside " + out);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            }
            for (RenderedFile file : files) {
                Path target = out.resolve(file.path());
                Files.createDirectories(target.getParent());
                try {
                    Files.move(staging.resolve(file.path()), target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging.resolve(file.path()), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the staging folder is empty by now unless a write failed; nothing more to do
        }
    }

    /** The profile named on the command line. */
    public static WorkloadPreset profile(String id) {
        return WorkloadPreset.fromId(id);
    }
}
