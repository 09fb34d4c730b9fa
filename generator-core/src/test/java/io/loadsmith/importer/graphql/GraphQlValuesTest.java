package io.loadsmith.importer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.GraphQlOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values a GraphQL import sends for required variables and arguments (plausible by name and
 * type, ids created before or given as settings), the selections it generates, and the forms an
 * operation document may take.
 */
class GraphQlValuesTest {
    private static final String SCHEMA = """
            type Query {
              shop(shopId: ID!): Shop
              search(term: String!, first: Int!, minRating: Float!, inStock: Boolean!, kind: Kind!, tags: [String!]!,
                     filter: Filter!, page: Int = 1, note: String): [Product!]!
              deep: Level1
              needsArgs(id: ID!): Product
              flags: [Kind!]!
            }
            type Mutation {
              createProduct(input: ProductInput!): Product
              addReview(productId: ID!, text: String!): Review
            }
            type Subscription { priceChanged: Product }
            enum Kind { BOOK MUSIC }
            input Filter { ownerEmail: String!, homepageUrl: String!, releaseDate: String!, updatedAt: String!, author: String!,
                           title: String!, phone: String!, country: String!, currency: String!, colour: String!,
                           quantity: Int!, count: Int!, limit: Int!, amount: Float!, optional: String, defaulted: Int! = 3,
                           customerId: String!, sub: SubFilter! }
            input SubFilter { name: String! }
            input ProductInput { name: String!, price: Float! }
            type Shop { id: ID!, name: String, products(first: Int!): [Product!]!, owner: Owner }
            type Owner { name: String, shop: Shop }
            type Product { id: ID!, name: String, kind: Kind, shop: Shop }
            type Review { id: ID!, text: String }
            type Level1 { level2: Level2 }
            type Level2 { level3: Level3 }
            type Level3 { level4: Level4 }
            type Level4 { name: String }
            """;

    @TempDir
    Path dir;

    private Path schema;

    @BeforeEach
    void writeSchema() throws Exception {
        schema = Files.writeString(dir.resolve("shop.graphqls"), SCHEMA);
    }

    private ImportResult imported(String... documents) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            files.add(Files.writeString(dir.resolve("op" + i + ".graphql"), documents[i]));
        }
        return Loadsmith.importFile(schema, ImportOptions.defaults().withGraphQl(new GraphQlOptions(files, "/graphql")));
    }

    private static Json member(Json json, String key) {
        return json == null ? null : ((Json.JsonObject) json).members().stream().filter(m -> m.key().equals(key))
                .map(Json.Member::value).findFirst().orElse(null);
    }

    private static Json variables(HttpRequest request) {
        return member(((Body.JsonBody) request.body()).value(), "variables");
    }

    private static String query(HttpRequest request) {
        return ((Json.JsonString) member(((Body.JsonBody) request.body()).value(), "query")).value().literalValue();
    }

    private static Json text(String value) {
        return Json.string(value);
    }

    @Test
    void requiredArgumentsGetValuesByTypeAndName() throws Exception {
        HttpRequest search = imported().plan().requests().stream().filter(r -> r.name().equals("Search")).findFirst().orElseThrow();
        assertTrue(query(search).startsWith("query Search($term: String!, $first: Int!, $minRating: Float!, $inStock: Boolean!, "
                + "$kind: Kind!, $tags: [String!]!, $filter: Filter!) {\n  search(term: $term, first: $first, minRating: $minRating, "
                + "inStock: $inStock, kind: $kind, tags: $tags, filter: $filter)"), query(search));
        Json variables = variables(search);
        assertEquals(text("term example"), member(variables, "term"));
        assertEquals(Json.number(10), member(variables, "first"), "a page size");
        assertEquals(new Json.JsonNumber(new BigDecimal("1.5")), member(variables, "minRating"));
        assertEquals(new Json.JsonBoolean(true), member(variables, "inStock"));
        assertEquals(text("BOOK"), member(variables, "kind"), "the enum's first value");
        assertEquals(new Json.JsonArray(List.of(text("tags example"))), member(variables, "tags"));
        assertNull(member(variables, "page"), "an argument with a default is left to it");
        assertNull(member(variables, "note"), "a nullable one is left out");

        Json filter = member(variables, "filter");
        assertEquals(text("ada@example.com"), member(filter, "ownerEmail"));
        assertEquals(text("https://example.com/"), member(filter, "homepageUrl"));
        assertEquals(text("2026-01-15T10:00:00Z"), member(filter, "releaseDate"));
        assertEquals(text("2026-01-15T10:00:00Z"), member(filter, "updatedAt"));
        assertEquals(text("Ada Lovelace"), member(filter, "author"));
        assertEquals(text("The Dispossessed"), member(filter, "title"));
        assertEquals(text("+44 20 7946 0958"), member(filter, "phone"));
        assertEquals(text("GB"), member(filter, "country"));
        assertEquals(text("EUR"), member(filter, "currency"));
        assertEquals(text("colour example"), member(filter, "colour"));
        assertEquals(Json.number(2), member(filter, "quantity"));
        assertEquals(Json.number(2), member(filter, "count"));
        assertEquals(Json.number(10), member(filter, "limit"));
        assertEquals(new Json.JsonNumber(new BigDecimal("9.99")), member(filter, "amount"));
        assertNull(member(filter, "optional"));
        assertNull(member(filter, "defaulted"));
        assertEquals(text("Ada Lovelace"), member(member(filter, "sub"), "name"), "nested input objects too");
        assertEquals(new Json.JsonString(Text.ref("CUSTOMER_ID")), member(filter, "customerId"),
                "an id by its name (customerId) is a setting, whatever its type");
    }

    @Test
    void generatedSelectionsStopAtTwoLevelsAndLeaveOutFieldsThatNeedArguments() throws Exception {
        ImportResult result = imported();
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(List.of("Shop", "Search", "Deep", "NeedsArgs", "Flags"), requests.stream().map(HttpRequest::name).toList());
        assertEquals("query Shop($shopId: ID!) {\n  shop(shopId: $shopId) {\n    id\n    name\n    owner {\n      name\n"
                + "    }\n  }\n}\n", query(requests.get(0)),
                "products(first: Int!) needs an argument: left out; the owner's shop is a level too deep");
        assertEquals(new Json.JsonString(Text.ref("SHOP_ID")), member(variables(requests.get(0)), "shopId"));
        assertEquals("query Deep {\n  deep {\n    level2 { __typename }\n  }\n}\n", query(requests.get(2)),
                "a level with nothing to select within the depth selects its type name");
        assertEquals("query Flags {\n  flags\n}\n", query(requests.get(4)), "a list of enums selects nothing more");
        assertEquals(List.of("SHOP_ID", "CUSTOMER_ID", "NEEDS_ARGS_ID"), result.plan().variables().stream().map(Variable::name).toList(),
                "an id of a field named after the thing, else the field's: settings of the run");
    }

    @Test
    void anIdAMutationCreatedIsReusedByItsNameAndByTheThingsField() throws Exception {
        ImportResult result = imported("""
                mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) { id name } }
                mutation AddReview($productId: ID!, $text: String!) { addReview(productId: $productId, text: $text) { id } }
                query NeedsArgs($id: ID!) { needsArgs(id: $id) { id } }
                """);
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(new Json.JsonRef("productId"), member(variables(requests.get(1)), "productId"));
        assertEquals(text("text example"), member(variables(requests.get(1)), "text"));
        assertEquals(new Json.JsonString(Text.ref("NEEDS_ARGS_ID")), member(variables(requests.get(2)), "id"),
                "needsArgs is no product: an existing id");
        assertEquals(List.of("productId", "reviewId"), requests.stream().flatMap(r -> r.extractions().stream())
                .map(e -> e.variable()).toList());
        Json input = member(variables(requests.get(0)), "input");
        assertEquals(List.of("name", "price"), ((Json.JsonObject) input).members().stream().map(Json.Member::key).toList());
    }

    @Test
    void anAliasedOrIdlessMutationCreatesNothingToReuse() throws Exception {
        ImportResult result = imported("""
                mutation A($input: ProductInput!) { made: createProduct(input: $input) { productId: id } }
                mutation B($input: ProductInput!) { createProduct(input: $input) { name } }
                mutation C($productId: ID!, $text: String!) { addReview(productId: $productId, text: $text) { text } }
                """);
        List<HttpRequest> requests = result.plan().requests();
        assertTrue(requests.stream().allMatch(r -> r.extractions().isEmpty()), requests.toString());
        assertEquals(new Json.JsonString(Text.ref("PRODUCT_ID")), member(variables(requests.get(2)), "productId"));
    }

    @Test
    void anAliasedRootFieldIsExtractedUnderItsAlias() throws Exception {
        HttpRequest request = imported("mutation M($input: ProductInput!) { made: createProduct(input: $input) { id } }\n")
                .plan().requests().get(0);
        assertEquals("$.data.made.id", ((io.loadsmith.model.Extraction.FromJson) request.extractions().get(0)).path().toString());
    }

    @Test
    void fragmentsInlineFragmentsAndSubscriptions() throws Exception {
        ImportResult result = imported("""
                query Products { ...Root }
                query Other { ...Deep }
                fragment Root on Query { flags ... on Query { deep { level2 { level3 { level4 { name } } } } } }
                fragment Deep on Query { deep { level2 { level3 { level4 { name } } } } }
                subscription Prices { priceChanged { id } }
                """);
        List<HttpRequest> requests = result.plan().requests();
        assertEquals(List.of("Products", "Other"), requests.stream().map(HttpRequest::name).toList());
        String sent = query(requests.get(0));
        assertTrue(sent.startsWith("query Products") && sent.contains("fragment Root on Query") && !sent.contains("fragment Deep")
                && !sent.contains("Other"), "the operation with the fragments it uses: " + sent);
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.subject().equals("Prices")
                && d.message().equals("a subscription runs over a WebSocket, not a POST: left out")), result.diagnostics().toString());
    }

    @Test
    void anUnnamedOperationAloneIsNamedAfterItsFirstField() throws Exception {
        String document = "{ flags }\n";
        HttpRequest request = imported(document).plan().requests().get(0);
        assertEquals("flags", request.name());
        assertEquals("{ flags }\n", query(request), "sent as written");
    }

    @Test
    void severalErrorsAreCountedInTheOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.graphql"), "query A { nope1 nope2 nope3 }\n");
        ImportException e = assertThrows(ImportException.class,
                () -> Loadsmith.importFile(schema, ImportOptions.defaults().withGraphQl(new GraphQlOptions(List.of(file), null))));
        assertTrue(e.getMessage().startsWith(file + ": line 1, column 11: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (and 2 more)"), e.getMessage());
    }
}
