package io.loadsmith.importer.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.function.Function;

/** Follows internal {@code #/components/...} references of the parsed document. */
final class Refs {
    private static final int MAX_HOPS = 32;

    private final OpenAPI api;
    private final Components components;

    Refs(OpenAPI api) {
        this.api = api;
        this.components = api.getComponents() == null ? new Components() : api.getComponents();
    }

    /** The name a component reference points to, such as {@code Pet} for {@code #/components/schemas/Pet}. */
    static String componentName(String ref) {
        if (ref == null) {
            return null;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return name.replace("~1", "/").replace("~0", "~");
    }

    Schema<?> schema(Schema<?> schema) {
        return follow(schema, Schema::get$ref, components.getSchemas());
    }

    Parameter parameter(Parameter parameter) {
        return follow(parameter, Parameter::get$ref, components.getParameters());
    }

    RequestBody requestBody(RequestBody body) {
        return follow(body, RequestBody::get$ref, components.getRequestBodies());
    }

    ApiResponse response(ApiResponse response) {
        return follow(response, ApiResponse::get$ref, components.getResponses());
    }

    Example example(Example example) {
        return follow(example, Example::get$ref, components.getExamples());
    }

    Header header(Header header) {
        return follow(header, Header::get$ref, components.getHeaders());
    }

    Link link(Link link) {
        return follow(link, Link::get$ref, components.getLinks());
    }

    SecurityScheme securityScheme(SecurityScheme scheme) {
        return follow(scheme, SecurityScheme::get$ref, components.getSecuritySchemes());
    }

    /** A path item may refer to another path item of the document or of components. */
    PathItem pathItem(PathItem item) {
        PathItem current = item;
        for (int hops = 0; hops < MAX_HOPS && current != null && current.get$ref() != null; hops++) {
            String ref = current.get$ref();
            if (ref.startsWith("#/paths/") && api.getPaths() != null) {
                current = api.getPaths().get(componentName(ref));
            } else {
                current = components.getPathItems() == null ? null : components.getPathItems().get(componentName(ref));
            }
        }
        return current;
    }

    private static <T> T follow(T value, Function<T, String> refOf, Map<String, T> home) {
        T current = value;
        for (int hops = 0; hops < MAX_HOPS && current != null; hops++) {
            String ref = refOf.apply(current);
            if (ref == null) {
                return current;
            }
            current = home == null ? null : home.get(componentName(ref));
        }
        return current;
    }
}
