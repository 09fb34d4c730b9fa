package io.loadsmith.importer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.importer.ImportException;
import io.loadsmith.model.Body;
import io.loadsmith.model.Check;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.TestPlan;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan file's {@code graphql:} step: the request GraphQL servers take, named by its operation. */
class GraphQlStepTest {
    private static final String HEAD = "loadsmith: 1\nname: x\nbaseUrl: http://h/api\nvariables:\n  - {name: bookId, default: b1}\n"
            + "scenarios:\n  - name: s\n    steps:\n";

    private static HttpRequest only(String steps) {
        TestPlan plan = PlanFileImporter.parse(Path.of("p.yaml"), HEAD + steps);
        return (HttpRequest) plan.scenarios().get(0).steps().get(0);
    }

    private static Json member(Json object, String key) {
        return ((Json.JsonObject) object).members().stream().filter(m -> m.key().equals(key)).map(Json.Member::value)
                .findFirst().orElse(null);
    }

    @Test
    void anOperationIsAPostOfItsDocumentNameAndVariablesWithItsChecks() {
        HttpRequest request = only("""
                      - graphql: GetBook
                        query: |
                          query GetBook($id: ID!) { book(id: $id) { title } }
                          query Other { books { id } }
                        variables:
                          id: {$var: bookId}
                        extract:
                          - var: title
                            json: $.data.book.title
                """);
        assertEquals("GetBook", request.name());
        assertEquals(HttpMethod.POST, request.method());
        assertEquals("/graphql", request.path());
        Json body = ((Body.JsonBody) request.body()).value();
        assertEquals("query GetBook($id: ID!) { book(id: $id) { title } }\nquery Other { books { id } }\n",
                ((Json.JsonString) member(body, "query")).value().literalValue(), "the document is sent as it is, never a template");
        assertEquals("GetBook", ((Json.JsonString) member(body, "operationName")).value().literalValue());
        assertEquals(new Json.JsonRef("bookId"), member(member(body, "variables"), "id"), "an extracted value with its JSON type");
        assertEquals(List.of(Check.StatusCheck.is(200), new Check.NoGraphQlErrors()), request.checks());
        assertEquals(1, request.extractions().size());
        assertTrue(request.authenticated());
    }

    @Test
    void anAnonymousOperationHasNoOperationNameAndNoVariablesWhenThereAreNone() {
        HttpRequest request = only("""
                      - graphql: listBooks
                        endpoint: /v2/gql
                        auth: false
                        query: "{ books { id } }"
                """);
        Json body = ((Body.JsonBody) request.body()).value();
        assertEquals("/v2/gql", request.path());
        assertEquals(null, member(body, "operationName"), "the document defines no operation of that name");
        assertEquals(null, member(body, "variables"));
        assertFalse(request.authenticated());
    }

    @Test
    void mistakesNameTheirPlace() {
        ImportException variables = assertThrows(ImportException.class, () -> only("""
                      - graphql: Q
                        query: "query Q { a }"
                        variables: [1, 2]
                """));
        assertTrue(variables.getMessage().startsWith("p.yaml: /scenarios/0/steps/0"), variables.getMessage());
        assertTrue(variables.getMessage().contains("variables of GraphQL operation 'Q' must be an object"), variables.getMessage());
        ImportException unknown = assertThrows(ImportException.class, () -> only("""
                      - graphql: Q
                        query: "query Q { a }"
                        body: {json: {}}
                """));
        assertTrue(unknown.getMessage().contains("/scenarios/0/steps/0"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("body"), unknown.getMessage());
        ImportException noQuery = assertThrows(ImportException.class, () -> only("      - graphql: Q\n"));
        assertTrue(noQuery.getMessage().contains("query"), noQuery.getMessage());
    }

    @Test
    void theSamplePlanSurvivesTheRoundTrip() {
        TestPlan plan = io.loadsmith.Loadsmith.readPlan(TestPaths.samples().resolve("plans/graphql.plan.yaml")).plan();
        assertEquals(plan, PlanFileImporter.parse(Path.of("plan.yaml"), PlanFileWriter.write(plan)));
        assertEquals(5, plan.scenarios().get(0).steps().stream().filter(HttpRequest.class::isInstance).count());
    }
}
