package io.loadsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.Variable;
import io.loadsmith.render.EnvExample;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret from the command line or the spec lands in a generated file; each becomes an environment variable. */
class SecretsTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Secrets, version: "1"}
            servers: [{url: "https://api.example.com"}]
            security: [{token: []}]
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
            paths:
              /me:
                get:
                  operationId: me
                  parameters:
                    - {name: X-Api-Key, in: header, required: true, example: spec-api-key-4f7a, schema: {type: string}}
                    - {name: session_token, in: query, required: true, example: spec-query-token-9c2e, schema: {type: string}}
                    - {name: sessionid, in: cookie, required: true, example: spec-cookie-1b3d, schema: {type: string}}
                  responses: {"200": {description: ok}}
            """;

    @TempDir
    Path dir;

    @Test
    void secretsBecomeEnvironmentVariablesAndNeverAppearInFiles() throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        PlanOptions options = new PlanOptions(null, List.of("Authorization: Bearer cli-bearer-77aa", "Cookie: sid=cli-cookie-88bb",
                "X-Tenant: acme"), null, null, null, null, List.of());
        Generation generation = Loadsmith.generate(spec, ImportOptions.defaults(), options, List.of(LoadTools.K6), RenderOptions.defaults());

        for (RenderedFile file : generation.files()) {
            String text = new String(file.content(), StandardCharsets.UTF_8);
            for (String secret : List.of("cli-bearer-77aa", "cli-cookie-88bb", "spec-api-key-4f7a", "spec-query-token-9c2e",
                    "spec-cookie-1b3d")) {
                assertFalse(text.contains(secret), file.path() + " contains " + secret);
            }
        }
        String script = generation.files().get(0).text();
        assertTrue(script.contains("'X-Tenant': 'acme'"), "a header that is not secret is written as is");
        List<String> secrets = generation.plan().variables().stream().filter(Variable::secret).map(Variable::env).toList();
        assertEquals(List.of("API_TOKEN", "X_API_KEY", "SESSION_TOKEN", "SESSIONID", "AUTHORIZATION", "COOKIE"), secrets);
        String envExample = generation.files().stream().filter(f -> f.path().equals(EnvExample.PATH)).findFirst().orElseThrow().text();
        for (String name : secrets) {
            assertTrue(envExample.contains("\n" + name + "=\n"), ".env.example lists " + name + " without a value");
        }
        assertTrue(generation.diagnostics().stream().anyMatch(d -> d.message().contains("set the environment variable AUTHORIZATION")));
    }
}
