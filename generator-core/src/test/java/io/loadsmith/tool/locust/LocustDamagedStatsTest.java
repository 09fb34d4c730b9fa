package io.loadsmith.tool.locust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParsers;
import io.loadsmith.testing.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Locust stats file whose figures cannot be counts or latencies is refused at its row (found by fuzzing). */
class LocustDamagedStatsTest {
    @TempDir
    Path dir;

    @Test
    void aNegativeLatencyIsRefusedAtItsRow() throws Exception {
        Path stats = dir.resolve("locust_stats.csv");
        List<String> lines = Files.readAllLines(TestPaths.samples().resolve("results/locust/locust_stats.csv"));
        // getBook's minimum response time, the seventh column, damaged to -12
        Files.write(stats, lines.stream().map(l -> l.startsWith("GET,getBook,") ? l.replaceFirst("^((?:[^,]*,){6})[^,]*", "$1-12") : l)
                .collect(Collectors.toList()));
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(stats, null, Set.of()));
        assertEquals(stats + ": the row of 'getBook': a latency (-12.0) must be a finite number >= 0", e.getMessage());
    }

    @Test
    void aFileWithoutNamesIsRefused() throws Exception {
        Path stats = dir.resolve("locust_stats.csv");
        // the stats header spliced with the failures file's: a second Name column, which the row leaves empty
        Files.write(stats, List.of("Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
                + "Min Response Time,Max Response Timd,Name,Error,Occurrences",
                "GET,getMissingBook,\"CatchResponseError('getMissingBook: status 404, expected 200')\",106"));
        ResultParseException e = assertThrows(ResultParseException.class, () -> ResultParsers.parse(stats, null, Set.of()));
        assertEquals(stats + ": a row without a Name: a damaged stats file", e.getMessage());
    }
}
