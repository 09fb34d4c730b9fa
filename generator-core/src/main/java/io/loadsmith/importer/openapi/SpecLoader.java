package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import io.loadsmith.model.Diagnostic;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a spec and the local files its {@code $ref}s point to, and bundles them into one tree whose
 * references are all internal ({@code #/...}).
 *
 * <p>A reference to another file is inlined where it is used, except in schema positions, where
 * the target becomes a named schema (under {@code definitions} or {@code components/schemas}) so
 * that recursive schemas across files stay finite. Remote references are never fetched: they are
 * replaced by an empty object and reported. A reference to a missing file or pointer is an error
 * that names the referring file and place.
 */
final class SpecLoader {
    /** Keys whose values are data, not spec structure: a {@code $ref} inside is not a reference. */
    private static final Set<String> DATA_KEYS = Set.of("example", "default", "enum", "const", "value", "x-example");
    private static final Set<String> SCHEMA_KEYS = Set.of("schema", "items", "additionalProperties", "not", "contains",
            "propertyNames", "if", "then", "else", "additionalItems", "unevaluatedItems", "unevaluatedProperties");
    private static final Set<String> SCHEMA_MAP_KEYS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas", "allOf", "anyOf", "oneOf", "prefixItems");

    private record Target(Path file, String pointer) {}

    private final Path root;
    private final Map<Path, JsonNode> files = new HashMap<>();
    private final Map<Target, String> bundled = new HashMap<>();
    private final Deque<Target> inlining = new ArrayDeque<>();
    private final Set<String> usedNames = new HashSet<>();
    /** Named schemas that references to other files added, processed when added. */
    private final Set<String> addedSchemas = new HashSet<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private List<String> schemaHome;
    private ObjectNode schemaHomeNode;

    private SpecLoader(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The loaded document, its kind and the notes bundling produced. */
    /** The bundled document of {@code file}, and {@code sources}: every file it was read from. */
    record Loaded(Path file, JsonNode tree, SpecVersion version, List<Diagnostic> diagnostics, List<Path> sources) {}

    static Loaded load(Path file) {
        SpecLoader loader = new SpecLoader(file);
        JsonNode tree = loader.read(loader.root);
        if (!tree.isObject()) {
            throw new ImportException(file, null, "not an OpenAPI document: the top level is not a mapping");
        }
        SpecVersion version = SpecVersion.detect(file, (ObjectNode) tree);
        JsonNode bundled = tree;
        if (referencesOtherFiles(tree)) {
            ObjectNode copy = ((ObjectNode) tree).deepCopy();
            loader.schemaHome = version.isSwagger2() ? List.of("definitions") : List.of("components", "schemas");
            loader.schemaHomeNode = loader.ensureObject(copy, loader.schemaHome);
            loader.schemaHomeNode.fieldNames().forEachRemaining(loader.usedNames::add);
            loader.registerAliases(copy);
            bundled = loader.process(copy, loader.root, new ArrayList<>(), "");
            if (loader.schemaHomeNode.isEmpty()) {
                removeEmpty(bundled, loader.schemaHome);
            }
        }
        return new Loaded(file, bundled, version, loader.diagnostics, List.copyOf(loader.files.keySet()));
    }

    /**
     * Checks the references of a loaded (bundled) document: one that an operation reaches and
     * that points to nothing fails; others are returned as warnings.
     */
    static List<Diagnostic> checkReferences(Loaded loaded) {
        SpecLoader loader = new SpecLoader(loaded.file());
        loader.checkInternalRefs(loaded.tree());
        return loader.diagnostics;
    }

    private static boolean referencesOtherFiles(JsonNode tree) {
        boolean[] external = {false};
        walkRefs(tree, new ArrayDeque<>(), (ref, where, path) -> external[0] |= !ref.startsWith("#"));
        return external[0];
    }

    private JsonNode read(Path file) {
        return files.computeIfAbsent(file, Documents::read);
    }

    private ObjectNode ensureObject(ObjectNode tree, List<String> path) {
        ObjectNode node = tree;
        for (String key : path) {
            JsonNode child = node.get(key);
            if (child == null || !child.isObject()) {
                if (child != null && !child.isNull()) {
                    return JsonNodeFactory.instance.objectNode();
                }
                child = node.putObject(key);
            }
            node = (ObjectNode) child;
        }
        return node;
    }

    private static void removeEmpty(JsonNode tree, List<String> path) {
        if (path.size() == 1 && tree.path(path.get(0)).isEmpty()) {
            ((ObjectNode) tree).remove(path.get(0));
        }
    }

    /** A named schema that is only a reference to another file keeps its name in the bundle. */
    private void registerAliases(ObjectNode tree) {
        Iterator<Map.Entry<String, JsonNode>> fields = schemaHomeNode.fields();
        String prefix = "#/" + String.join("/", schemaHome) + "/";
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            bundled.put(new Target(root, "/" + String.join("/", schemaHome) + "/" + escape(field.getKey())),
                    prefix + escape(field.getKey()));
            JsonNode ref = field.getValue().get("$ref");
            if (field.getValue().size() == 1 && ref != null && ref.isTextual() && !ref.asText().startsWith("#")
                    && !isRemote(ref.asText())) {
                bundled.putIfAbsent(resolve(root, ref.asText(), "/" + String.join("/", schemaHome) + "/" + field.getKey()),
                        prefix + escape(field.getKey()));
            }
        }
    }

    private JsonNode process(JsonNode node, Path file, List<String> outPath, String sourcePointer) {
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                outPath.add(Integer.toString(i));
                array.add(process(node.get(i), file, outPath, sourcePointer + "/" + i));
                outPath.remove(outPath.size() - 1);
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            return reference(ref.asText(), file, outPath, sourcePointer + "/$ref");
        }
        if (node == schemaHomeNode) {
            return processSchemaHome(file, outPath, sourcePointer);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (DATA_KEYS.contains(key) || key.startsWith("x-")) {
                out.set(key, field.getValue());
                continue;
            }
            outPath.add(key);
            out.set(key, process(field.getValue(), file, outPath, sourcePointer + "/" + escape(key)));
            outPath.remove(outPath.size() - 1);
        }
        return out;
    }

    /**
     * The named schemas are processed in place, as a reference to another file adds a schema to
     * them (possibly while they are processed): each is processed once, in order, the added ones
     * already processed when they are added.
     */
    private JsonNode processSchemaHome(Path file, List<String> outPath, String sourcePointer) {
        List<String> names = new ArrayList<>();
        schemaHomeNode.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (addedSchemas.contains(name)) {
                continue;
            }
            outPath.add(name);
            schemaHomeNode.set(name, process(schemaHomeNode.get(name), file, outPath, sourcePointer + "/" + escape(name)));
            outPath.remove(outPath.size() - 1);
        }
        return schemaHomeNode;
    }

    private JsonNode reference(String ref, Path file, List<String> outPath, String sourcePointer) {
        if (isRemote(ref)) {
            diagnostics.add(Diagnostic.warning(relative(file) + " " + sourcePointer,
                    "remote $ref '" + ref + "' not fetched (Loadsmith never uses the network); it is treated as empty. "
                            + "Download it and refer to the local copy"));
            return JsonNodeFactory.instance.objectNode();
        }
        Target target = resolve(file, ref, sourcePointer);
        if (target.file().equals(root)) {
            return refNode("#" + target.pointer());
        }
        String known = bundled.get(target);
        String here = "#/" + String.join("/", outPath.stream().map(SpecLoader::escape).toList());
        if (known != null && !known.equals(here)) {
            return refNode(known);
        }
        JsonNode content = targetNode(target, file, sourcePointer, ref);
        if (known != null) {
            return process(content, target.file(), outPath, target.pointer());
        }
        if (isSchemaPosition(outPath)) {
            String name = allocateName(target);
            String local = "#/" + String.join("/", schemaHome) + "/" + escape(name);
            bundled.put(target, local);
            addedSchemas.add(name);
            schemaHomeNode.set(name, JsonNodeFactory.instance.objectNode());
            List<String> home = new ArrayList<>(schemaHome);
            home.add(name);
            schemaHomeNode.set(name, process(content, target.file(), home, target.pointer()));
            return refNode(local);
        }
        if (inlining.contains(target)) {
            throw new ImportException(file, Documents.place(file, sourcePointer),
                    "$ref '" + ref + "' is circular through a non-schema object; only schemas may refer to themselves");
        }
        inlining.push(target);
        try {
            return process(content, target.file(), outPath, target.pointer());
        } finally {
            inlining.pop();
        }
    }

    private JsonNode targetNode(Target target, Path from, String sourcePointer, String ref) {
        if (!Files.isRegularFile(target.file())) {
            throw new ImportException(from, Documents.place(from, sourcePointer),
                    "$ref '" + ref + "' points to " + target.file() + ", which does not exist");
        }
        JsonNode document = read(target.file());
        JsonNode node = document.at(target.pointer().isEmpty() ? "" : target.pointer());
        if (node.isMissingNode()) {
            throw new ImportException(from, Documents.place(from, sourcePointer),
                    "$ref '" + ref + "' points to nothing: " + relative(target.file()) + " has no " + target.pointer());
        }
        return node;
    }

    private Target resolve(Path file, String ref, String sourcePointer) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        Path target = file;
        String pointer;
        try {
            if (!filePart.isEmpty()) {
                String decoded = URLDecoder.decode(filePart.replace("+", "%2B"), StandardCharsets.UTF_8);
                if (decoded.startsWith("file:")) {
                    decoded = decoded.replaceFirst("^file:(//)?", "");
                }
                target = file.getParent().resolve(decoded).normalize();
            }
            pointer = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a bad %-escape, or a character no file name may hold
            throw new ImportException(file, Documents.place(file, sourcePointer),
                    "$ref '" + ref + "' is not a valid reference: " + e.getMessage());
        }
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new ImportException(file, Documents.place(file, sourcePointer),
                    "$ref '" + ref + "' has a fragment that is not a JSON pointer (it must start with #/)");
        }
        return new Target(target, pointer);
    }

    /**
     * A reference to nothing is an error when an operation can reach it, and only a warning when
     * it sits in a component no operation uses: swagger-parser tolerates both, and real documents
     * carry unused, broken components.
     */
    /**
     * One walk over the document records, per section (the paths, or one component such as
     * {@code /components/schemas/Pet}), which sections its references lead to and which of its
     * references point to nothing; what the paths reach is then found on that small graph.
     */
    private void checkInternalRefs(JsonNode tree) {
        Map<String, Boolean> exists = new HashMap<>();
        Map<String, Set<String>> edges = new HashMap<>();
        Map<String, List<String[]>> dangling = new java.util.LinkedHashMap<>();
        walkRefs(tree, new ArrayDeque<>(), (ref, where, path) -> {
            if (!ref.startsWith("#")) {
                return;
            }
            String target = ref.substring(1);
            String from = section(path);
            // a fragment that is no JSON pointer (#Pet, an anchor) points to nothing Loadsmith can follow
            if (!exists.computeIfAbsent(target, t -> (t.isEmpty() || t.startsWith("/")) && !tree.at(t).isMissingNode())) {
                dangling.computeIfAbsent(from, k -> new ArrayList<>()).add(new String[] {where.get(), ref});
            } else {
                edges.computeIfAbsent(from, k -> new HashSet<>()).add(section(target));
            }
        });
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/paths"));
        while (!queue.isEmpty()) {
            String section = queue.poll();
            if (reached.add(section)) {
                queue.addAll(edges.getOrDefault(section, Set.of()));
            }
        }
        dangling.forEach((section, refs) -> {
            for (String[] ref : refs) {
                if (reached.contains(section)) {
                    throw new ImportException(root, Documents.place(root, ref[0]), "$ref '" + ref[1]
                            + "' points to nothing in this document; fix the reference or add the target");
                }
                diagnostics.add(Diagnostic.warning(ref[0], "$ref '" + ref[1] + "' points to nothing; no operation uses it, so it is ignored"));
            }
        });
    }

    private String[] lastSectionTokens = new String[3];
    private String lastSection;

    /** The section of the {@code $ref} at {@code path}; consecutive references mostly share one, so the last is kept. */
    private String section(Deque<String> path) {
        java.util.Iterator<String> tokens = path.iterator();
        String first = tokens.hasNext() ? tokens.next() : "";
        if (first.equals("paths")) {
            return "/paths";
        }
        int depth = first.equals("components") ? 2 : 1;
        String[] key = new String[3];
        key[0] = first;
        for (int i = 1; i <= depth && tokens.hasNext(); i++) {
            key[i] = tokens.next();
        }
        if (lastSection != null && key[0] == lastSectionTokens[0] && key[1] == lastSectionTokens[1] && key[2] == lastSectionTokens[2]) {
            return lastSection;
        }
        StringBuilder section = new StringBuilder("/").append(escape(first));
        for (int i = 1; i <= depth && key[i] != null; i++) {
            section.append('/').append(escape(key[i]));
        }
        lastSectionTokens = key;
        lastSection = section.toString();
        return lastSection;
    }

    /** The section a pointer lies in: {@code /paths}, or a named component such as {@code /components/schemas/Pet}. */
    private static String section(String pointer) {
        String[] tokens = pointer.split("/", 5);
        if (tokens.length >= 2 && tokens[1].equals("paths")) {
            return "/paths";
        }
        int depth = tokens.length >= 2 && tokens[1].equals("components") ? 4 : 3;
        return String.join("/", java.util.Arrays.copyOf(tokens, Math.min(depth, tokens.length)));
    }

    /** Called for each {@code $ref}; {@code where} builds the JSON pointer of the {@code $ref} only when asked. */
    private interface RefVisitor {
        void visit(String ref, java.util.function.Supplier<String> where, Deque<String> path);
    }

    /** Visits every {@code $ref} outside data values, keeping the path as a stack of escaped tokens. */
    private static void walkRefs(JsonNode node, Deque<String> path, RefVisitor visitor) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                visitor.visit(ref.asText(), () -> join(path) + "/$ref", path);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (value.isContainerNode() && !DATA_KEYS.contains(key) && !key.startsWith("x-")) {
                    path.addLast(key);
                    walkRefs(value, path, visitor);
                    path.removeLast();
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isContainerNode()) {
                    path.addLast(Integer.toString(i));
                    walkRefs(item, path, visitor);
                    path.removeLast();
                }
            }
        }
    }

    private static String join(Deque<String> path) {
        StringBuilder out = new StringBuilder();
        path.forEach(token -> out.append('/').append(escape(token)));
        return out.toString();
    }

    private String allocateName(Target target) {
        String base;
        if (!target.pointer().isEmpty()) {
            String last = target.pointer().substring(target.pointer().lastIndexOf('/') + 1);
            base = last.replace("~1", "/").replace("~0", "~");
        } else {
            String fileName = target.file().getFileName().toString();
            base = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        }
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty()) {
            base = "schema";
        }
        String name = base;
        for (int n = 2; !usedNames.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Whether the value at {@code path} is a schema. */
    private static boolean isSchemaPosition(List<String> path) {
        if (path.isEmpty()) {
            return false;
        }
        String last = path.get(path.size() - 1);
        if (SCHEMA_KEYS.contains(last)) {
            return true;
        }
        if (path.size() >= 2) {
            String parent = path.get(path.size() - 2);
            if (SCHEMA_MAP_KEYS.contains(parent)) {
                return true;
            }
            return parent.equals("schemas") && path.size() == 3 && path.get(0).equals("components");
        }
        return false;
    }

    private static boolean isRemote(String ref) {
        return ref.matches("(?i)^[a-z][a-z0-9+.-]*://.*") && !ref.regionMatches(true, 0, "file:", 0, 5);
    }

    private static JsonNode refNode(String ref) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("$ref", ref);
        return node;
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private String relative(Path file) {
        Path base = root.getParent();
        return base != null && file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
