package io.loadsmith.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Variable;
import io.loadsmith.render.RenderedFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes objects as YAML trees: labels, a ConfigMap of a tool's scripts, the volume that
 * mounts it with each file at its path, and the environment that refers to a Secret for every
 * value a script needs and has no default for.
 */
public final class Kubernetes {
    /** What a ConfigMap may hold in all: 1 MiB. */
    public static final int CONFIG_MAP_LIMIT = 1024 * 1024;

    private Kubernetes() {}

    /**
     * One file of a tool's folder in a ConfigMap.
     *
     * @param key  the ConfigMap key: the path with {@code /} written as {@code .}, as keys are flat
     * @param path the path in the tool's folder, where the mounted volume puts it
     */
    public record Mounted(String key, String path, byte[] content) {}

    /** The files of one tool's folder ({@code k6/...}), as ConfigMap entries. */
    public static List<Mounted> mounted(List<RenderedFile> files, String folder) {
        List<Mounted> mounted = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (RenderedFile file : files) {
            if (!file.path().startsWith(folder + "/")) {
                continue;
            }
            String path = file.path().substring(folder.length() + 1);
            String key = path.replace('/', '.');
            if (!key.matches("[-._a-zA-Z0-9]+") || !keys.add(key)) {
                throw new IllegalArgumentException("'" + path + "' cannot be a ConfigMap key");
            }
            mounted.add(new Mounted(key, path, file.content()));
        }
        return mounted;
    }

    /** A top-level object with its kind, name and the labels that tell which test and which part of it. */
    public static ObjectNode object(String apiVersion, String kind, String name, String instance, String component) {
        ObjectNode object = Manifests.object();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        metadata.set("labels", labels(instance, component));
        return object;
    }

    /** The labels of a test's objects and pods; the selector of its Services and workloads. */
    public static ObjectNode labels(String instance, String component) {
        ObjectNode labels = Manifests.object();
        labels.put("app.kubernetes.io/name", "loadsmith");
        labels.put("app.kubernetes.io/instance", instance);
        labels.put("app.kubernetes.io/component", component);
        return labels;
    }

    /** The ConfigMap of a tool's files: text under {@code data}, anything that is not UTF-8 under {@code binaryData}. */
    public static ObjectNode configMap(String name, String instance, List<Mounted> files) {
        ObjectNode map = object("v1", "ConfigMap", name, instance, "scripts");
        ObjectNode data = Manifests.object();
        ObjectNode binary = Manifests.object();
        for (Mounted file : files) {
            String text = utf8(file.content());
            if (text != null) {
                data.put(file.key(), text);
            } else {
                binary.put(file.key(), Base64.getEncoder().encodeToString(file.content()));
            }
        }
        if (!data.isEmpty()) {
            map.set("data", data);
        }
        if (!binary.isEmpty()) {
            map.set("binaryData", binary);
        }
        return map;
    }

    /** The bytes the files take in a ConfigMap, to compare with {@link #CONFIG_MAP_LIMIT}. */
    public static long size(List<Mounted> files) {
        long size = 0;
        for (Mounted file : files) {
            size += file.key().length() + (utf8(file.content()) != null ? file.content().length
                    : (file.content().length + 2) / 3 * 4L);
        }
        return size;
    }

    /** A volume of the ConfigMap that puts every file at its path ({@code files/1-photo.png} in a folder). */
    public static ObjectNode configMapVolume(String volume, String configMap, List<Mounted> files) {
        ObjectNode node = Manifests.object();
        node.put("name", volume);
        ObjectNode source = node.putObject("configMap");
        source.put("name", configMap);
        ArrayNode items = source.putArray("items");
        for (Mounted file : files) {
            ObjectNode item = items.addObject();
            item.put("key", file.key());
            item.put("path", file.path());
        }
        return node;
    }

    /** The volume of a pod's scripts, mounted read-only, and of its results, writable (an emptyDir). */
    public static final String SCRIPTS_VOLUME = "scripts";
    public static final String RESULTS_VOLUME = "results";

    /**
     * The pod template of a Job, Deployment or StatefulSet ({@code owner}'s spec): its labels,
     * the ConfigMap's files at their paths and an empty results folder. Returns the pod's spec.
     */
    public static ObjectNode podTemplate(ObjectNode owner, String instance, String component, String configMap, List<Mounted> files) {
        ObjectNode template = owner.putObject("template");
        template.putObject("metadata").set("labels", labels(instance, component));
        ObjectNode spec = template.putObject("spec");
        ArrayNode volumes = spec.putArray("volumes");
        volumes.add(configMapVolume(SCRIPTS_VOLUME, configMap, files));
        volumes.add(emptyDirVolume(RESULTS_VOLUME));
        return spec;
    }

    /** Mounts a {@link #podTemplate}'s volumes into its container: the scripts at {@code scripts}, the results at {@code results}. */
    public static void mountVolumes(ObjectNode container, String scripts, String results) {
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.add(volumeMount(SCRIPTS_VOLUME, scripts, true));
        mounts.add(volumeMount(RESULTS_VOLUME, results, false));
    }

    /** The header lines that say how to make the Secret of the plan's required variables; none when it has none. */
    public static List<String> secretHeader(TestPlan plan, String secret) {
        if (Manifests.required(plan).isEmpty()) {
            return List.of();
        }
        return List.of("Secrets and required settings come from the Secret " + secret + ", made from your .env file:",
                "  " + secretCommand(secret));
    }

    /** An empty, writable volume, for what the tool writes (results, logs). */
    public static ObjectNode emptyDirVolume(String volume) {
        ObjectNode node = Manifests.object();
        node.put("name", volume);
        node.putObject("emptyDir");
        return node;
    }

    public static ObjectNode volumeMount(String volume, String path, boolean readOnly) {
        ObjectNode node = Manifests.object();
        node.put("name", volume);
        node.put("mountPath", path);
        if (readOnly) {
            node.put("readOnly", true);
        }
        return node;
    }

    /**
     * The environment of a test's containers: the base URL, which a user sets here to the
     * address of the system under test as the cluster sees it, and a reference into the Secret
     * {@code secret} for every secret and every setting without a default (never a value).
     * Settings with a default are left to the scripts.
     */
    public static ArrayNode env(TestPlan plan, String secret) {
        ArrayNode env = Manifests.object().arrayNode();
        ObjectNode baseUrl = env.addObject();
        baseUrl.put("name", Manifests.baseUrlVariable());
        baseUrl.put("value", literal(plan.baseUrl()));
        for (Variable variable : Manifests.required(plan)) {
            ObjectNode entry = env.addObject();
            entry.put("name", variable.env());
            ObjectNode ref = entry.putObject("valueFrom").putObject("secretKeyRef");
            ref.put("name", secret);
            ref.put("key", variable.env());
        }
        return env;
    }

    /** An environment variable Kubernetes fills in from the pod's own fields ({@code metadata.name}, {@code status.podIP}). */
    public static ObjectNode fieldEnv(String name, String fieldPath) {
        ObjectNode entry = Manifests.object();
        entry.put("name", name);
        entry.putObject("valueFrom").putObject("fieldRef").put("fieldPath", fieldPath);
        return entry;
    }

    /**
     * Text as a literal in a container's {@code env} value, {@code command} or {@code args}, where
     * Kubernetes expands {@code $(NAME)}: every {@code $} doubled, which Kubernetes reads as one.
     */
    public static String literal(String text) {
        return text.replace("$", "$$");
    }

    /** The {@code kubectl} command that makes the Secret of the required variables from the .env file. */
    public static String secretCommand(String secret) {
        return "kubectl create secret generic " + secret + " --from-env-file=.env";
    }

    private static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
