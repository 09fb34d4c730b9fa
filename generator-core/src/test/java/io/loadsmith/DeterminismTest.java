package io.loadsmith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.loadsmith.importer.ImportOptions;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.render.RenderedFile;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.Samples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismTest {
    static List<Samples.Sample> samples() {
        return Samples.all();
    }

    private static List<RenderedFile> generate(Samples.Sample sample, long seed) {
        return Loadsmith.generate(sample.path(), ImportOptions.defaults().withSeed(seed), PlanOptions.none(),
                LoadTools.all(), RenderOptions.defaults()).files();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sameInputAndSeedGiveByteIdenticalFiles(Samples.Sample sample) {
        List<RenderedFile> first = generate(sample, 7);
        List<RenderedFile> second = generate(sample, 7);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).path(), second.get(i).path());
            assertArrayEquals(first.get(i).content(), second.get(i).content(), first.get(i).path());
            if (!first.get(i).path().contains("/files/")) {
                assertFalse(first.get(i).text().contains("\r"), "no CR in " + first.get(i).path());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anotherSeedChangesGeneratedData(Samples.Sample sample) {
        if (sample.name().endsWith("-plan") || sample.name().equals("styles")) {
            return; // a plan file and an all-examples spec have no generated data
        }
        assertNotEquals(generate(sample, 1).get(0), generate(sample, 2).get(0));
    }
}
