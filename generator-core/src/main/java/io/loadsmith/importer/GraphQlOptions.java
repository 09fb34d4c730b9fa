package io.loadsmith.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * How a GraphQL schema becomes a plan.
 *
 * @param documents the operation documents ({@code .graphql} files) whose operations become the
 *                  plan's steps, in order; none to generate queries from the schema's root fields
 * @param endpoint  the path of the GraphQL endpoint under the base URL
 */
public record GraphQlOptions(List<Path> documents, String endpoint) {
    public GraphQlOptions {
        documents = List.copyOf(documents);
        endpoint = endpoint == null || endpoint.isBlank() ? io.loadsmith.model.GraphQl.DEFAULT_ENDPOINT
                : endpoint.startsWith("/") ? endpoint : "/" + endpoint;
    }

    public static GraphQlOptions defaults() {
        return new GraphQlOptions(List.of(), null);
    }
}
