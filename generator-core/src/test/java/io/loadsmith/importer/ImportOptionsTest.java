package io.loadsmith.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loadsmith.model.GraphQl;
import io.loadsmith.model.ThinkTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import options as the command line sets them: each setting read its documented way, the others kept. */
class ImportOptionsTest {
    private static HarOptions har(String thinkTime) {
        return new HarOptions(thinkTime, List.of(), List.of(), false, true, null);
    }

    @Test
    void aRecordingsPausesAreRecordedNoneScaledOrFixed() {
        assertEquals(1.0, har("recorded").pauseFactor());
        assertEquals(1.0, har(null).pauseFactor(), "recorded unless told otherwise");
        assertEquals(1.0, har(" Recorded ").pauseFactor());
        assertEquals(0.0, har("none").pauseFactor());
        assertEquals(0.0, har("0").pauseFactor());
        assertEquals(0.5, har("scale:0.5").pauseFactor());
        assertEquals(0.0, har("scale:0").pauseFactor());
        assertNull(har("recorded").fixedPause());
        assertNull(har("fixed:2s").pauseFactor());
        assertEquals(Duration.ofSeconds(2), har("fixed:2s").fixedPause());
        assertEquals(Duration.ofMillis(1500), har("FIXED:1500ms").fixedPause());
    }

    @Test
    void aPauseSettingThatMeansNothingIsRefusedWithTheForms() {
        for (String scale : List.of("scale:-0.5", "scale:Infinity", "scale:NaN", "scale:half")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> har(scale));
            assertEquals("think time '" + scale.toLowerCase(java.util.Locale.ROOT) + "': scale:F needs a factor >= 0, such as scale:0.5",
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> har("sometimes"));
        assertEquals("think time 'sometimes' for a recording must be recorded, none, fixed:2s or scale:0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> har("fixed:soon"));
    }

    @Test
    void theGraphQlEndpointIsAPathUnderTheBaseUrl() {
        assertEquals(GraphQl.DEFAULT_ENDPOINT, GraphQlOptions.defaults().endpoint());
        assertEquals(GraphQl.DEFAULT_ENDPOINT, new GraphQlOptions(List.of(), "  ").endpoint());
        assertEquals("/api/graphql", new GraphQlOptions(List.of(), "api/graphql").endpoint());
        assertEquals("/gql", new GraphQlOptions(List.of(), "/gql").endpoint());
        assertEquals(List.of(Path.of("q.graphql")), new GraphQlOptions(List.of(Path.of("q.graphql")), null).documents());
    }

    @Test
    void eachSettingChangesItselfOnly() {
        ImportOptions defaults = ImportOptions.defaults();
        ImportOptions paced = defaults.withThinkTime(ThinkTime.fixed(Duration.ofSeconds(3)));
        assertEquals(ThinkTime.fixed(Duration.ofSeconds(3)), paced.thinkTime());
        assertEquals(defaults.withThinkTime(defaults.thinkTime()), defaults);
        ImportOptions based = paced.withBaseUrl("https://staging.example.com");
        assertEquals("https://staging.example.com", based.baseUrl());
        assertEquals(ThinkTime.fixed(Duration.ofSeconds(3)), based.thinkTime());
        assertNull(defaults.baseUrl());
        assertEquals(defaults.seed(), based.seed());
        assertEquals(defaults.har(), based.har());
        assertEquals(defaults.safety(), based.safety());
        assertEquals(defaults.graphQl(), based.graphQl());
    }
}
