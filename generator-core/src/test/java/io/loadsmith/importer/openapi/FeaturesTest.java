package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.plan.PlanFileWriter;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Param;
import io.loadsmith.testing.Snapshots;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Request bodies by media type (XML, text, binary, forms with encodings, multipart), parameters
 * with content or named examples, operations with servers of their own, links, and values chosen
 * by property name: what the bundled samples do not have. The whole plan is approved; the tests
 * below it name what each part must be.
 */
class FeaturesTest {
    /** Imported for each test, not once: PIT runs the tests again in the same JVM with each mutant. */
    private final ImportResult imported = Loadsmith.importFile(spec(), ImportOptions.defaults());

    private static Path spec() {
        try {
            return Path.of(FeaturesTest.class.getResource("features.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String name) {
        return imported.plan().requests().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(Body body) {
        return ((Body.RawBody) body).content().literalValue();
    }

    private static List<String> params(List<Param> params) {
        return params.stream().map(p -> p.name() + "=" + p.value().toTemplate()).toList();
    }

    @Test
    void thePlan() {
        String diagnostics = imported.diagnostics().stream().map(d -> "# " + d).collect(Collectors.joining("\n"));
        Snapshots.verify(diagnostics + "\n" + PlanFileWriter.write(imported.plan()), "features", ".yaml");
    }

    @Test
    void anXmlBodyIsADocumentNamedAfterTheSchemaWithEscapedText() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><report><title>Q1 &lt;draft&gt; &amp; more</title>"
                + "<lines>1</lines><owner><_1st_name>Ann</_1st_name></owner><empty></empty></report>",
                text(request("createReport").body()));
    }

    @Test
    void aTextBodyOfAnObjectIsItsJson() {
        assertEquals("{\"text\":\"a <b> & \\\"c\\\"\"}", text(request("createNote").body()));
    }

    @Test
    void anyOtherMediaTypeIsSentAsBytes() {
        Body.BinaryBody body = (Body.BinaryBody) request("uploadBlob").body();
        assertEquals("application/octet-stream", body.contentType());
        assertEquals("{\"n\":7}", new String(Base64.getDecoder().decode(body.base64Content()), StandardCharsets.UTF_8));
    }

    @Test
    void formFieldsFollowTheirEncoding() {
        assertEquals(List.of("meta={\"a\":1}", "card[address][country]=NL", "colors=red", "spaced=x", "note=hi & bye", "count=2"),
                params(((Body.FormBody) request("submitForm").body()).fields()));
    }

    @Test
    void aParameterWithContentIsItsJsonAndNamedExamplesGiveTheFirst() {
        assertEquals(List.of("filter={\"from\":5,\"tags\":[\"a\"],\"open\":true,\"none\":null}", "view=compact"),
                params(request("getReport").query()));
    }

    @Test
    void anOperationsOwnServerOnTheSameHostIsAPathPrefix() {
        assertEquals("/reporting/reports", request("createReport").path());
        assertEquals("/reporting/reports/{reportId}", request("getReport").path());
        assertEquals("/elsewhere", request("elsewhere").path());
        assertEquals("/beta", request("betaServer").path(), "/v1beta is not below /v1: a server of its own");
        assertTrue(imported.diagnostics().stream().anyMatch(d -> d.toString().contains("declares its own server /v1beta")),
                imported.diagnostics().toString());
        assertTrue(imported.diagnostics().stream().anyMatch(d -> d.toString().contains("declares its own server https://other.example.org/x")),
                imported.diagnostics().toString());
        assertTrue(imported.diagnostics().stream().anyMatch(d -> d.toString().contains("'http://exa mple.com/' that is not a URL")),
                imported.diagnostics().toString());
    }

    @Test
    void aLinkCarriesTheCreatedIdIntoTheLinkedOperation() {
        assertEquals(List.of("reportId=${reportId}"), params(request("getReport").pathParams()));
        assertEquals("reportId", request("createReport").extractions().get(0).variable());
    }

    @Test
    void parametersTakeTheirStyleAndExamplesTheirTypedValue() {
        HttpRequest styled = request("styled");
        assertEquals(List.of("obj=a,1,b,x", "tags=;tags=p;tags=q"), params(styled.pathParams()));
        assertEquals(List.of("items[0][price]=1", "items[1][price]=2", "items[1][extra][off]=true", "flat=a|1|b|x",
                "enabled=true", "day=2024-02-03", "at=2024-02-03T04:05:06Z", "raw=aGk="), params(styled.query()));
    }

    @Test
    void aRequestBodyLeavesOutReadOnlyPropertiesAndFillsWhatTheSchemaOnlyNames() {
        Body.JsonBody body = (Body.JsonBody) request("createAccount").body();
        assertEquals("{\"owner\":\"ann\",\"secretNote\":\"psst\",\"labels\":{\"key\":9},\"extra\":", JsonText.write(body.value())
                .replaceAll("\"extra\":.*", "\"extra\":"));
    }

    @Test
    void theMostUsedSchemeIsSentAndAnOperationThatNeedsAnotherIsNamed() {
        assertEquals("/oauth/token", ((io.loadsmith.model.Auth.OAuth2ClientCredentials) imported.plan().auth()).tokenUrl());
        assertEquals(List.of("read", "write"), ((io.loadsmith.model.Auth.OAuth2ClientCredentials) imported.plan().auth()).scopes());
        assertTrue(request("styled").authenticated() && !request("createKey").authenticated());
        assertTrue(imported.diagnostics().stream().anyMatch(d -> d.toString().contains(
                "createKey: requires security scheme keyed, which the scripts do not send (they send oauth)")), imported.diagnostics().toString());
    }
}
