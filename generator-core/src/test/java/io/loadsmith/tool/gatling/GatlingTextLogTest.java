package io.loadsmith.tool.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling's text simulation.log (before 3.13) record by record, written by hand: REQUEST with and
 * without a user id, Gatling 1's ACTION, records that hold no request, damaged and cut lines.
 */
class GatlingTextLogTest {
    private static final GatlingTextLogParser PARSER = new GatlingTextLogParser(LoadTools.GATLING);

    @TempDir
    Path dir;

    private RunResult parse(String... lines) throws Exception {
        Path file = Files.writeString(dir.resolve("simulation.log"), String.join("\n", lines) + "\n");
        return PARSER.parse(file, Set.of());
    }

    @Test
    void everyFormOfARequestRecordIsARequest() throws Exception {
        RunResult result = parse(
                "RUN\tloadsmith.LoadsmithSimulation\tloadsmithsimulation\t1700000000000\t \t3.9.5",
                "USER\tshopper\tSTART\t1700000000000\t",
                "REQUEST\t\tcreateBook\t1700000001000\t1700000001050\tOK\t ",
                "REQUEST\t7\t\tgetBook\t1700000001100\t1700000001120\tKO\tstatus.find.in(200), but actually found 404",
                "GROUP\tbrowse\t1700000001000\t1700000001300\t300\tOK",
                "ACTION\tshopper\t1\tRequest listBooks\t1700000001200\t1700000001205\t1700000001210\t1700000001230\tOK\t",
                "ACTION\tshopper\t1\tlistBooks\t1700000001300\t1700000001305\t1700000001310\t1700000001320\tKO\t"
                        + "j.n.ConnectException: Connection refused",
                "ERROR\tsomething went wrong\t1700000001400",
                "ASSERTION\tglobal",
                "SCENARIO\tshopper");
        assertEquals("gatling-log", result.format());
        assertEquals("3.9.5", result.toolVersion());
        assertEquals(Instant.ofEpochMilli(1700000001000L), result.start());
        assertEquals(0.32, result.durationSeconds(), "from the first request's start to the last one's end");
        assertEquals(4, result.total().requests());
        assertEquals(2, result.total().failures());
        assertEquals(Map.of("4xx", 1L, "connection", 1L), result.total().failuresByKind());
        assertEquals(List.of("createBook", "getBook", "listBooks"), result.operations().stream().map(o -> o.name()).toList(),
                "Gatling 1's 'Request ' prefix is no part of the name");
        assertEquals(50.0, result.operations().get(0).stats().latencyMs().max(), 0.1);
        assertEquals(30.0, result.operations().get(2).stats().latencyMs().max(), 0.1, "from the execution's start to its end");
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void damagedRecordsAreLeftOutWithAWarningAndACutLastLineIsSaidSo() throws Exception {
        RunResult result = parse(
                "RUN\tsim\tsim\t1700000000000\t \tnot-a-version",
                "REQUEST\t\tcreateBook\t1700000001000\t1700000001050\tOK\t ",
                "REQUEST\tbroken",
                "SOMETHING\telse",
                "REQUEST\t\tgetBook\t1700000001100\t1700000001120\tMAYBE\t",
                "REQUEST\t\tgetBook\t1700000001100\t1700000001120\tOK\t ",
                "REQUEST\t\tgetBook\t17000000011");
        assertEquals(null, result.toolVersion(), "a RUN record without a version");
        assertEquals(2, result.total().requests());
        assertEquals(List.of("the last line is cut short (was the run stopped?); it is left out",
                "3 records could not be read and were left out (the first at line 3)"), result.warnings());
    }

    @Test
    void aFileOfNoRecordsIsNoSimulationLog() throws Exception {
        Path file = Files.writeString(dir.resolve("simulation.log"), "hello\nworld\n");
        ResultParseException e = assertThrows(ResultParseException.class, () -> PARSER.parse(file, Set.of()));
        assertEquals(file + ": line 1: not a record of a Gatling simulation.log (RUN, USER, REQUEST, ...)", e.getMessage());
    }
}
