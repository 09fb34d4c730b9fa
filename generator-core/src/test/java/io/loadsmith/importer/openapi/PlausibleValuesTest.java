package io.loadsmith.importer.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Param;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import io.loadsmith.testing.TestPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values for parameters without an example: by their names, and variables for ids the test does not create. */
class PlausibleValuesTest {
    /** Imported for each test, not once: PIT runs the tests again in the same JVM with each mutant. */
    private final TestPlan plan = Loadsmith.importFile(TestPaths.samples().resolve("specs/plausible/openapi.yaml"),
            ImportOptions.defaults()).plan();

    private HttpRequest request(String name) {
        return plan.requests().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static String value(List<Param> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value().literalValue();
    }

    @Test
    void namesChooseTheValue() {
        HttpRequest get = request("getVault");
        assertEquals("2023-11-03", value(get.query(), "api-version"), "the document's own version");
        assertEquals("en-US", value(get.headers(), "Accept-Language"));
        assertTrue(value(get.query(), "contactEmail").matches("[^@\\s]+@[^@\\s]+\\.[a-z]+"), value(get.query(), "contactEmail"));
        String country = value(get.query(), "country");
        net.datafaker.Faker faker = new net.datafaker.Faker();
        List<?> fillers = faker.fakeValuesService().fetchObject("lorem.words", faker.getContext());
        assertFalse(fillers.contains(country.toLowerCase(java.util.Locale.ROOT)), "not a filler word: " + country);
    }

    @Test
    void anIdThatNoOperationCreatesIsOneVariableForTheWholeIteration() {
        Text region = request("getVault").pathParams().stream().filter(p -> p.name().equals("regionName")).findFirst()
                .orElseThrow().value();
        assertEquals(Text.ref("REGION_NAME"), region);
        assertEquals(region, request("listVaults").pathParams().get(0).value(), "the same parameter, the same value");
        Variable variable = plan.variable("REGION_NAME");
        assertNotNull(variable.defaultValue(), "runnable as generated; the user names a real one");
        assertTrue(variable.description().contains("An existing {regionName}"), variable.description());
    }

    @Test
    void anIdIsCarriedOverOnlyWhenItFitsTheParameter() {
        Text ticket = request("getTicket").pathParams().get(0).value();
        assertEquals(Text.ref("TICKET_ID"), ticket, "a uuid from openTicket cannot be a T-000000 ticket id");
        assertTrue(plan.variable("TICKET_ID").defaultValue().matches("T-[0-9]{6}"), plan.variable("TICKET_ID").defaultValue());
    }
}
