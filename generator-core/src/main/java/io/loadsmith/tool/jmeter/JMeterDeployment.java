package io.loadsmith.tool.jmeter;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JMeter beyond this machine, its own distributed testing: N servers, each with its share of the
 * workload (the properties the Thread Group reads, as {@code run --workers} gives them here), and
 * one controller that starts them with {@code -R}, gathers every sample into its JTL and ends them
 * with {@code -X}. RMI runs on fixed ports without SSL (JMeter's keystore would have to be made
 * and mounted first): the test's traffic stays inside the cluster's or Compose's network.
 */
final class JMeterDeployment {
    /** No image comes from the JMeter project; this one is widely used and has {@code jmeter} on its PATH. */
    static final String IMAGE = "justb4/jmeter:5.5";
    static final int REGISTRY_PORT = 1099;
    static final int SERVER_PORT = 50000;
    static final int CONTROLLER_PORT = 60000;
    private static final String SCRIPTS = "/mnt/jmeter";
    private static final String RESULTS = "/results";
    private static final String PLAN = JMeterRenderer.SCRIPT.substring(JMeterRenderer.SCRIPT.indexOf('/') + 1);
    /** How often, 5 s apart, the controller tries to reach a server that is not up yet. */
    private static final String TRIES = "60";
    private static final String HOSTNAME = "-Djava.rmi.server.hostname=";

    private JMeterDeployment() {}

    static RenderResult render(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        String path = "jmeter/" + target.fileName();
        List<List<String>> shares = JMeterViewBuilder.serverProperties(plan, workers);
        List<Diagnostic> diagnostics = new ArrayList<>();
        String text;
        if (target == DeployTarget.KUBERNETES) {
            List<Kubernetes.Mounted> files = new ArrayList<>(Kubernetes.mounted(scripts.files(), "jmeter"));
            for (int i = 0; i < workers; i++) {
                String name = "server-" + i + ".properties";
                files.add(new Kubernetes.Mounted(name, name, properties(shares.get(i)).getBytes(StandardCharsets.UTF_8)));
            }
            text = kubernetes(workers, plan, files, sourceName);
            long size = Kubernetes.size(files);
            if (size > Kubernetes.CONFIG_MAP_LIMIT) {
                diagnostics.add(Diagnostic.warning(path, "the jmeter folder takes " + size
                        + " bytes, more than a ConfigMap holds (" + Kubernetes.CONFIG_MAP_LIMIT + "): mount it from a volume instead"));
            }
        } else {
            text = compose(workers, plan, shares, sourceName);
        }
        return new RenderResult(List.of(RenderedFile.text(path, text)), diagnostics);
    }

    /** A server's share ({@code -Jthreads=3}) as a properties file for {@code -q}. */
    private static String properties(List<String> share) {
        StringBuilder out = new StringBuilder("# This server's share of the plan's workload, read by the Thread Group.\n");
        for (String argument : share) {
            String property = argument.substring("-J".length());
            int equals = property.indexOf('=');
            out.append(property, 0, equals).append('=').append(property.substring(equals + 1).replace("\\", "\\\\")).append('\n');
        }
        return out.toString();
    }

    /** A server's arguments but its host name ({@link #HOSTNAME}), which the others reach it by. */
    private static List<String> serverArguments(String logFile) {
        return List.of("-s", "-Dserver_port=" + REGISTRY_PORT, "-Jserver.rmi.localport=" + SERVER_PORT,
                "-Jserver.rmi.ssl.disable=true", "-j", logFile);
    }

    /** The controller's arguments but its host name ({@link #HOSTNAME}), which the servers send their samples to. */
    private static List<String> controllerArguments(List<String> servers, String results) {
        return List.of("-n", "-t", PLAN, "-l", results + "/results.jtl", "-j", results + "/jmeter.log",
                "-Jjmeterengine.force.system.exit=true", "-R", String.join(",", servers), "-X",
                "-Jserver.rmi.ssl.disable=true", "-Jclient.rmi.localport=" + CONTROLLER_PORT,
                "-Jclient.tries=" + TRIES, "-Jclient.retries_delay=5000");
    }

    private static String kubernetes(int workers, TestPlan plan, List<Kubernetes.Mounted> files, String sourceName) {
        String name = Manifests.baseName(plan);
        String configMap = name + "-jmeter";
        String servers = name + "-jmeter-server";
        String controller = name + "-jmeter-controller";
        String secret = name + "-env";

        ObjectNode service = Kubernetes.object("v1", "Service", servers, name, "server");
        ObjectNode serviceSpec = service.putObject("spec");
        serviceSpec.put("clusterIP", "None");
        serviceSpec.set("selector", Kubernetes.labels(name, "server"));
        ArrayNode ports = serviceSpec.putArray("ports");
        port(ports, "registry", REGISTRY_PORT, "port");
        port(ports, "rmi", SERVER_PORT, "port");

        ObjectNode statefulSet = Kubernetes.object("apps/v1", "StatefulSet", servers, name, "server");
        ObjectNode setSpec = statefulSet.putObject("spec");
        setSpec.put("serviceName", servers);
        setSpec.put("replicas", workers);
        setSpec.put("podManagementPolicy", "Parallel");
        setSpec.putObject("selector").set("matchLabels", Kubernetes.labels(name, "server"));
        ObjectNode serverPod = Kubernetes.podTemplate(setSpec, name, "server", configMap, files);
        // Each server reads its share from server-<pod index>.properties; Kubernetes expands $(NAME) from the container's env.
        List<String> serverArguments = new ArrayList<>(literals(serverArguments(RESULTS + "/jmeter-server.log")));
        serverArguments.addAll(List.of(HOSTNAME + "$(POD_NAME)." + servers, "-q", "server-$(POD_INDEX).properties"));
        ObjectNode serverContainer = container(serverPod, plan, secret, serverArguments);
        ArrayNode serverEnv = (ArrayNode) serverContainer.get("env");
        serverEnv.add(Kubernetes.fieldEnv("POD_NAME", "metadata.name"));
        serverEnv.add(Kubernetes.fieldEnv("POD_INDEX", "metadata.labels['apps.kubernetes.io/pod-index']"));
        ArrayNode serverPorts = serverContainer.putArray("ports");
        port(serverPorts, "registry", REGISTRY_PORT, "containerPort");
        port(serverPorts, "rmi", SERVER_PORT, "containerPort");

        List<String> remotes = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            remotes.add(servers + "-" + i + "." + servers + ":" + REGISTRY_PORT);
        }
        ObjectNode job = Kubernetes.object("batch/v1", "Job", controller, name, "controller");
        ObjectNode jobSpec = job.putObject("spec");
        jobSpec.put("backoffLimit", 0);
        ObjectNode controllerPod = Kubernetes.podTemplate(jobSpec, name, "controller", configMap, files);
        controllerPod.put("restartPolicy", "Never");
        List<String> controllerArguments = new ArrayList<>(literals(controllerArguments(remotes, RESULTS)));
        controllerArguments.add(HOSTNAME + "$(POD_IP)");
        ObjectNode controllerContainer = container(controllerPod, plan, secret, controllerArguments);
        ((ArrayNode) controllerContainer.get("env")).add(Kubernetes.fieldEnv("POD_IP", "status.podIP"));

        List<String> header = new ArrayList<>();
        header.add("JMeter on Kubernetes, written by Loadsmith from " + Manifests.source(sourceName) + ": " + plan.name());
        header.add(workers + " JMeter server" + (workers == 1 ? "" : "s") + " (a StatefulSet, each with its share of the workload in"
                + " server-<index>.properties) and a controller (a Job) that runs them with -R, writes every sample to its JTL"
                + " and ends them with -X. RMI without SSL on fixed ports, inside the cluster; index labels on pods need"
                + " Kubernetes 1.28 or later.");
        header.add("");
        header.addAll(Kubernetes.secretHeader(plan, secret));
        header.add("Set BASE_URL below (twice) to the system under test as the cluster reaches it, then:");
        header.add("  kubectl apply -f jmeter/" + DeployTarget.KUBERNETES.fileName());
        header.add("  kubectl logs -f job/" + controller + "        (the JTL is " + RESULTS + "/results.jtl in its pod)");
        header.add("  kubectl delete -f jmeter/" + DeployTarget.KUBERNETES.fileName());
        header.add("The image is a community one (" + IMAGE + "): any image with jmeter 5.5 or later on its PATH will do.");
        return Manifests.yaml(header, List.of(Kubernetes.configMap(configMap, name, files), service, statefulSet, job));
    }

    private static List<String> literals(List<String> arguments) {
        return arguments.stream().map(Kubernetes::literal).toList();
    }

    private static void port(ArrayNode ports, String name, int number, String field) {
        ObjectNode port = ports.addObject();
        port.put("name", name);
        port.put(field, number);
    }

    private static ObjectNode container(ObjectNode pod, TestPlan plan, String secret, List<String> arguments) {
        ObjectNode container = pod.putArray("containers").addObject();
        container.put("name", "jmeter");
        container.put("image", IMAGE);
        container.set("command", Manifests.strings(List.of("jmeter")));
        container.set("args", Manifests.strings(arguments));
        container.put("workingDir", SCRIPTS);
        container.set("env", Kubernetes.env(plan, secret));
        Kubernetes.mountVolumes(container, SCRIPTS, RESULTS);
        return container;
    }

    private static String compose(int workers, TestPlan plan, List<List<String>> shares, String sourceName) {
        String name = Manifests.baseName(plan);
        ObjectNode file = Manifests.object();
        ObjectNode services = file.putObject("services");
        List<String> remotes = new ArrayList<>();
        List<String> serverNames = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            String server = "server-" + i;
            ObjectNode service = service(services, server, plan);
            List<String> arguments = new ArrayList<>(serverArguments(Compose.RESULTS + "/jmeter-" + server + ".log"));
            arguments.add(HOSTNAME + server);
            arguments.addAll(shares.get(i - 1));
            service.set("command", Compose.literals(arguments));
            remotes.add(server + ":" + REGISTRY_PORT);
            serverNames.add(server);
        }
        ObjectNode controller = service(services, "controller", plan);
        List<String> controllerArguments = new ArrayList<>(controllerArguments(remotes, Compose.RESULTS));
        controllerArguments.add(HOSTNAME + "controller");
        controller.set("command", Compose.literals(controllerArguments));
        controller.set("depends_on", Manifests.strings(serverNames));

        List<String> header = new ArrayList<>();
        header.add("JMeter on Docker Compose, written by Loadsmith from " + Manifests.source(sourceName) + ": " + plan.name());
        header.add(workers + " JMeter server" + (workers == 1 ? "" : "s") + ", each with its share of the workload, and a controller"
                + " that runs them with -R, writes every sample to results/results.jtl and ends them with -X (RMI without SSL,"
                + " inside the Compose network).");
        header.add("From the output folder, with BASE_URL (as the containers reach it) and the secrets in .env:");
        header.add("  docker compose -p " + name + "-jmeter -f jmeter/" + DeployTarget.COMPOSE.fileName() + " --env-file .env up --abort-on-container-exit");
        header.add("  loadsmith report jmeter/results/results.jtl");
        header.add("The image is a community one (" + IMAGE + "): any image with jmeter 5.5 or later on its PATH will do.");
        return Manifests.yaml(header, List.of(file));
    }

    private static ObjectNode service(ObjectNode services, String name, TestPlan plan) {
        ObjectNode service = services.putObject(name);
        service.put("image", IMAGE);
        service.set("entrypoint", Manifests.strings(List.of("jmeter")));
        service.put("working_dir", Compose.scripts("jmeter"));
        service.set("environment", Compose.environment(plan));
        service.set("volumes", Compose.volumes("jmeter"));
        return service;
    }
}
