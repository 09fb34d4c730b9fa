package io.loadsmith.tool.locust;

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
 * Locust beyond this machine: one headless master that waits for its workers, ends with the test
 * and keeps its CSV statistics, and N workers that connect to it; the master divides the users.
 * On Kubernetes the master is a Job behind a Service, the workers a Deployment; on Compose two
 * services, the workers replicated.
 */
final class LocustDeployment {
    static final String IMAGE = "locustio/locust:2.12.1";
    /** The port the master listens on for its workers, Locust's default. */
    static final int MASTER_PORT = 5557;
    /** How long the master waits for all its workers: pods may first have to pull the image. */
    private static final String WORKERS_MAX_WAIT = "300";
    /**
     * The locust folder is mounted at /mnt/locust and Locust runs in /mnt: in the folder itself,
     * every process (the workers too) would read locust.conf, and a worker refuses its run-time.
     */
    private static final String SCRIPTS = "/mnt/locust";
    private static final String WORKING_DIR = "/mnt";
    private static final String RESULTS = "/results";

    private LocustDeployment() {}

    static RenderResult render(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        String path = "locust/" + target.fileName();
        List<Kubernetes.Mounted> files = Kubernetes.mounted(scripts.files(), "locust");
        List<Diagnostic> diagnostics = new ArrayList<>();
        String text;
        if (target == DeployTarget.KUBERNETES) {
            text = kubernetes(workers, plan, files, sourceName);
            long size = Kubernetes.size(files);
            if (size > Kubernetes.CONFIG_MAP_LIMIT) {
                diagnostics.add(Diagnostic.warning(path, "the locust folder takes " + size
                        + " bytes, more than a ConfigMap holds (" + Kubernetes.CONFIG_MAP_LIMIT + "): mount it from a volume instead"));
            }
        } else {
            text = compose(workers, plan, sourceName);
        }
        return new RenderResult(List.of(RenderedFile.text(path, text)), diagnostics);
    }

    private static List<String> masterArguments(int workers, String results) {
        return List.of("--config", LocustRenderer.SETTINGS, "-f", LocustRenderer.SCRIPT, "--headless", "--only-summary",
                "--csv", results + "/stats", "--csv-full-history", "--master", "--expect-workers", Integer.toString(workers),
                "--expect-workers-max-wait", WORKERS_MAX_WAIT);
    }

    private static List<String> workerArguments(String masterHost) {
        return List.of("-f", LocustRenderer.SCRIPT, "--worker", "--master-host", masterHost);
    }

    private static String kubernetes(int workers, TestPlan plan, List<Kubernetes.Mounted> files, String sourceName) {
        String name = Manifests.baseName(plan);
        String configMap = name + "-locust";
        String master = name + "-locust-master";
        String secret = name + "-env";

        ObjectNode service = Kubernetes.object("v1", "Service", master, name, "master");
        ObjectNode serviceSpec = service.putObject("spec");
        serviceSpec.set("selector", Kubernetes.labels(name, "master"));
        ObjectNode port = serviceSpec.putArray("ports").addObject();
        port.put("name", "workers");
        port.put("port", MASTER_PORT);
        port.put("targetPort", MASTER_PORT);

        ObjectNode job = Kubernetes.object("batch/v1", "Job", master, name, "master");
        ObjectNode jobSpec = job.putObject("spec");
        jobSpec.put("backoffLimit", 0);
        ObjectNode masterPod = Kubernetes.podTemplate(jobSpec, name, "master", configMap, files);
        masterPod.put("restartPolicy", "Never");
        ObjectNode masterContainer = container(masterPod, plan, secret, masterArguments(workers, RESULTS));
        ObjectNode containerPort = masterContainer.putArray("ports").addObject();
        containerPort.put("name", "workers");
        containerPort.put("containerPort", MASTER_PORT);

        ObjectNode deployment = Kubernetes.object("apps/v1", "Deployment", name + "-locust-worker", name, "worker");
        ObjectNode deploymentSpec = deployment.putObject("spec");
        deploymentSpec.put("replicas", workers);
        deploymentSpec.putObject("selector").set("matchLabels", Kubernetes.labels(name, "worker"));
        ObjectNode workerPod = Kubernetes.podTemplate(deploymentSpec, name, "worker", configMap, files);
        container(workerPod, plan, secret, workerArguments(master));

        List<String> header = new ArrayList<>();
        header.add("Locust on Kubernetes, written by Loadsmith from " + Manifests.source(sourceName) + ": " + plan.name());
        header.add("A headless master (a Job, which ends with the test) and " + workers + " worker" + (workers == 1 ? "" : "s")
                + " (a Deployment); the master divides the users among them.");
        header.add("");
        header.addAll(Kubernetes.secretHeader(plan, secret));
        header.add("Set BASE_URL below (twice) to the system under test as the cluster reaches it, then:");
        header.add("  kubectl apply -f locust/" + DeployTarget.KUBERNETES.fileName());
        header.add("  kubectl logs -f job/" + master + "        (Locust's summary; its CSV files are in " + RESULTS + ")");
        header.add("  kubectl delete -f locust/" + DeployTarget.KUBERNETES.fileName() + "   (the workers wait for a master until then)");
        return Manifests.yaml(header, List.of(Kubernetes.configMap(configMap, name, files), service, job, deployment));
    }


    private static ObjectNode container(ObjectNode pod, TestPlan plan, String secret, List<String> arguments) {
        ObjectNode container = pod.putArray("containers").addObject();
        container.put("name", "locust");
        container.put("image", IMAGE);
        container.put("workingDir", WORKING_DIR);
        container.set("args", Manifests.strings(arguments.stream().map(Kubernetes::literal).toList()));
        container.set("env", Kubernetes.env(plan, secret));
        Kubernetes.mountVolumes(container, SCRIPTS, RESULTS);
        return container;
    }

    private static String compose(int workers, TestPlan plan, String sourceName) {
        String name = Manifests.baseName(plan);
        ObjectNode file = Manifests.object();
        ObjectNode services = file.putObject("services");
        ObjectNode master = services.putObject("master");
        master.put("image", IMAGE);
        master.put("working_dir", WORKING_DIR);
        master.set("command", Compose.literals(masterArguments(workers, Compose.RESULTS)));
        master.set("environment", Compose.environment(plan));
        master.set("volumes", Compose.volumes("locust"));
        ObjectNode worker = services.putObject("worker");
        worker.put("image", IMAGE);
        worker.put("working_dir", WORKING_DIR);
        worker.set("command", Compose.literals(workerArguments("master")));
        worker.set("environment", Compose.environment(plan));
        worker.set("volumes", Compose.volumes("locust"));
        worker.putObject("deploy").put("replicas", workers);
        worker.set("depends_on", Manifests.strings(List.of("master")));

        List<String> header = new ArrayList<>();
        header.add("Locust on Docker Compose, written by Loadsmith from " + Manifests.source(sourceName) + ": " + plan.name());
        header.add("A headless master and " + workers + " worker" + (workers == 1 ? "" : "s")
                + "; the master divides the users among them and writes the CSV statistics.");
        header.add("From the output folder, with BASE_URL (as the containers reach it) and the secrets in .env:");
        header.add("  docker compose -p " + name + "-locust -f locust/" + DeployTarget.COMPOSE.fileName() + " --env-file .env up --abort-on-container-exit");
        header.add("  loadsmith report locust/results");
        return Manifests.yaml(header, List.of(file));
    }
}
