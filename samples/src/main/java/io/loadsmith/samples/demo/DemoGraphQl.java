package io.loadsmith.samples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo API's GraphQL endpoint, on graphql-java: queries and mutations over the books and
 * orders the REST endpoints serve. A missing book or order is a GraphQL error in a 200 response,
 * as GraphQL servers answer it.
 */
final class DemoGraphQl {
    static final String SCHEMA = "bookshop.graphqls";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> books;
    private final Map<String, ObjectNode> orders;
    private final Set<String> genres;
    private final GraphQL graphQl;

    DemoGraphQl(Map<String, ObjectNode> books, Map<String, ObjectNode> orders, Set<String> genres) {
        this.books = books;
        this.orders = orders;
        this.genres = genres;
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("books", this::books).dataFetcher("book", found(books, "book"))
                        .dataFetcher("order", found(orders, "order")))
                .type("Mutation", type -> type.dataFetcher("createBook", this::createBook).dataFetcher("createOrder", this::createOrder))
                .type("Order", type -> type.dataFetcher("book", env -> map(books.get(String.valueOf(((Map<?, ?>) env.getSource()).get("bookId"))))))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaText()), wiring);
        graphQl = GraphQL.newGraphQL(schema).build();
    }

    static String schemaText() {
        try (InputStream in = DemoGraphQl.class.getResourceAsStream(SCHEMA)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one request's operation: the response in GraphQL's JSON form ({@code data}, {@code errors}). */
    Map<String, Object> execute(String query, String operationName, Map<String, Object> variables) {
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput().query(query).operationName(operationName)
                .variables(variables == null ? Map.of() : variables).build());
        return result.toSpecification();
    }

    private static Map<String, Object> map(ObjectNode node) {
        return node == null ? null : JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    private List<Map<String, Object>> books(DataFetchingEnvironment env) {
        String genre = env.getArgument("genre");
        Integer limit = env.getArgument("limit");
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode book : books.values()) {
            if (genre == null || genre.equals(book.path("genre").asText())) {
                items.add(book);
            }
        }
        items.sort((a, b) -> b.path("createdAt").asText().compareTo(a.path("createdAt").asText()));
        return items.subList(0, Math.min(limit == null ? 20 : Math.max(0, limit), items.size())).stream().map(DemoGraphQl::map).toList();
    }

    /** The object of the id argument, or null and an error. */
    private static DataFetcher<DataFetcherResult<Map<String, Object>>> found(Map<String, ObjectNode> objects, String what) {
        return env -> {
            String id = env.getArgument("id");
            ObjectNode object = objects.get(id);
            DataFetcherResult.Builder<Map<String, Object>> result = DataFetcherResult.<Map<String, Object>>newResult().data(map(object));
            if (object == null) {
                result.error(GraphqlErrorBuilder.newError(env).message("no %s %s", what, id).build());
            }
            return result.build();
        };
    }

    private DataFetcherResult<Map<String, Object>> createBook(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Object genre = input.get("genre");
        if (genre != null && !genres.contains(genre.toString())) {
            return failure(env, "genre must be one of " + genres);
        }
        ObjectNode book = JSON.valueToTree(input);
        String id = UUID.randomUUID().toString();
        book.put("id", id);
        book.put("createdAt", Instant.now().toString());
        books.put(id, book);
        return DataFetcherResult.<Map<String, Object>>newResult().data(map(book)).build();
    }

    private DataFetcherResult<Map<String, Object>> createOrder(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        if (!books.containsKey(String.valueOf(input.get("bookId")))) {
            return failure(env, "no book " + input.get("bookId"));
        }
        if (((Number) input.get("quantity")).intValue() < 1) {
            return failure(env, "quantity must be 1 or more");
        }
        ObjectNode order = JSON.valueToTree(input);
        String id = UUID.randomUUID().toString();
        order.put("id", id);
        order.put("status", "placed");
        orders.put(id, order);
        return DataFetcherResult.<Map<String, Object>>newResult().data(map(order)).build();
    }

    private static DataFetcherResult<Map<String, Object>> failure(DataFetchingEnvironment env, String message) {
        return DataFetcherResult.<Map<String, Object>>newResult().error(GraphqlErrorBuilder.newError(env).message("%s", message).build()).build();
    }
}
