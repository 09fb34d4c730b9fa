package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator's health in result.json: its samples as written, and averaged in groups for a long run. */
class ResultJsonGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static RunResult result(List<GeneratorHealth.Sample> samples) {
        ResultBuilder builder = new ResultBuilder(LoadTools.K6, "test", LatencyDefinition.SEND_TO_LAST_BYTE, 1);
        builder.record(builder.operation("op"), 1_764_633_600_000L, 12, null, -1, -1);
        return builder.build(Set.of()).withGenerator(new GeneratorHealth(2, 2.0, samples));
    }

    @Test
    void aShortRunKeepsEverySampleRounded() throws Exception {
        RunResult result = result(List.of(new GeneratorHealth.Sample(1.04, 1.9123, 0.99949, 123_456_789),
                new GeneratorHealth.Sample(2.06, 0.5, null, 100_000_000)));
        JsonNode generator = JSON.readTree(ResultJson.write(result)).get("generator");
        assertEquals(JSON.readTree("{\"cores\":2,\"capacityCores\":2.0,\"saturated\":false,\"saturatedShare\":0.5,\"samples\":["
                + "{\"offsetSeconds\":1.0,\"cpuCores\":1.912,\"machineCpu\":0.999,\"rssMb\":123.5},"
                + "{\"offsetSeconds\":2.1,\"cpuCores\":0.5,\"machineCpu\":null,\"rssMb\":100.0}]}"), generator);
        Path file = Files.writeString(dir.resolve("result.json"), ResultJson.write(result));
        assertEquals(ResultJson.write(result), ResultJson.write(ResultParsers.parse(file, null, Set.of())), "read back as written");
    }

    @Test
    void aLongRunIsAveragedInGroupsOfSecondsWithTheirHighestMemory() throws Exception {
        List<GeneratorHealth.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 1201; i++) { // three seconds a group: 401 groups
            samples.add(new GeneratorHealth.Sample(i, i % 3 == 0 ? 1.5 : 0.3, i % 3 == 2 ? null : 0.6, (i % 3 + 1) * 10_000_000L));
        }
        JsonNode written = JSON.readTree(ResultJson.write(result(samples))).get("generator").get("samples");
        assertEquals(401, written.size());
        assertEquals(JSON.readTree("{\"offsetSeconds\":3.0,\"cpuCores\":0.7,\"machineCpu\":0.6,\"rssMb\":30.0}"), written.get(1));
        assertEquals(JSON.readTree("{\"offsetSeconds\":1200.0,\"cpuCores\":1.5,\"machineCpu\":0.6,\"rssMb\":10.0}"), written.get(400));
    }
}
