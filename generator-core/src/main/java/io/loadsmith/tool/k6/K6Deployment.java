package io.loadsmith.tool.k6;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.deploy.Compose;
import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.deploy.Kubernetes;
import io.loadsmith.deploy.Manifests;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * k6 beyond this machine: a k6-operator {@code TestRun} whose {@code parallelism} runners each
 * take an equal execution segment (the operator computes them), or Compose services that each run
 * {@code k6 run} with its segment of one sequence, as {@code run --workers} does here.
 */
final class K6Deployment {
    static final String IMAGE = "grafana/k6:0.48.0";
    private static final String SCRIPT = K6Renderer.SCRIPT.substring(K6Renderer.SCRIPT.indexOf('/') + 1);

    private K6Deployment() {}

    /** The bounds of {@code workers} equal segments: {@code 0, 1/3, 2/3, 1}. */
    static List<String> segmentBounds(int workers) {
        List<String> bounds = new ArrayList<>();
        for (int i = 0; i <= workers; i++) {
            bounds.add(i == 0 ? "0" : i == workers ? "1" : i + "/" + workers);
        }
        return bounds;
    }

    static RenderResult render(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        String path = "k6/" + target.fileName();
        List<Kubernetes.Mounted> files = Kubernetes.mounted(scripts.files(), "k6");
        return switch (target) {
            case KUBERNETES -> new RenderResult(List.of(RenderedFile.text(path, kubernetes(workers, plan, files, sourceName))),
                    kubernetesDiagnostics(path, files));
            case COMPOSE -> new RenderResult(List.of(RenderedFile.text(path, compose(workers, plan, sourceName))), List.of());
        };
    }

    private static String kubernetes(int workers, TestPlan plan, List<Kubernetes.Mounted> files, String sourceName) {
        String name = Manifests.baseName(plan);
        String configMap = name + "-k6";
        String secret = name + "-env";
        ObjectNode testRun = Kubernetes.object("k6.io/v1alpha1", "TestRun", name, name, "test");
        ObjectNode spec = testRun.putObject("spec");
        spec.put("parallelism", workers);
        ObjectNode script = spec.putObject("script").putObject("configMap");
        script.put("name", configMap);
        script.put("file", SCRIPT);
        ObjectNode runner = spec.putObject("runner");
        runner.put("image", IMAGE);
        runner.set("env", Kubernetes.env(plan, secret));

        List<String> header = new ArrayList<>();
        header.add("k6 on Kubernetes, written by Loadsmith from " + Manifests.source(sourceName) + ": " + plan.name());
        header.add("The k6-operator runs it: " + workers + " runner" + (workers == 1 ? "" : "s")
                + ", each with an equal execution segment of the one test (see");
        header.add("https://grafana.com/docs/k6/latest/set-up/set-up-distributed-k6/ to install the operator).");
        header.add("");
        header.addAll(Kubernetes.secretHeader(plan, secret));
        header.add("Set BASE_URL below to the system under test as the cluster reaches it, then:");
        header.add("  kubectl apply -f k6/" + DeployTarget.KUBERNETES.fileName());
        header.add("  kubectl get testrun " + name + " -w        (the runners' logs hold k6's summary)");
        header.add("To run it again: kubectl delete testrun " + name + ", then apply again.");
        return Manifests.yaml(header, List.of(Kubernetes.configMap(configMap, name, flat(files)), testRun));
    }

    /** The operator mounts the ConfigMap's keys flat in the runner's /test folder: only top-level files fit there. */
    private static List<Kubernetes.Mounted> flat(List<Kubernetes.Mounted> files) {
        return files.stream().filter(f -> !f.path().contains("/")).toList();
    }

    private static List<Diagnostic> kubernetesDiagnostics(String path, List<Kubernetes.Mounted> files) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> nested = files.stream().map(Kubernetes.Mounted::path).filter(p -> p.contains("/")).toList();
        if (!nested.isEmpty()) {
            diagnostics.add(Diagnostic.warning(path, "the script opens " + nested.size() + " data file"
                    + (nested.size() == 1 ? "" : "s") + " (k6/" + nested.get(0) + (nested.size() > 1 ? ", ..." : "")
                    + ") that a ConfigMap cannot hold at its path: the k6-operator mounts a ConfigMap's keys flat; "
                    + "put the k6 folder on a volume and point spec.script.volumeClaim at it"));
        }
        long size = Kubernetes.size(flat(files));
        if (size > Kubernetes.CONFIG_MAP_LIMIT) {
            diagnostics.add(Diagnostic.warning(path, "the script takes " + size + " bytes, more than a ConfigMap holds ("
                    + Kubernetes.CONFIG_MAP_LIMIT + "): use spec.script.volumeClaim"));
        }
        return diagnostics;
    }

    private static String compose(int workers, TestPlan plan, String sourceName) {
        String name = Manifests.baseName(plan);
        List<String> bounds = segmentBounds(workers);
        ObjectNode file = Manifests.object();
        ObjectNode services = file.putObject("services");
        List<String> outputs = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            ObjectNode service = services.putObject("k6-" + i);
            service.put("image", IMAGE);
            service.put("working_dir", Compose.scripts("k6"));
            String output = Compose.RESULTS + "/samples-" + i + ".ndjson.gz";
            ArrayNode command = Compose.literals(List.of("run", "--execution-segment", bounds.get(i - 1) + ":" + bounds.get(i),
                    "--execution-segment-sequence", String.join(",", bounds), "--out", "json=" + output,
                    "--summary-export", Compose.RESULTS + "/summary-" + i + ".json", SCRIPT));
            service.set("command", command);
            service.set("environment", Compose.environment(plan));
            service.set("volumes", Compose.volumes("k6"));
            outputs.add("k6/results/samples-" + i + ".ndjson.gz");
        }
        List<String> header = new ArrayList<>();
        header.add("k6 on Docker Compose, written by Loadsmith from " + Manifests.source(sourceName) + ": " + plan.name());
        header.add(workers + " k6 process" + (workers == 1 ? "" : "es") + ", each running its execution segment of the one test.");
        header.add("From the output folder, with BASE_URL (as the containers reach it) and the secrets in .env:");
        header.add("  docker compose -p " + name + "-k6 -f k6/" + DeployTarget.COMPOSE.fileName() + " --env-file .env up");
        header.add("  loadsmith report " + String.join(" ", outputs));
        return Manifests.yaml(header, List.of(file));
    }
}
