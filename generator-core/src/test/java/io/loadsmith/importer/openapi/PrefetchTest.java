package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.plan.PlanFileWriter;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchTest {
    private static final Path BOOKSHOP = TestPaths.samples().resolve("specs/bookshop/openapi.yaml");

    private static final String ONE = """
            openapi: 3.0.3
            info: {title: one, version: '1'}
            paths:
              /aaaa: {get: {responses: {'200': {description: ok}}}}
            """;
    // as long as ONE, byte for byte
    private static final String TWO = ONE.replace("/aaaa", "/bbbb");

    private static List<String> paths(ImportResult result) {
        return result.plan().requests().stream().map(HttpRequest::path).toList();
    }

    @Test
    void whatWasReadAheadIsTheImportOfTheFile(@TempDir Path dir) throws Exception {
        Path spec = Files.copy(BOOKSHOP, dir.resolve("openapi.yaml"));
        ImportResult direct = Loadsmith.importFile(spec, ImportOptions.defaults());
        Future<?> reading = OpenApiImporter.prefetch(spec);
        assertNotNull(reading);
        reading.get();
        ImportResult prefetched = Loadsmith.importFile(spec, ImportOptions.defaults());
        assertEquals(PlanFileWriter.write(direct.plan()), PlanFileWriter.write(prefetched.plan()));
        assertEquals(direct.diagnostics(), prefetched.diagnostics());
    }

    @Test
    void theImportTakesWhatWasReadAheadOnceWhileTheFileKeepsItsSizeAndTime(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), ONE);
        FileTime time = Files.getLastModifiedTime(spec);
        OpenApiImporter.prefetch(spec).get();
        Files.writeString(spec, TWO);
        Files.setLastModifiedTime(spec, time);
        // read ahead, not read again: the file looks unchanged
        assertEquals(List.of("/aaaa"), paths(Loadsmith.importFile(spec, ImportOptions.defaults())));
        // only once: the next import reads the file
        assertEquals(List.of("/bbbb"), paths(Loadsmith.importFile(spec, ImportOptions.defaults())));
    }

    @Test
    void aFileChangedSinceIsReadAgain(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), ONE);
        OpenApiImporter.prefetch(spec).get();
        Files.writeString(spec, TWO + "# longer now\n");
        assertEquals(List.of("/bbbb"), paths(Loadsmith.importFile(spec, ImportOptions.defaults())));
    }

    @Test
    void anErrorIsReportedByTheImportAsItWouldBeWithout(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), "openapi: 3.0.3\npaths: [1, 2\n");
        String direct = assertThrows(ImportException.class, () -> Loadsmith.importFile(spec, ImportOptions.defaults())).getMessage();
        assertThrows(ExecutionException.class, () -> OpenApiImporter.prefetch(spec).get());
        assertEquals(direct, assertThrows(ImportException.class, () -> Loadsmith.importFile(spec, ImportOptions.defaults())).getMessage());
    }

    @Test
    void onlyOpenApiDocumentsThatExistAreReadAhead(@TempDir Path dir) throws Exception {
        assertNull(OpenApiImporter.prefetch(dir.resolve("missing.yaml")));
        Path spec = Files.writeString(dir.resolve("api.yaml"), ONE);
        assertNotNull(OpenApiImporter.prefetch(spec));
        assertNull(OpenApiImporter.prefetch(spec), "one reading at a time");
        Loadsmith.importFile(spec, ImportOptions.defaults());
        // a HAR is left to its own importer, which reads it whole
        Path har = Files.copy(TestPaths.samples().resolve("hars/bookshop.har"), dir.resolve("bookshop.har"));
        assertNull(Loadsmith.prefetch(har).get(), "a HAR is not read ahead");
        assertNotNull(OpenApiImporter.prefetch(har), "Loadsmith.prefetch kept no reading of a HAR");
        assertThrows(ImportException.class, () -> new OpenApiImporter().importFile(har, ImportOptions.defaults()));
    }

    @Test
    void loadsmithReadsAheadWhatItWouldImportAsOpenApi(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), ONE);
        FileTime time = Files.getLastModifiedTime(spec);
        assertNotNull(Loadsmith.prefetch(spec).get());
        Files.writeString(spec, TWO);
        Files.setLastModifiedTime(spec, time);
        assertEquals(List.of("/aaaa"), paths(Loadsmith.importFile(spec, ImportOptions.defaults())), "not read ahead");
        assertNull(Loadsmith.prefetch(dir.resolve("missing.yaml")));
        assertNull(Loadsmith.prefetch(dir), "a folder");
        // a plan file and a GraphQL schema are left to their importers, as a HAR
        Path plan = Files.writeString(dir.resolve("plan.yaml"), PlanFileWriter.write(Loadsmith.importFile(spec, ImportOptions.defaults()).plan()));
        assertNull(Loadsmith.prefetch(plan).get());
        Path schema = Files.writeString(dir.resolve("schema.graphql"), "type Query { hello: String }\n");
        assertNull(Loadsmith.prefetch(schema).get());
    }

    @Test
    void aChangeInAFileTheDocumentRefersToIsReadAgain(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), """
                openapi: 3.0.3
                info: {title: parts, version: '1'}
                paths:
                  /things:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: 'thing.yaml'}
                      responses: {'201': {description: created}}
                """);
        Path thing = Files.writeString(dir.resolve("thing.yaml"), "type: object\nrequired: [n]\nproperties: {n: {type: integer, example: 1}}\n");
        OpenApiImporter.prefetch(spec).get();
        Files.writeString(thing, "type: object\nrequired: [n]\nproperties: {n: {type: integer, example: 22}}\n");
        Body.JsonBody body = (Body.JsonBody) Loadsmith.importFile(spec, ImportOptions.defaults()).plan().requests().get(0).body();
        assertEquals("{\"n\":22}", JsonText.write(body.value()));
    }

    @Test
    void aReadingOfAnotherFileReplacesTheOneWaiting(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.yaml"), ONE);
        Path two = Files.writeString(dir.resolve("two.yaml"), TWO);
        FileTime time = Files.getLastModifiedTime(one);
        OpenApiImporter.prefetch(one).get();
        OpenApiImporter.prefetch(two).get();
        Files.writeString(one, TWO);
        Files.setLastModifiedTime(one, time);
        // one's reading was dropped: the file is read as it is now
        assertEquals(List.of("/bbbb"), paths(Loadsmith.importFile(one, ImportOptions.defaults())));
        assertEquals(List.of("/bbbb"), paths(Loadsmith.importFile(two, ImportOptions.defaults())));
    }
}
