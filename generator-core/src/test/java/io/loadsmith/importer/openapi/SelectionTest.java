package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final Path PETSTORE = TestPaths.samples().resolve("specs/petstore-swagger2/swagger.yaml");
    private static final Path BOOKSHOP = TestPaths.samples().resolve("specs/bookshop/openapi.yaml");

    private static List<String> names(Path spec, ImportOptions options) {
        return Loadsmith.importFile(spec, options).plan().requests().stream().map(HttpRequest::name).toList();
    }

    @Test
    void operationsByMethodAndPathOrOperationId() {
        assertEquals(List.of("getBook", "health"),
                names(BOOKSHOP, ImportOptions.defaults().withOperations(List.of("get /books/{bookId}", "health"))));
    }

    @Test
    void tags() {
        assertEquals(List.of("createOrder", "getOrder"), names(BOOKSHOP, ImportOptions.defaults().withTags(List.of("orders"))));
    }

    @Test
    void deprecatedOperationsCanBeLeftOut() {
        assertTrue(names(PETSTORE, ImportOptions.defaults()).contains("deletePet"));
        assertEquals(false, names(PETSTORE, ImportOptions.defaults().withExcludeDeprecated(true)).contains("deletePet"));
    }

    @Test
    void anUnknownOperationIsAnErrorThatListsTheKnownOnes() {
        ImportException e = assertThrows(ImportException.class,
                () -> names(BOOKSHOP, ImportOptions.defaults().withOperations(List.of("GET /nope"))));
        assertTrue(e.getMessage().contains("GET /nope") && e.getMessage().contains("POST /books"), e.getMessage());
    }

    @Test
    void expectedStatusIsTheFirstDeclaredSuccess() {
        String plan = io.loadsmith.importer.plan.PlanFileWriter.write(
                Loadsmith.importFile(TestPaths.samples().resolve("specs/catalog/openapi.yaml"), ImportOptions.defaults()).plan());
        assertTrue(plan.contains("request: createCategory"), plan);
        assertTrue(plan.matches("(?s).*request: createCategory.*?status: 2xx.*"), "2XX becomes a 2xx range");
        assertTrue(plan.matches("(?s).*request: deleteProduct.*?status: 2xx.*"), "default becomes a 2xx range");
    }
}
