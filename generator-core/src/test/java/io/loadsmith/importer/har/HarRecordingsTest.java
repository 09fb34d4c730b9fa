package io.loadsmith.importer.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.CorpusSuite;
import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every HAR of the samples (and, with LOADSMITH_CORPUS, of the shared corpus): it renders to all four tools, with
 * scripts their languages' parsers accept and no recorded secret in any written file, or it is
 * refused with one line naming the file. Which ones must be refused is decided here from what
 * PROVENANCE.md says of them: nothing in them can be replayed.
 */
class HarRecordingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only CONNECT tunnels; no entries at all; only WebSocket connections. */
    private static final Set<String> NOTHING_TO_REPLAY = Set.of("gatling-charles-https-ssl-not-proxied.har",
            "gatling-chrome-empty.har", "mitmproxy-websocket.har");
    private static final Pattern SCHEME = Pattern.compile("^(?i)(bearer|basic|token|digest)\\s+");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(.*(token|secret|password|passwd|api[-_]?key|session).*|auth|authorization)");

    static List<Path> hars() throws IOException {
        List<Path> all = new java.util.ArrayList<>(list(TestPaths.samples().resolve("hars")));
        if (Corpus.enabled()) {
            all.addAll(list(TestPaths.corpus().resolve("har")));
        }
        return all;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".har")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("hars")
    void rendersToEveryToolWithoutItsSecretsOrIsRefusedInOneLine(Path har) throws IOException {
        String name = har.getFileName().toString();
        Generation generation;
        try {
            generation = Loadsmith.generate(har, ImportOptions.defaults(), PlanOptions.none(), LoadTools.all(),
                    RenderOptions.defaults());
        } catch (ImportException e) {
            assertTrue(NOTHING_TO_REPLAY.contains(name), "refused: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(har + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        if (NOTHING_TO_REPLAY.contains(name)) {
            fail(name + " has nothing to replay but gave a plan of " + generation.plan().requests().size() + " requests");
        }
        assertFalse(generation.plan().requests().isEmpty());
        for (LoadTool tool : LoadTools.all()) {
            assertTrue(generation.files().stream().anyMatch(f -> f.path().equals(tool.scriptPath())), tool.id());
        }
        ScriptChecks.check(generation.files());
        Set<String> secrets = secrets(JSON.readTree(Files.readString(har).replaceFirst("^\uFEFF", "")));
        for (RenderedFile file : generation.files()) {
            String text = new String(file.content(), StandardCharsets.ISO_8859_1)
                    + new String(file.content(), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), file.path() + " of " + name + " holds the recorded secret " + secret);
            }
        }
    }

    /**
     * The recording's secret values, found independently of the importer: Authorization values
     * (and the part after the scheme), every cookie value sent or set, and the values of query
     * parameters and form or JSON fields named auth or whose names say token, secret, password,
     * api key or session. Values under 8 characters are too short to tell from other text and are
     * not searched.
     */
    static Set<String> secrets(JsonNode root) {
        Set<String> secrets = new LinkedHashSet<>();
        for (JsonNode entry : root.path("log").path("entries")) {
            JsonNode request = entry.path("request");
            for (JsonNode header : request.path("headers")) {
                String headerName = header.path("name").asText().toLowerCase(Locale.ROOT);
                String value = header.path("value").asText();
                if (headerName.equals("authorization")) {
                    secrets.add(value);
                    secrets.add(SCHEME.matcher(value).replaceFirst(""));
                } else if (headerName.equals("cookie")) {
                    for (String pair : value.split(";")) {
                        secrets.add(pair.contains("=") ? pair.substring(pair.indexOf('=') + 1).strip() : "");
                    }
                }
            }
            for (JsonNode cookie : request.path("cookies")) {
                secrets.add(cookie.path("value").asText());
            }
            for (JsonNode cookie : entry.path("response").path("cookies")) {
                secrets.add(cookie.path("value").asText());
            }
            for (JsonNode param : request.path("queryString")) {
                if (SECRET_NAME.matcher(param.path("name").asText()).matches()) {
                    secrets.add(param.path("value").asText());
                }
            }
            for (JsonNode param : request.path("postData").path("params")) {
                if (SECRET_NAME.matcher(param.path("name").asText()).matches()) {
                    secrets.add(param.path("value").asText());
                }
            }
            String text = request.path("postData").path("text").asText("");
            if (request.path("postData").path("mimeType").asText("").startsWith("application/x-www-form-urlencoded")) {
                for (String pair : text.split("&")) {
                    String[] parts = pair.split("=", 2);
                    if (parts.length == 2 && SECRET_NAME.matcher(parts[0]).matches()) {
                        secrets.add(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                    }
                }
            }
            if (text.strip().startsWith("{")) {
                try {
                    JSON.readTree(text).fields().forEachRemaining(field -> {
                        if (SECRET_NAME.matcher(field.getKey()).matches() && field.getValue().isTextual()) {
                            secrets.add(field.getValue().asText());
                        }
                    });
                } catch (IOException e) {
                    // not JSON: nothing to add
                }
            }
        }
        secrets.removeIf(s -> s.length() < 8);
        return secrets;
    }

    @org.junit.jupiter.api.Test
    void theSampleHoldsSecretsToLookFor() throws IOException {
        assertTrue(secrets(JSON.readTree(Files.readString(TestPaths.samples().resolve("hars/bookshop.har"))))
                .containsAll(Set.of("demo-secret", "recorded-session-7f3a9c2e51d8")));
    }

    @org.junit.jupiter.api.Test
    @CorpusSuite
    void theCorpusHoldsSecretsToLookFor() throws IOException {
        for (String name : List.of("har-to-k6-full.har", "pagexray-nytimes.har", "gatling-null-status.har")) {
            Path har = TestPaths.corpus().resolve("har").resolve(name);
            assertFalse(secrets(JSON.readTree(Files.readString(har))).isEmpty(), name);
        }
    }

    @ParameterizedTest
    @MethodSource("hars")
    void theSameRecordingGivesTheSameBytes(Path har) {
        if (NOTHING_TO_REPLAY.contains(har.getFileName().toString())) {
            return;
        }
        List<RenderedFile> first = Loadsmith.generate(har, ImportOptions.defaults(), PlanOptions.none(), LoadTools.all(),
                RenderOptions.defaults()).files();
        List<RenderedFile> second = Loadsmith.generate(har, ImportOptions.defaults(), PlanOptions.none(), LoadTools.all(),
                RenderOptions.defaults()).files();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(new String(first.get(i).content(), StandardCharsets.UTF_8),
                    new String(second.get(i).content(), StandardCharsets.UTF_8), first.get(i).path());
        }
    }
}
