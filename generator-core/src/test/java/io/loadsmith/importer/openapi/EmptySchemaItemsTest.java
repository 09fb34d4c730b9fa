package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An empty item in allOf or oneOf (found by fuzzing: "- type:" with nothing after it) is passed over. */
class EmptySchemaItemsTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyAllOfOrOneOfItemIsPassedOver() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                paths:
                  /pets:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              allOf:
                                -
                                - type: object
                                  required: [name]
                                  properties:
                                    name: {type: string, example: Rex}
                                    tag:
                                      oneOf:
                                        -
                                        - {type: string, example: dog}
                      responses: {"201": {description: created}}
                """);
        HttpRequest request = Loadsmith.importOpenApi(spec, ImportOptions.defaults()).plan().requests().get(0);
        Json.JsonObject body = (Json.JsonObject) ((Body.JsonBody) request.body()).value();
        assertEquals(new Json.JsonString(Text.of("Rex")), body.get("name"));
    }
}
