package io.loadsmith.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads JSON and YAML documents safely: bounded size, nesting and YAML aliases (so an alias bomb
 * fails fast instead of exhausting memory), UTF-8 with or without a byte-order mark, and errors
 * that name the file, line and column.
 */
public final class Documents {
    /** Larger inputs are refused rather than read. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final int MAX_ALIASES = 100;
    private static final int MAX_DEPTH = 500;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    /**
     * Jackson's YAML parser, for {@link #lineOf} only (documents are read by {@link YamlTree}):
     * made on first use: making it costs a fiftieth of a second of a cold start, on the way to any import.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
                .loaderOptions(loaderOptions())
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build());
    }

    private Documents() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, MAX_BYTES));
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** The text of a file: UTF-8, byte-order mark removed. */
    public static String readText(Path file) {
        return decode(file, readBytes(file));
    }

    /** The first {@code limit} characters of a file at most, for recognising what it is without reading it all. */
    public static String readHead(Path file, int limit) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new ImportException(file, null, "no such file");
        } catch (IOException e) {
            throw new ImportException(file, null, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Whether text looks like JSON rather than YAML. */
    public static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** Parses a JSON or YAML file into a tree. JSON is parsed from its bytes, which is faster than from text. */
    public static JsonNode read(Path file) {
        byte[] bytes = readBytes(file);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        int first = start;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first < bytes.length && (bytes[first] == '{' || bytes[first] == '[')) {
            try {
                return JSON.readTree(bytes, start, bytes.length - start);
            } catch (JsonProcessingException e) {
                return flowYaml(file, decode(file, bytes), e);
            } catch (IOException e) {
                throw new ImportException(file, null, "cannot read the file: " + e.getMessage(), e);
            }
        }
        return parse(file, decode(file, bytes));
    }

    private static byte[] readBytes(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ImportException(file, null, "the file is " + size / (1024 * 1024)
                        + " MB; inputs over " + MAX_BYTES / (1024 * 1024) + " MB are refused");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file, null, "no such file");
        } catch (IOException e) {
            throw new ImportException(file, null, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException(file, null, "the file is not UTF-8 text");
        }
    }

    private static ImportException located(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String place = location == null || location.getLineNr() < 0 ? null
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ImportException(file, place, describe(e), e);
    }

    public static JsonNode parse(Path file, String text) {
        if (text.isBlank()) {
            throw new ImportException(file, null, "the file is empty");
        }
        if (!isJson(text)) {
            return YamlTree.parse(file, text, loaderOptions());
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ImportException(file, null, "the file holds no document");
            }
            return node;
        } catch (JsonProcessingException e) {
            return flowYaml(file, text, e);
        }
    }

    /**
     * A text that starts as JSON does ({@code {} or {@code [}) but is no JSON may be YAML in flow
     * style ({@code {openapi: 3.0.3, paths: {}}}): read as YAML if it is, else refused with what is
     * wrong with it as JSON, which it most likely meant to be.
     */
    private static JsonNode flowYaml(Path file, String text, JsonProcessingException notJson) {
        // cut short (a flow collection must be closed) or too deep: no YAML either, and not worth parsing again
        if (notJson instanceof JsonEOFException || notJson instanceof StreamConstraintsException) {
            throw located(file, notJson);
        }
        try {
            return YamlTree.parse(file, text, loaderOptions());
        } catch (ImportException e) {
            throw located(file, notJson);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        if (message.contains("Number of aliases for non-scalar nodes exceeds")) {
            return "the YAML uses more than " + MAX_ALIASES + " aliases (an alias bomb?); expand them or split the document";
        }
        if (message.contains("Nesting Depth exceeds") || message.contains("nesting depth")) {
            return "the document nests deeper than " + MAX_DEPTH + " levels";
        }
        // Jackson names its start marker by "[Source: ...; line: 6, column: 36]": that is "line 6, column 36" here.
        String firstLine = message.split("\\R", 2)[0].replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)]",
                "line $1, column $2");
        return "not valid " + (e.getProcessor() != null && e.getProcessor().getClass().getName().contains("yaml")
                ? "YAML" : "JSON or YAML") + ": " + firstLine;
    }

    /**
     * The line where the value at {@code pointer} (a JSON pointer such as {@code /paths/~1pets})
     * starts in {@code file}, or -1. Used only to locate errors, so it re-reads the file.
     */
    public static int lineOf(Path file, String pointer) {
        try {
            String text = readText(file);
            ObjectMapper mapper = isJson(text) ? JSON : Yaml.MAPPER;
            try (JsonParser parser = mapper.getFactory().createParser(text)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    JsonStreamContext context = parser.getParsingContext();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        context = context.getParent();
                    }
                    if (context != null && context.pathAsPointer().toString().equals(pointer)) {
                        return parser.currentTokenLocation().getLineNr();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code /paths/~1pets (line 12)}, or the pointer alone when the line is unknown. */
    public static String place(Path file, String pointer) {
        String shown = pointer.isEmpty() ? "/" : pointer;
        int line = file == null ? -1 : lineOf(file, pointer);
        return line > 0 ? shown + " (line " + line + ")" : shown;
    }
}
