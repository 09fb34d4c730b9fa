package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.deploy.DeployOptions;
import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.RunResults;
import io.loadsmith.samples.demo.DemoApi;
import io.loadsmith.testing.TestPaths;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processes the cluster manifests start, started here for real against the demo API: each
 * Compose service and each pod's container with the manifest's own command, arguments,
 * environment and working folder (a pod's ConfigMap volume laid out as Kubernetes lays it out,
 * its {@code $(NAME)} references expanded from its env as Kubernetes expands them). No container
 * runtime or cluster is reachable here, so what they give is given here: every host name is
 * 127.0.0.1, the results folder is a local one, the k6-operator's runners get the segments the
 * operator gives them, and where several JMeter servers would each have their own address, each
 * gets its own ports instead (and the controller's callback port is left to the system). The workload splits must add up to the plan and the results agree
 * with the API's own log.
 */
class ManifestRunTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 6;

    @TempDir
    Path dir;

    /** One process of a manifest, as it would start in its container. */
    private record Local(String name, Path cwd, List<String> arguments, Map<String, String> env) {}

    private Path generate(LoadTool tool, DemoApi api, int workers) throws Exception {
        Generation generation = Loadsmith.generate(TestPaths.samples().resolve("specs/bookshop/openapi.yaml"),
                ImportOptions.defaults().withThinkTime(null),
                new PlanOptions(api.baseUrl(), List.of(), null, USERS, null, Duration.ofSeconds(5), List.of()),
                List.of(tool), RenderOptions.defaults(), new DeployOptions(List.of(DeployTarget.KUBERNETES, DeployTarget.COMPOSE), workers));
        Path out = dir.resolve("out");
        Loadsmith.write(out, generation.files());
        Files.createDirectories(dir.resolve("results"));
        return out;
    }

    private static Map<String, String> secrets() {
        return Map.of("OAUTH_CLIENT_ID", DemoApi.CLIENT_ID, "OAUTH_CLIENT_SECRET", DemoApi.CLIENT_SECRET);
    }

    /** A Compose service's environment: passed through from the caller's, required ones present. */
    private static Map<String, String> composeEnv(JsonNode service, Map<String, String> caller) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode entry : service.path("environment")) {
            String name = entry.asText().split("=", 2)[0];
            if (entry.asText().contains("=")) {
                assertTrue(caller.containsKey(name), "Compose would refuse to start without " + name);
            }
            if (caller.containsKey(name)) {
                env.put(name, caller.get(name));
            }
        }
        return env;
    }

    /**
     * A service's or a pod's file system: a folder that stands for its root, where its volumes are
     * mounted (a Compose bind mount as a symbolic link to the host folder).
     */
    private Path root(String name) throws IOException {
        return Files.createDirectories(dir.resolve("roots").resolve(name));
    }

    /** An argument with the absolute paths of its container (its mounts) inside the folder that stands for its root. */
    private static String rooted(String argument, Path root) {
        return argument.replace("/results/", root + "/results/").replace("/mnt/", root + "/mnt/");
    }

    /** Binds a Compose service's volumes ({@code .:/mnt/k6:ro}, {@code ./results:/results}) under its root. */
    private void bind(JsonNode service, Path composeFolder, Path root) throws IOException {
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            Path target = root.resolve(parts[1].substring(1));
            Files.createDirectories(target.getParent());
            Path source = composeFolder.resolve(parts[0]).normalize();
            Files.createDirectories(source);
            Files.createSymbolicLink(target, source);
        }
    }

    /** A Compose service as it would start: its volumes bound, its working folder, its command with hosts as they are here. */
    private Local composeService(String name, JsonNode service, Path composeFolder, Map<String, String> hosts,
                                 Map<String, String> caller) throws IOException {
        Path root = root(name);
        bind(service, composeFolder, root);
        List<String> arguments = new ArrayList<>();
        for (JsonNode argument : service.path("command")) {
            arguments.add(localHosts(rooted(argument.asText().replace("$$", "$"), root), hosts));
        }
        return new Local(name, root.resolve(service.path("working_dir").asText().substring(1)), arguments, composeEnv(service, caller));
    }

    private static String localHosts(String text, Map<String, String> hosts) {
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            text = text.replaceAll("(?<=^|[=,])" + Pattern.quote(host.getKey()) + "(?=$|[:,])", Matcher.quoteReplacement(host.getValue()));
        }
        return text;
    }

    /**
     * A pod's container as it would start: its ConfigMap volume laid out as Kubernetes lays it out
     * (each item's key at its path) at its mount path, its env filled in, $(NAME) expanded in its
     * arguments, its working folder, and hosts as they are here.
     */
    private Local pod(String name, JsonNode pod, JsonNode configMap, Map<String, String> fields, Map<String, String> hosts)
            throws IOException {
        Path root = root(name);
        JsonNode container = pod.path("containers").get(0);
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume = null;
            for (JsonNode candidate : pod.path("volumes")) {
                if (candidate.path("name").asText().equals(mount.path("name").asText())) {
                    volume = candidate;
                }
            }
            assertTrue(volume != null, "no volume " + mount);
            Path at = root.resolve(mount.path("mountPath").asText().substring(1));
            if (volume.has("configMap")) {
                assertEquals(configMap.at("/metadata/name").asText(), volume.at("/configMap/name").asText());
                volume(configMap, volume, at);
            } else {
                Files.createDirectories(at);
            }
        }
        Map<String, String> env = podEnv(container, fields, secrets());
        List<String> arguments = expand(container.path("args"), env).stream().map(a -> localHosts(rooted(a, root), hosts)).toList();
        return new Local(name, root.resolve(container.path("workingDir").asText().substring(1)), arguments, env);
    }

    private static void volume(JsonNode configMap, JsonNode volume, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (JsonNode item : volume.path("configMap").path("items")) {
            String key = item.path("key").asText();
            byte[] content = configMap.path("data").has(key)
                    ? configMap.path("data").path(key).asText().getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(configMap.path("binaryData").path(key).asText());
            Path file = folder.resolve(item.path("path").asText());
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
    }

    /** A container's env as Kubernetes fills it in: values ($$ read as $), Secret keys, the pod's own fields. */
    private static Map<String, String> podEnv(JsonNode container, Map<String, String> pod, Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode entry : container.path("env")) {
            String name = entry.path("name").asText();
            if (entry.has("value")) {
                env.put(name, entry.path("value").asText().replace("$$", "$"));
            } else if (entry.at("/valueFrom/secretKeyRef").isObject()) {
                String key = entry.at("/valueFrom/secretKeyRef/key").asText();
                assertTrue(secrets.containsKey(key), "the Secret needs the key " + key);
                env.put(name, secrets.get(key));
            } else {
                String field = entry.at("/valueFrom/fieldRef/fieldPath").asText();
                assertTrue(pod.containsKey(field), "no pod field " + field);
                env.put(name, pod.get(field));
            }
        }
        return env;
    }

    /** Arguments with $(NAME) expanded from the container's env and $$ read as $, as Kubernetes does. */
    private static List<String> expand(JsonNode arguments, Map<String, String> env) {
        List<String> expanded = new ArrayList<>();
        Pattern reference = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
        for (JsonNode argument : arguments) {
            Matcher m = reference.matcher(argument.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "$" : env.get(m.group(1))));
            }
            m.appendTail(out);
            expanded.add(out.toString());
        }
        return expanded;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (values.hasNext()) {
                documents.add((JsonNode) values.next());
            }
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    /**
     * Starts the processes in order, {@code pause} apart (servers and masters before those that
     * connect to them), waits for all of them to end on their own and returns their consoles.
     */
    private Map<String, String> runAll(LoadTool tool, List<Local> processes, Duration pause) throws Exception {
        Path executable = Tools.executable(tool);
        Map<String, Process> started = new LinkedHashMap<>();
        try {
            for (Local local : processes) {
                List<String> command = new ArrayList<>();
                command.add(executable.toString());
                command.addAll(local.arguments());
                ProcessBuilder builder = new ProcessBuilder(command).directory(local.cwd().toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve(local.name() + ".console").toFile());
                builder.environment().putAll(local.env());
                started.put(local.name(), builder.start());
                Thread.sleep(pause.toMillis());
            }
            Map<String, String> consoles = new LinkedHashMap<>();
            for (Map.Entry<String, Process> process : started.entrySet()) {
                boolean ended = process.getValue().waitFor(150, TimeUnit.SECONDS);
                consoles.put(process.getKey(), Files.readString(dir.resolve(process.getKey() + ".console")));
                if (!ended || process.getValue().exitValue() != 0) {
                    StringBuilder all = new StringBuilder(process.getKey() + (ended ? " exited with " + process.getValue().exitValue()
                            : " did not end") + "; every console:");
                    for (String name : started.keySet()) {
                        String console = Files.readString(dir.resolve(name + ".console"));
                        all.append("\n--- ").append(name).append('\n').append(console.length() > 3000
                                ? console.substring(console.length() - 3000) : console);
                    }
                    throw new AssertionError(all.toString());
                }
            }
            return consoles;
        } finally {
            for (Process process : started.values()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private RunResult merged(LoadTool tool, Path results, String glob) throws IOException {
        List<RunResult> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var files = Files.newDirectoryStream(results, glob)) {
            for (Path file : files) {
                parts.add(ResultParsers.parse(file, tool, Set.of()));
                names.add(file.getFileName().toString());
            }
        }
        assertTrue(!parts.isEmpty(), "no " + glob + " in the results");
        return parts.size() == 1 ? parts.get(0) : RunResults.merge(parts, names, Set.of());
    }

    private long k6Users(Path results) throws IOException {
        long users = 0;
        try (var files = Files.newDirectoryStream(results, "summary-*.json")) {
            for (Path file : files) {
                users += JSON.readTree(file.toFile()).at("/metrics/vus_max/max").asLong();
            }
        }
        return users;
    }

    @Test
    void k6ComposeServicesRunTheirSegmentsOfTheOneTest() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path out = generate(LoadTools.K6, api, 3);
            JsonNode services = documents(out.resolve("k6/compose.yaml")).get(0).path("services");
            Map<String, String> caller = new HashMap<>(secrets());
            caller.put("BASE_URL", api.baseUrl());
            List<Local> processes = new ArrayList<>();
            for (var service : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
                processes.add(composeService(service.getKey(), service.getValue(), out.resolve("k6"), Map.of(), caller));
            }
            assertEquals(3, processes.size());
            runAll(LoadTools.K6, processes, Duration.ZERO);
            Path results = out.resolve("k6/results");
            assertEquals(USERS, k6Users(results), "the segments' users add up to the plan's");
            assertEquals(api.requests().size(), merged(LoadTools.K6, results, "samples-*.ndjson.gz").total().requests(),
                    "the API's log against the services' samples");
        }
    }

    @Test
    void theK6OperatorsRunnersRunTheConfigMapsScript() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path out = generate(LoadTools.K6, api, 3);
            List<JsonNode> documents = documents(out.resolve("k6/kubernetes.yaml"));
            JsonNode testRun = kind(documents, "TestRun");
            JsonNode configMap = kind(documents, "ConfigMap");
            // The operator mounts the ConfigMap's keys in /test and runs the script there, each runner with its segment.
            Path test = dir.resolve("test");
            Files.createDirectories(test);
            configMap.path("data").fields().forEachRemaining(e -> {
                try {
                    Files.writeString(test.resolve(e.getKey()), e.getValue().asText());
                } catch (IOException x) {
                    throw new AssertionError(x);
                }
            });
            int parallelism = testRun.at("/spec/parallelism").asInt();
            Map<String, String> env = podEnv(testRun.at("/spec/runner"), Map.of(), secrets());
            List<String> bounds = new ArrayList<>();
            for (int i = 0; i <= parallelism; i++) {
                bounds.add(i == 0 ? "0" : i == parallelism ? "1" : i + "/" + parallelism);
            }
            List<Local> runners = new ArrayList<>();
            for (int i = 1; i <= parallelism; i++) {
                runners.add(new Local("runner-" + i, test, List.of("run", "--no-usage-report", "--execution-segment",
                        bounds.get(i - 1) + ":" + bounds.get(i), "--execution-segment-sequence", String.join(",", bounds),
                        "--out", "json=" + dir.resolve("results/samples-" + i + ".ndjson.gz"), "--summary-export",
                        dir.resolve("results/summary-" + i + ".json").toString(), "--address", "127.0.0.1:0",
                        testRun.at("/spec/script/configMap/file").asText()), env));
            }
            runAll(LoadTools.K6, runners, Duration.ZERO);
            assertEquals(USERS, k6Users(dir.resolve("results")));
            assertEquals(api.requests().size(), merged(LoadTools.K6, dir.resolve("results"), "samples-*.ndjson.gz").total().requests());
        }
    }

    /** The master's console: it spread the plan's users over every worker. */
    private static void assertLocustSpread(String master, int workers) {
        Matcher spawned = Pattern.compile("All users spawned: .*\\((\\d+) total users\\)").matcher(master);
        assertTrue(spawned.find(), master);
        assertEquals(Integer.toString(USERS), spawned.group(1), master);
        assertTrue(master.contains(workers + " workers connected") || !master.contains("Waiting for workers"), master);
    }

    private void assertLocustResult(DemoApi api, Path results) throws IOException {
        long received = api.requests().size();
        long reported = merged(LoadTools.LOCUST, results, "stats_stats.csv").total().requests();
        // The master writes its CSV once a second and not again when it stops (as in one process).
        assertTrue(reported > 0 && reported <= received && received - reported <= received / 3, reported + " of " + received);
    }

    @Test
    void locustComposeMasterAndReplicatedWorkers() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path out = generate(LoadTools.LOCUST, api, 2);
            JsonNode services = documents(out.resolve("locust/compose.yaml")).get(0).path("services");
            Map<String, String> caller = new HashMap<>(secrets());
            caller.put("BASE_URL", api.baseUrl());
            Map<String, String> hosts = Map.of("master", "127.0.0.1");
            List<Local> processes = new ArrayList<>();
            processes.add(composeService("master", services.path("master"), out.resolve("locust"), hosts, caller));
            int replicas = services.at("/worker/deploy/replicas").asInt();
            for (int i = 1; i <= replicas; i++) {
                processes.add(composeService("worker-" + i, services.path("worker"), out.resolve("locust"), hosts, caller));
            }
            Map<String, String> consoles = runAll(LoadTools.LOCUST, processes, Duration.ofMillis(500));
            assertLocustSpread(consoles.get("master"), 2);
            assertLocustResult(api, out.resolve("locust/results"));
        }
    }

    @Test
    void locustOnKubernetesAMasterJobAndAWorkerDeployment() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path out = generate(LoadTools.LOCUST, api, 2);
            List<JsonNode> documents = documents(out.resolve("locust/kubernetes.yaml"));
            JsonNode configMap = kind(documents, "ConfigMap");
            String service = kind(documents, "Service").at("/metadata/name").asText();
            List<Local> processes = new ArrayList<>();
            for (JsonNode owner : List.of(kind(documents, "Job"), kind(documents, "Deployment"))) {
                int replicas = owner.at("/spec/replicas").asInt(1);
                for (int i = 0; i < replicas; i++) {
                    processes.add(pod(owner.at("/metadata/name").asText() + "-" + i, owner.at("/spec/template/spec"), configMap,
                            Map.of(), Map.of(service, "127.0.0.1")));
                }
            }
            Map<String, String> consoles = runAll(LoadTools.LOCUST, processes, Duration.ofMillis(500));
            String master = processes.get(0).name();
            assertLocustSpread(consoles.get(master), 2);
            assertLocustResult(api, dir.resolve("roots").resolve(master).resolve("results"));
        }
    }

    /** Each server's share of the users, as its log says; the setUp group (the OAuth 2.0 token) left out. */
    private static long jmeterThreads(String log) {
        Matcher count = Pattern.compile("Starting (\\d+) threads for group (?!setUp)").matcher(log);
        assertTrue(count.find(), log);
        return Long.parseLong(count.group(1));
    }

    @Test
    void jmeterComposeServersAndController() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path out = generate(LoadTools.JMETER, api, 2);
            JsonNode services = documents(out.resolve("jmeter/compose.yaml")).get(0).path("services");
            Map<String, String> caller = new HashMap<>(secrets());
            caller.put("BASE_URL", api.baseUrl());
            // Each server has an address of its own in Compose's network; here, ports of their own.
            Map<String, String> hosts = new LinkedHashMap<>();
            Map<String, List<Integer>> ports = new HashMap<>();
            for (String server : List.of("server-1", "server-2")) {
                ports.put(server, List.of(io.loadsmith.tool.Ports.freeLoopbackPort("a server"), io.loadsmith.tool.Ports.freeLoopbackPort("a server")));
                hosts.put(server + ":1099", "127.0.0.1:" + ports.get(server).get(0));
                hosts.put(server, "127.0.0.1");
            }
            hosts.put("controller", "127.0.0.1");
            List<Local> processes = new ArrayList<>();
            for (var service : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
                Local local = composeService(service.getKey(), service.getValue(), out.resolve("jmeter"), hosts, caller);
                if (ports.containsKey(service.getKey())) {
                    local = new Local(local.name(), local.cwd(), withPorts(local.arguments(), ports.get(service.getKey())), local.env());
                } else {
                    local = anyCallbackPort(local);
                }
                processes.add(local);
            }
            assertEquals(List.of("server-1", "server-2", "controller"), processes.stream().map(Local::name).toList());
            runAll(LoadTools.JMETER, processes, Duration.ofSeconds(1));
            Path results = out.resolve("jmeter/results");
            long threads = 0;
            for (String server : List.of("server-1", "server-2")) {
                threads += jmeterThreads(Files.readString(results.resolve("jmeter-" + server + ".log")));
            }
            assertEquals(USERS, threads, "the servers' shares add up to the plan's users");
            assertEquals(api.requests().size(), merged(LoadTools.JMETER, results, "results.jtl").total().requests(),
                    "the controller's JTL holds every server's samples");
        }
    }

    @Test
    void jmeterOnKubernetesAServerStatefulSetAndAControllerJob() throws Exception {
        try (DemoApi api = DemoApi.start(0)) {
            Path out = generate(LoadTools.JMETER, api, 2);
            List<JsonNode> documents = documents(out.resolve("jmeter/kubernetes.yaml"));
            JsonNode configMap = kind(documents, "ConfigMap");
            JsonNode statefulSet = kind(documents, "StatefulSet");
            String set = statefulSet.at("/metadata/name").asText();
            String service = statefulSet.at("/spec/serviceName").asText();
            int replicas = statefulSet.at("/spec/replicas").asInt();
            Map<String, String> hosts = new LinkedHashMap<>();
            List<List<Integer>> ports = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                ports.add(List.of(io.loadsmith.tool.Ports.freeLoopbackPort("a server"), io.loadsmith.tool.Ports.freeLoopbackPort("a server")));
                hosts.put(set + "-" + i + "." + service + ":1099", "127.0.0.1:" + ports.get(i).get(0));
                hosts.put(set + "-" + i + "." + service, "127.0.0.1");
            }
            List<Local> processes = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                String pod = set + "-" + i;
                Map<String, String> fields = Map.of("metadata.name", pod, "metadata.labels['apps.kubernetes.io/pod-index']",
                        Integer.toString(i), "status.podIP", "127.0.0.1");
                Local server = pod(pod, statefulSet.at("/spec/template/spec"), configMap, fields, hosts);
                processes.add(new Local(server.name(), server.cwd(), withPorts(server.arguments(), ports.get(i)), server.env()));
            }
            JsonNode job = kind(documents, "Job");
            String controller = job.at("/metadata/name").asText();
            processes.add(anyCallbackPort(pod(controller, job.at("/spec/template/spec"), configMap, Map.of("status.podIP", "127.0.0.1"),
                    hosts)));
            runAll(LoadTools.JMETER, processes, Duration.ofSeconds(1));
            long threads = 0;
            for (int i = 0; i < replicas; i++) {
                threads += jmeterThreads(Files.readString(dir.resolve("roots").resolve(set + "-" + i).resolve("results/jmeter-server.log")));
            }
            assertEquals(USERS, threads, "the servers' shares, read from server-<index>.properties, add up to the plan's users");
            assertEquals(api.requests().size(), merged(LoadTools.JMETER, dir.resolve("roots").resolve(controller).resolve("results"),
                    "results.jtl").total().requests());
        }
    }

    /**
     * The controller's fixed callback port (60000, free on its own pod or container) left to the
     * system here, where another process of the machine may hold it.
     */
    private static Local anyCallbackPort(Local controller) {
        return new Local(controller.name(), controller.cwd(), controller.arguments().stream()
                .map(a -> a.startsWith("-Jclient.rmi.localport=") ? "-Jclient.rmi.localport=0" : a).toList(), controller.env());
    }

    /** A JMeter server's RMI registry and object ports, which in a cluster are the same on every pod. */
    private static List<String> withPorts(List<String> arguments, List<Integer> ports) {
        return arguments.stream()
                .map(a -> a.equals("-Dserver_port=1099") ? "-Dserver_port=" + ports.get(0)
                        : a.equals("-Jserver.rmi.localport=50000") ? "-Jserver.rmi.localport=" + ports.get(1) : a)
                .toList();
    }
}
