package io.loadsmith.importer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.importer.ImportException;
import java.nio.file.Path;

/** Which OpenAPI generation a document belongs to, read from its top-level version field. */
enum SpecVersion {
    SWAGGER_2_0, OPENAPI_3_0, OPENAPI_3_1, OPENAPI_3_2;

    boolean isSwagger2() {
        return this == SWAGGER_2_0;
    }

    /** OpenAPI 3.1 and later, whose schemas are JSON Schema 2020-12. */
    boolean hasJsonSchema2020() {
        return this == OPENAPI_3_1 || this == OPENAPI_3_2;
    }

    /** The generation's name as its documents say it: Swagger 2.0, OpenAPI 3.0, ... */
    String label() {
        return switch (this) {
            case SWAGGER_2_0 -> "Swagger 2.0";
            case OPENAPI_3_0 -> "OpenAPI 3.0";
            case OPENAPI_3_1 -> "OpenAPI 3.1";
            case OPENAPI_3_2 -> "OpenAPI 3.2";
        };
    }

    static SpecVersion detect(Path file, ObjectNode root) {
        JsonNode openapi = root.get("openapi");
        JsonNode swagger = root.get("swagger");
        if (openapi != null) {
            String version = openapi.asText();
            if (version.matches("3\\.0(\\..*)?")) {
                return OPENAPI_3_0;
            }
            if (version.matches("3\\.1(\\..*)?")) {
                return OPENAPI_3_1;
            }
            if (version.matches("3\\.2(\\..*)?")) {
                return OPENAPI_3_2;
            }
            throw new ImportException(file, "/openapi", "OpenAPI version '" + version
                    + "' is not supported; Loadsmith reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2");
        }
        if (swagger != null) {
            String version = swagger.asText();
            if (version.equals("2.0")) {
                return SWAGGER_2_0;
            }
            if (version.matches("1(\\..*)?")) {
                throw new ImportException(file, "/swagger", "Swagger " + version
                        + " is not supported; convert it to OpenAPI 3 (or Swagger 2.0) first, e.g. with swagger2openapi");
            }
            throw new ImportException(file, "/swagger", "'" + version
                    + "' is not a Swagger version; a Swagger document says swagger: \"2.0\"");
        }
        if (root.has("swaggerVersion")) {
            throw new ImportException(file, "/swaggerVersion", "Swagger " + root.get("swaggerVersion").asText()
                    + " is not supported; convert it to OpenAPI 3 (or Swagger 2.0) first");
        }
        if (root.has("asyncapi")) {
            throw new ImportException(file, "/asyncapi", "this is an AsyncAPI document, which describes message "
                    + "channels, not HTTP operations; Loadsmith needs an OpenAPI or Swagger document");
        }
        if (root.has("log") && root.get("log").has("entries")) {
            throw new ImportException(file, null, "this is a HAR recording, not an OpenAPI document");
        }
        throw new ImportException(file, null, "not an OpenAPI or Swagger document: it has no 'openapi' or 'swagger' field");
    }
}
