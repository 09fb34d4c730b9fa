package io.loadsmith.importer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.loadsmith.Loadsmith;
import io.loadsmith.importer.GraphQlOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.Extraction;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.JsonPath;
import io.loadsmith.model.Variable;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GraphQL schema and the operations a client sends become a plan of GraphQL operations. */
class GraphQlImporterTest {
    private static final Path SCHEMA = TestPaths.samples().resolve("src/main/resources/io/loadsmith/samples/demo/bookshop.graphqls");
    private static final Path OPERATIONS = TestPaths.samples().resolve("graphql/operations.graphql");

    @TempDir
    Path dir;

    private static ImportResult imported(Path schema, List<Path> documents) {
        return Loadsmith.importFile(schema, ImportOptions.defaults().withGraphQl(new GraphQlOptions(documents, "/graphql")));
    }

    private static Json member(Json json, String key) {
        return ((Json.JsonObject) json).members().stream().filter(m -> m.key().equals(key)).map(Json.Member::value)
                .findFirst().orElse(null);
    }

    private static Json variables(HttpRequest request) {
        return member(((Body.JsonBody) request.body()).value(), "variables");
    }

    @Test
    void eachOperationIsAStepAndIdsMutationsCreateAreReused() {
        List<HttpRequest> requests = imported(SCHEMA, List.of(OPERATIONS)).plan().requests();
        assertEquals(List.of("CreateBook", "GetBook", "PlaceOrder", "GetOrder", "Books"), requests.stream().map(HttpRequest::name).toList());
        HttpRequest create = requests.get(0);
        assertEquals("/graphql", create.path());
        assertEquals(List.of(Check.StatusCheck.is(200), new Check.NoGraphQlErrors()), create.checks());
        assertEquals(List.of(new Extraction.FromJson("bookId", JsonPath.parse("$.data.createBook.id"))), create.extractions());
        Json input = member(variables(create), "input");
        assertEquals(List.of("title", "author", "price"), ((Json.JsonObject) input).members().stream().map(Json.Member::key).toList(),
                "the required fields; genre, which a client may leave out, is left out");
        assertEquals(new Json.JsonRef("bookId"), member(variables(requests.get(1)), "id"), "GetBook reads the created book");
        assertEquals(new Json.JsonRef("bookId"), member(member(variables(requests.get(2)), "input"), "bookId"), "the order names it");
        assertEquals(new Json.JsonRef("orderId"), member(variables(requests.get(3)), "id"));
        assertEquals(null, variables(requests.get(4)), "Books' only variable is nullable: left out");
        String getBook = ((Json.JsonString) member(((Body.JsonBody) requests.get(1).body()).value(), "query")).value().literalValue();
        assertTrue(getBook.startsWith("query GetBook") && getBook.contains("fragment BookFields on Book") && !getBook.contains("GetOrder"),
                "the operation with the fragment it uses: " + getBook);
    }

    @Test
    void withoutOperationsEachRootQueryFieldIsAQueryAndExistingIdsAreSettings() {
        ImportResult result = imported(SCHEMA, List.of());
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(List.of("Books", "Book", "Order"), requests.stream().map(HttpRequest::name).toList());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("3 queries generated")), result.diagnostics().toString());
        assertEquals(List.of("BOOK_ID", "ORDER_ID"), result.plan().variables().stream().map(Variable::name).toList());
        String book = ((Json.JsonString) member(((Body.JsonBody) requests.get(1).body()).value(), "query")).value().literalValue();
        assertTrue(book.startsWith("query Book($id: ID!) {\n  book(id: $id) {\n    id\n"), book);
    }

    @Test
    void anIntrospectionResultImportsAsTheSchemaDoes() throws Exception {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(SCHEMA)));
        ExecutionResult introspection = GraphQL.newGraphQL(schema).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
        Path json = Files.writeString(dir.resolve("schema.json"), new ObjectMapper().writeValueAsString(introspection.toSpecification()));
        assertEquals(imported(SCHEMA, List.of(OPERATIONS)).plan().requests(), imported(json, List.of(OPERATIONS)).plan().requests());
    }

    @Test
    void brokenSchemasAndOperationsAreNamedByFileAndLine() throws Exception {
        Path schema = Files.writeString(dir.resolve("broken.graphqls"), "type Query {\n  books: [Book!\n}\n");
        ImportException syntax = assertThrows(ImportException.class, () -> imported(schema, List.of()));
        assertTrue(syntax.getMessage().startsWith(schema + ": line 2, column 10"), syntax.getMessage());
        Path unknown = Files.writeString(dir.resolve("unknown.graphqls"), "type Query {\n  books: [Book!]!\n}\n");
        ImportException missing = assertThrows(ImportException.class, () -> imported(unknown, List.of()));
        assertTrue(missing.getMessage().contains("not a valid GraphQL schema") && missing.getMessage().contains("Book"), missing.getMessage());
        Path wrong = Files.writeString(dir.resolve("wrong.graphql"), "query A {\n  book(id: \"1\") { isbn }\n}\n");
        ImportException field = assertThrows(ImportException.class, () -> imported(SCHEMA, List.of(wrong)));
        assertTrue(field.getMessage().startsWith(wrong + ": line 2"), field.getMessage());
        assertTrue(field.getMessage().contains("isbn"), field.getMessage());
        Path anonymous = Files.writeString(dir.resolve("anonymous.graphql"), "{ books { id } }\nquery B { books { id } }\n");
        ImportException name = assertThrows(ImportException.class, () -> imported(SCHEMA, List.of(anonymous)));
        assertTrue(name.getMessage().contains("anonymous"), name.getMessage());
    }
}
