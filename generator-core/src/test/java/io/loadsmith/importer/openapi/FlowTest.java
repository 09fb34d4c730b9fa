package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadsmith.Loadsmith;
import io.loadsmith.importer.Documents;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.ImportResult;
import io.loadsmith.importer.Safety;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import io.loadsmith.testing.FlowAudit;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The order of a generated flow, what it leaves out to stay safe, and the flow audit over every spec. */
class FlowTest {
    private static final Path BANK = io.loadsmith.testing.TestPaths.samples().resolve("specs/safety/openapi.yaml");

    private static List<String> names(ImportResult result) {
        return result.plan().requests().stream().map(HttpRequest::name).toList();
    }

    /**
     * One journey per resource: the bookshop's order names the book the iteration created (its
     * body's bookId), so books and orders are one journey, whose book is deleted last; the health
     * check, which uses nothing, is a journey of its own.
     */
    @Test
    void aBodyThatNamesACreatedResourceJoinsItsJourney() {
        ImportResult result = Loadsmith.importFile(io.loadsmith.testing.TestPaths.samples().resolve("specs/bookshop/openapi.yaml"),
                ImportOptions.defaults());
        List<Scenario> scenarios = result.plan().scenarios();
        assertEquals(List.of("books", "health"), scenarios.stream().map(Scenario::name).toList());
        assertEquals(List.of("createBook", "listBooks", "getBook", "updateBook", "createOrder", "getOrder", "deleteBook"),
                scenarios.get(0).requests().stream().map(HttpRequest::name).toList());
        HttpRequest createOrder = scenarios.get(0).requests().get(4);
        io.loadsmith.model.Json bookId = ((io.loadsmith.model.Body.JsonBody) createOrder.body()).value() instanceof
                io.loadsmith.model.Json.JsonObject order ? order.get("bookId") : null;
        // a string id, inside the body's quotes in every tool
        assertEquals(new io.loadsmith.model.Json.JsonString(Text.ref("bookId")), bookId);
        assertEquals(List.of(), FlowAudit.problems(result.plan()));
    }

    @Test
    void aSubResourceIsCreatedBeforeItIsReadAndADeleteWaitsForTheLastUseOfItsId() {
        ImportResult result = Loadsmith.importFile(BANK, ImportOptions.defaults());
        // One journey per resource: the account with its cards (they use its id), and the settings.
        // deleteAccount's id is used by the cards group after the accounts group: it moves to the end
        assertEquals(List.of("accounts", "settings"), result.plan().scenarios().stream().map(Scenario::name).toList());
        assertEquals(List.of("createAccount", "getAccount", "addCard", "getCard", "deleteCard", "deleteAccount"),
                result.plan().scenarios().get(0).requests().stream().map(HttpRequest::name).toList());
        assertEquals(List.of(), FlowAudit.problems(result.plan()));
        HttpRequest getCard = result.plan().requests().get(3);
        assertTrue(getCard.pathParams().stream().noneMatch(p -> p.value().isLiteral()), "ids from the creates: " + getCard.pathParams());
    }

    @Test
    void changesOfWhatTheTestDidNotCreateAreLeftOutByDefault() {
        ImportResult result = Loadsmith.importFile(BANK, ImportOptions.defaults());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().startsWith("2 operations left out")
                && d.message().contains("DELETE /account") && d.message().contains("PUT /settings/{settingId}")), result.diagnostics().toString());
        List<String> all = names(Loadsmith.importFile(BANK, ImportOptions.defaults().withSafety(Safety.INCLUDE_UNSAFE)));
        assertTrue(all.containsAll(List.of("closeMyAccount", "updateSetting")), all.toString());
        assertEquals(9, all.size(), all.toString());
    }

    @Test
    void theGenerationReportListsEveryStepWhatWasLeftOutAndWhy() {
        ImportResult result = Loadsmith.importFile(BANK, ImportOptions.defaults());
        assertEquals(ImportResult.SPEC_REPORT_PATH, result.reportPath());
        String report = result.report();
        assertTrue(report.contains("9 operations in the document, 7 called, 2 left out."), report);
        assertTrue(report.contains("| 4 | cards | getCard | GET /accounts/{accountId}/cards/{cardId} | {accountId} is the $.id that "
                + "createAccount returns; {cardId} is the $.id that addCard returns |"), report);
        assertTrue(report.contains("| 6 | cleanup | deleteAccount |"), report);
        assertTrue(report.contains("## Scenario settings (weight 1, 1 request per iteration)"), report);
        assertTrue(report.contains("| DELETE /account | it changes or deletes data the test did not create"), report);
    }

    @Test
    void textFromTheDocumentCannotBreakTheReportsTables(@org.junit.jupiter.api.io.TempDir Path dir) {
        String report = Loadsmith.importFile(io.loadsmith.testing.HostileSpec.write(dir), io.loadsmith.testing.HostileSpec.IMPORT).report();
        for (String line : report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| ---")).toList()) {
            long cells = line.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count();
            assertEquals(line.startsWith("| #") || line.matches("\\| \\d+ \\|.*") ? 6 : cells, cells, line);
        }
        assertTrue(report.lines().noneMatch(l -> l.contains("<script>")), "markup is escaped");
    }

    @Test
    void readOnlyKeepsOnlyReads() {
        ImportResult result = Loadsmith.importFile(BANK, ImportOptions.defaults().withSafety(Safety.READ_ONLY));
        assertEquals(List.of("getAccount", "getCard", "getSetting"), names(result));
        ImportException none = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> Loadsmith.importFile(
                BANK.resolveSibling("only-changes.yaml"), ImportOptions.defaults().withSafety(Safety.READ_ONLY)));
        assertTrue(none.getMessage().contains("--read-only"), none.getMessage());
    }

    @Test
    void whenEveryOperationChangesForeignDataTheIdsBecomeVariablesToSet() {
        ImportResult result = Loadsmith.importFile(BANK.resolveSibling("only-changes.yaml"), ImportOptions.defaults());
        HttpRequest set = result.plan().requests().get(0);
        assertEquals(Text.ref("USERNAME"), set.pathParams().get(0).value());
        Variable username = result.plan().variable("USERNAME");
        assertTrue(username.required(), "no default: the scripts do not start until it is set");
    }

    static List<Path> specs() {
        return SpecsTest.validSpecs();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyFlowHoldsTogether(Path spec) {
        ImportResult result;
        try {
            result = Loadsmith.importFile(spec, ImportOptions.defaults());
        } catch (ImportException e) {
            assertTrue(e.getMessage().contains("no operations"), e.getMessage());
            return;
        }
        Set<String> required = requiredBodies(Documents.read(spec));
        List<String> problems = FlowAudit.problems(result.plan()).stream()
                .filter(p -> !(p.contains(" sends a body with ") && required.contains(p.substring(0, p.indexOf(" sends a body")))))
                .toList();
        assertEquals(List.of(), problems, spec.toString());
    }

    /** The operationIds whose request body the document requires (a GET may, rarely). */
    private static Set<String> requiredBodies(JsonNode root) {
        Set<String> ids = new HashSet<>();
        root.path("paths").forEach(item -> item.fields().forEachRemaining(entry -> {
            JsonNode body = entry.getValue().path("requestBody");
            if (body.has("$ref")) {
                body = root.at(body.get("$ref").asText().substring(1));
            }
            if (body.path("required").asBoolean(false) && entry.getValue().has("operationId")) {
                ids.add(entry.getValue().get("operationId").asText());
            }
        }));
        return ids;
    }
}
