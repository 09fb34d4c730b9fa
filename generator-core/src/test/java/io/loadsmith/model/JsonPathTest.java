package io.loadsmith.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
    @Test
    void parsesMembersIndexesAndQuotedNames() {
        JsonPath path = JsonPath.parse("$.data.items[0]['odd key'].id");
        assertEquals(List.of(new JsonPath.Field("data"), new JsonPath.Field("items"), new JsonPath.Index(0),
                new JsonPath.Field("odd key"), new JsonPath.Field("id")), path.segments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.a", "$.a[3].b", "$['it\\'s']", "$['a.b']", "$['x\\\\y']"})
    void printsWhatItParses(String text) {
        JsonPath path = JsonPath.parse(text);
        assertEquals(path, JsonPath.parse(path.toString()));
    }

    @Test
    void rejectsPathsItCannotFollow() {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("data.id"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$.items[*]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$['abc", "$['abc'", "$[0", "$[", "$.", "$..a", "$.a.", "$[-1]", "$['a']x"})
    void refusesMalformedPaths(String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(text), text);
    }
}
