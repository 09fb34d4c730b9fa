package io.loadsmith.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A GraphQL operation as GraphQL servers take it over HTTP: a POST to the endpoint with the JSON
 * body {@code {"query", "operationName", "variables"}}, reported under its operation name, and
 * judged by its status and by the {@code errors} a server reports with a 200.
 */
public final class GraphQl {
    /** Where GraphQL servers listen unless told otherwise. */
    public static final String DEFAULT_ENDPOINT = "/graphql";

    private GraphQl() {}

    /**
     * A request for one operation of {@code document}, with the checks every GraphQL call gets:
     * status 200 and no {@code errors}; add the operation's own checks and extractions to it.
     *
     * @param name      the operation name: the request's name and, when the document defines an
     *                  operation of that name, the body's {@code operationName}
     * @param document  the GraphQL document, sent as it is (never a template)
     * @param variables the operation's variables, an object; null or empty for none
     */
    public static HttpRequest.Builder request(String name, String endpoint, String document, Json variables) {
        Checks.requireNonBlank(document, "GraphQL document of '" + name + "'");
        Checks.checkArgument(variables == null || variables instanceof Json.JsonObject,
                "the variables of GraphQL operation '%s' must be an object", name);
        List<Json.Member> members = new ArrayList<>();
        members.add(new Json.Member("query", new Json.JsonString(Text.of(document))));
        if (defines(document, name)) {
            members.add(new Json.Member("operationName", new Json.JsonString(Text.of(name))));
        }
        if (variables != null && !((Json.JsonObject) variables).members().isEmpty()) {
            members.add(new Json.Member("variables", variables));
        }
        return HttpRequest.builder(HttpMethod.POST, endpoint).name(name)
                .body(Body.JsonBody.of(new Json.JsonObject(members)))
                .check(Check.StatusCheck.is(200))
                .check(new Check.NoGraphQlErrors());
    }

    /** Whether the document defines a query, mutation or subscription of this name. */
    static boolean defines(String document, String operation) {
        return Pattern.compile("\\b(query|mutation|subscription)\\s+" + Pattern.quote(operation) + "(?![_0-9A-Za-z])")
                .matcher(document).find();
    }
}
