package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.model.Body;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTool;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.CorpusSuite;
import io.loadsmith.testing.ScriptChecks;
import io.loadsmith.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec of the repository's samples (and, with LOADSMITH_CORPUS, of the shared corpus): valid
 * ones become scripts for all four tools that their languages' parsers accept, invalid ones are
 * refused clearly.
 */
class SpecsTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static List<Path> validSpecs() {
        Path specs = TestPaths.samples().resolve("specs");
        List<Path> all = new ArrayList<>(List.of(specs.resolve("bookshop/openapi.yaml"), specs.resolve("catalog/openapi.yaml"),
                specs.resolve("petstore-swagger2/swagger.yaml"), specs.resolve("styles/openapi.yaml"),
                specs.resolve("multifile/openapi.yaml"), specs.resolve("lenient/swagger.yaml"),
                specs.resolve("lenient/openapi31.yaml"), specs.resolve("lenient/multifile/openapi.yaml"),
                specs.resolve("safety/openapi.yaml"), specs.resolve("safety/only-changes.yaml"), specs.resolve("plausible/openapi.yaml")));
        all.addAll(Corpus.ifEnabled(Corpus::validSpecs));
        return all;
    }

    static List<Path> invalidSpecs() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.samples().resolve("specs/invalid"))) {
            files.sorted().forEach(all::add);
        }
        all.addAll(Corpus.ifEnabled(Corpus::invalidSpecs));
        return all;
    }

    @ParameterizedTest
    @MethodSource("validSpecs")
    void validSpecsRenderToEveryToolAndParse(Path spec) {
        try {
            Generation generation = Loadsmith.generate(spec, ImportOptions.defaults(), PlanOptions.none(), LoadTools.all(),
                    RenderOptions.defaults());
            assertFalse(generation.plan().requests().isEmpty());
            for (LoadTool tool : LoadTools.all()) {
                assertTrue(generation.files().stream().anyMatch(f -> f.path().equals(tool.scriptPath())), tool.id());
            }
            ScriptChecks.check(generation.files());
        } catch (ImportException e) {
            if (hasOperations(spec)) {
                fail("a spec with operations was refused: " + e.getMessage());
            }
            assertTrue(e.getMessage().startsWith(spec.toString()) && e.getMessage().contains("no operations"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void invalidSpecsAreRefusedWithOneLineThatNamesTheFile(Path spec) {
        ImportException e = assertThrows(ImportException.class, () -> Loadsmith.generate(spec, ImportOptions.defaults(),
                PlanOptions.none(), List.of(LoadTools.K6), RenderOptions.defaults()));
        assertTrue(e.getMessage().startsWith(spec.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void schemasComeFromOtherFilesAndTheirOwnReferences() {
        Path spec = TestPaths.samples().resolve("specs/multifile/openapi.yaml");
        HttpRequest addBook = Loadsmith.importFile(spec, ImportOptions.defaults()).plan().requests().get(0);
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) addBook.body()).value();
        assertEquals(Json.string("The Dispossessed"), body.get("title"), "schemas/book.yaml: " + body);
        assertEquals(Json.string("Ursula K. Le Guin"), ((Json.JsonObject) body.get("author")).get("name"), "schemas/author.yaml: " + body);
    }

    @Test
    @CorpusSuite
    void multiFileSpecsResolveSchemasFromOtherFiles() {
        Path spec = TestPaths.corpus().resolve("specs/multifile-swagger2-oai-petstore-separate/spec/swagger.yaml");
        HttpRequest addPet = Loadsmith.importFile(spec, ImportOptions.defaults()).plan().requests().stream()
                .filter(r -> r.name().equals("addPet")).findFirst().orElseThrow();
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) addPet.body()).value();
        assertTrue(body.get("name") != null, "NewPet.yaml (allOf Pet.yaml) requires name: " + body);
    }

    @Test
    void swagger2ConstructsThatSwaggerParserRefusesAreReadWithAWarningThatNamesThePlace() {
        ImportResult result = Loadsmith.importFile(TestPaths.samples().resolve("specs/lenient/swagger.yaml"), ImportOptions.defaults());
        HttpRequest create = result.plan().requests().get(0);
        assertEquals("10000000000", param(create.query(), "quota"), "an integer enum beyond 32 bits, exact");
        assertEquals("2.5", param(create.query(), "scale"), "the default of a parameter whose maximum is beyond a double");
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) create.body()).value();
        assertEquals(new Json.JsonArray(List.of(Json.number(0))), body.get("range"),
                "tuple-form items: an array of the first item's schema: " + body);
        assertEquals(Json.number(5_000_000_000L), body.get("size"));
        List<String> repaired = result.diagnostics().stream().map(Diagnostic::subject).toList();
        assertTrue(repaired.containsAll(List.of("/paths/~1volumes/post/parameters/0/enum",
                "/paths/~1volumes/post/parameters/1/maximum", "/definitions/Range/items")), repaired.toString());
    }

    @Test
    void tupleItemsOfOpenApi31AreReadAsPrefixItems() {
        ImportResult result = Loadsmith.importFile(TestPaths.samples().resolve("specs/lenient/openapi31.yaml"), ImportOptions.defaults());
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) result.plan().requests().get(0).body()).value();
        assertEquals(new Json.JsonArray(List.of(Json.string("grid"), Json.number(42))), body.get("position"));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.subject().endsWith("/properties/position/items")
                && d.message().contains("prefixItems")), result.diagnostics().toString());
    }

    @Test
    void namedSchemasThatReferToOtherFilesReferringToEachOtherAreBundled() {
        Path spec = TestPaths.samples().resolve("specs/lenient/multifile/openapi.yaml");
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) Loadsmith.importFile(spec, ImportOptions.defaults())
                .plan().requests().get(0).body()).value();
        assertEquals(Json.string("1 Main Street"), ((Json.JsonObject) body.get("address")).get("street"), body.toString());
        assertEquals(Json.string("Acme Holdings"), ((Json.JsonObject) body.get("parent")).get("name"), body.toString());
    }

    @Test
    void anOpenApi32DocumentIsReadAs31AndWhatIsNewIn32IsLeftOutWithAWarning(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.2.0
                info: {title: three two, version: '1'}
                paths:
                  /things:
                    get:
                      operationId: listThings
                      responses: {'200': {description: ok}}
                    query:
                      operationId: searchThings
                      responses: {'200': {description: ok}}
                    additionalOperations:
                      PURGE:
                        operationId: purgeThings
                        responses: {'204': {description: gone}}
                  /other:
                    get:
                      operationId: other
                      responses: {'200': {description: ok}}
                """);
        ImportResult result = Loadsmith.importFile(spec, ImportOptions.defaults());
        assertEquals(List.of("listThings", "other"), result.plan().requests().stream().map(HttpRequest::name).toList());
        List<String> warnings = result.diagnostics().stream().map(d -> d.subject() + ": " + d.message()).toList();
        assertTrue(warnings.contains("/openapi: OpenAPI 3.2.0 is read as 3.1; constructs new in 3.2 are reported and left out"), warnings.toString());
        assertTrue(warnings.contains("/things: 'query' (OpenAPI 3.2) is not supported by the load tools and is left out"), warnings.toString());
        assertTrue(warnings.contains("/things: 'additionalOperations' (OpenAPI 3.2) is not supported by the load tools and is left out"),
                warnings.toString());
        assertFalse(warnings.stream().anyMatch(w -> w.startsWith("/other:")), warnings.toString());
    }

    @Test
    void anOpenApiDocumentIsKnownByItsVersionFieldNearTheTop() {
        OpenApiImporter importer = new OpenApiImporter();
        assertTrue(importer.accepts("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"));
        assertTrue(importer.accepts("{\n  \"swagger\": \"2.0\",\n  \"info\": {}}"));
        assertFalse(importer.accepts("log:\n  version: '1.2'\n  entries: []\n"), "a HAR in YAML");
        assertFalse(importer.accepts("type Query { hello: String }\n"), "a GraphQL schema");
    }

    private static String param(List<io.loadsmith.model.Param> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value().literalValue();
    }

    /** Counted from the raw document, independently of the importer. */
    private static boolean hasOperations(Path spec) {
        JsonNode paths = Documents.read(spec).path("paths");
        for (JsonNode item : paths) {
            var names = item.fieldNames();
            while (names.hasNext()) {
                if (METHODS.contains(names.next())) {
                    return true;
                }
            }
        }
        return false;
    }
}
