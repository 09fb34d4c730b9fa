package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Importer;
import io.loadsmith.model.Diagnostic;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.parser.Swagger20Parser;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports an OpenAPI 3.x or Swagger 2.0 document: one request step per operation, in one
 * scenario, grouped by tag, ordered so that a resource is created before it is read, changed and
 * deleted, with the ids a create returns carried into the requests that need them.
 */
public final class OpenApiImporter implements Importer {
    private static final Pattern HEAD = Pattern.compile(
            "(?m)(^|[{,])\\s*[\"']?(openapi|swagger|swaggerVersion|asyncapi)[\"']?\\s*:");

    @Override
    public boolean accepts(String head) {
        return HEAD.matcher(head).find();
    }

    /**
     * The reading {@link #prefetch} started, one at a time: a newer one replaces it, so that what a
     * caller never imported is not kept for the life of the process.
     */
    private static Prefetched prefetched;

    private record Prefetched(Path file, FileStamp stamp, CompletableFuture<Read> reading) {}

    private record FileStamp(long size, FileTime modified) {
        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.size(), attributes.lastModifiedTime());
        }
    }

    /**
     * What the document gives before the plan is made (the import options play no part in it),
     * and each file it was read from, as it was then.
     */
    private record Read(OpenAPI api, List<Diagnostic> diagnostics, Map<Path, FileStamp> sources) {
        boolean current() {
            try {
                for (Map.Entry<Path, FileStamp> source : sources.entrySet()) {
                    if (!source.getValue().equals(FileStamp.of(source.getKey()))) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    @Override
    public ImportResult importFile(Path input, ImportOptions options) {
        Read read = takePrefetched(input);
        if (read == null) {
            read = read(input);
        }
        try {
            return new PlanBuilder(input, read.api(), options, new ArrayList<>(read.diagnostics())).build();
        } catch (IllegalArgumentException e) {
            // a value the plan model refuses (an empty parameter name, say) that no check before caught
            throw new ImportException(input, null, "cannot make a test plan of it: " + e.getMessage(), e);
        }
    }

    /**
     * Starts reading {@code input} (loading, checking and swagger-parser's model) on a thread of its
     * own; the next {@link #importFile} of that file takes what it read, errors included, instead of
     * reading it again, as long as neither it nor a file it refers to has changed since (size and
     * time). For a caller with other work before the import (a command line parsing its
     * arguments). One reading is kept at a time: prefetching another file drops it.
     *
     * @return the reading, done when what it read is ready; null when the file cannot be read
     *         (the import reports it) or a reading of it is already waiting
     */
    public static Future<?> prefetch(Path input) {
        return prefetch(input, file -> true);
    }

    /**
     * As {@link #prefetch(Path)}, for a file that may not be an OpenAPI document: {@code isOpenApi}
     * decides, on the reading's thread (so that a caller does not wait for what it loads to look),
     * and a file it refuses, or cannot look at, is not read; the reading then ends with null.
     */
    public static synchronized Future<?> prefetch(Path input, Predicate<Path> isOpenApi) {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(input);
        } catch (IOException e) {
            return null;
        }
        Path file = key(input);
        if (prefetched != null && prefetched.file().equals(file)) {
            return null;
        }
        CompletableFuture<Read> reading = new CompletableFuture<>();
        Prefetched waiting = new Prefetched(file, stamp, reading);
        prefetched = waiting;
        Thread thread = new Thread(() -> {
            boolean openApi;
            try {
                openApi = isOpenApi.test(input);
            } catch (RuntimeException e) {
                openApi = false;
            }
            if (!openApi) {
                synchronized (OpenApiImporter.class) {
                    if (prefetched == waiting) {
                        prefetched = null;
                    }
                }
                reading.complete(null);
                return;
            }
            try {
                reading.complete(read(input));
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e);
            }
        }, "loadsmith-prefetch");
        thread.setDaemon(true);
        thread.start();
        return reading;
    }

    /** What {@link #prefetch} read of the file, if it and the files it refers to are as they were, or null. */
    private static Read takePrefetched(Path input) {
        Prefetched taken;
        synchronized (OpenApiImporter.class) {
            if (prefetched == null || !prefetched.file().equals(key(input))) {
                return null;
            }
            taken = prefetched;
            prefetched = null;
        }
        try {
            if (!taken.stamp().equals(FileStamp.of(input))) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        Read read = join(taken.reading());
        return read != null && read.current() ? read : null;
    }

    private static Path key(Path input) {
        return input.toAbsolutePath().normalize();
    }

    /** The value of a background task, or what it threw, as it threw it. */
    private static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Loads and bundles the document, then checks it while swagger-parser reads it: both only read
     * the tree, and on a large document the checks cost as much as a tenth of the whole import.
     * A failed check is reported before a swagger-parser complaint, as it names the place.
     */
    private static Read read(Path input) {
        SampleGenerator.preload();
        List<Diagnostic> diagnostics = new ArrayList<>();
        SpecLoader.Loaded loaded = SpecLoader.load(input);
        diagnostics.addAll(loaded.diagnostics());
        CompletableFuture<List<Diagnostic>> checks = CompletableFuture.supplyAsync(() -> {
            List<Diagnostic> found = SpecLoader.checkReferences(loaded);
            SpecValidator.validate(input, loaded.tree(), loaded.version());
            return found;
        });
        OpenAPI api = null;
        ImportException parseError = null;
        try {
            api = parse(input, loaded, diagnostics);
        } catch (ImportException e) {
            parseError = e;
        }
        diagnostics.addAll(join(checks));
        if (parseError != null) {
            throw parseError;
        }
        Map<Path, FileStamp> sources = new LinkedHashMap<>();
        for (Path source : loaded.sources()) {
            try {
                sources.put(source, FileStamp.of(source));
            } catch (IOException e) {
                // gone since: what was read cannot be taken again
                sources.put(source, new FileStamp(-1, FileTime.fromMillis(0)));
            }
        }
        return new Read(api, List.copyOf(diagnostics), sources);
    }

    private static OpenAPI parse(Path file, SpecLoader.Loaded loaded, List<Diagnostic> diagnostics) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        // SpecLoader has checked every reference, and the importer reads missing types and
        // parameter styles by the specification's defaults itself: swagger-parser need not.
        options.setValidateInternalRefs(false);
        options.setInferSchemaType(false);
        options.setExplicitStyleAndExplode(false);
        SwaggerParseResult result;
        JsonNode tree = Repairs.apply(loaded.tree(), loaded.version(), diagnostics);
        try {
            if (loaded.version().isSwagger2()) {
                result = readSwagger2(tree);
            } else {
                if (loaded.version() == SpecVersion.OPENAPI_3_2) {
                    ObjectNode copy = (ObjectNode) tree.deepCopy();
                    downgrade(copy, diagnostics);
                    tree = copy;
                }
                result = new OpenAPIV3Parser().parseJsonNode(null, tree, options);
            }
        } catch (RuntimeException e) {
            throw new ImportException(file, null, "swagger-parser could not read the document: " + e.getMessage(), e);
        }
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        for (String message : messages) {
            if (isFatal(message)) {
                throw new ImportException(file, null, "invalid document: " + message);
            }
        }
        if (result.getOpenAPI() == null) {
            throw new ImportException(file, null, "not a usable OpenAPI document"
                    + (messages.isEmpty() ? "" : ": " + messages.get(0)));
        }
        return result.getOpenAPI();
    }

    /**
     * What {@code SwaggerConverter.readContents} does with the document's text when neither resolving
     * nor flattening, from the tree already read: writing the text out and reading it again took a
     * tenth of a cold import of a 4 MB document. swagger-parser 1.x's deserializer gets a copy, as
     * the checks read the tree meanwhile.
     */
    private static SwaggerParseResult readSwagger2(JsonNode tree) {
        SwaggerDeserializationResult read;
        try {
            read = new Swagger20Parser().readWithInfo(tree.deepCopy());
        } catch (RuntimeException e) {
            // what swagger-parser 1.x answers to a document it cannot read
            read = new SwaggerDeserializationResult().message("malformed or unreadable swagger supplied");
        }
        return new SwaggerConverter().convert(read);
    }

    /**
     * swagger-parser reports problems as messages and carries on. Wrong container types, an
     * unknown top-level field and a document without paths, components or webhooks mean the
     * document is not what it claims to be; the rest are tolerated, as real documents have them.
     */
    static boolean isFatal(String message) {
        return message.matches("attribute [^ .(]+(\\.[^ .(]+){0,2} is not of type `(object|array|string|integer|number|boolean)`")
                || message.contains("MUST contain at least one paths field")
                || message.matches("attribute [A-Za-z0-9_-]+ is unexpected");
    }

    /** OpenAPI 3.2 adds the QUERY method and additionalOperations; the rest reads as 3.1. */
    private static void downgrade(ObjectNode tree, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.warning("/openapi", "OpenAPI " + tree.get("openapi").asText()
                + " is read as 3.1; constructs new in 3.2 are reported and left out"));
        tree.put("openapi", "3.1.0");
        JsonNode paths = tree.path("paths");
        Iterator<Map.Entry<String, JsonNode>> entries = paths.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue() instanceof ObjectNode item) {
                for (String key : List.of("query", "additionalOperations")) {
                    if (item.remove(key) != null) {
                        diagnostics.add(Diagnostic.warning(entry.getKey(), "'" + key
                                + "' (OpenAPI 3.2) is not supported by the load tools and is left out"));
                    }
                }
            }
        }
    }
}
