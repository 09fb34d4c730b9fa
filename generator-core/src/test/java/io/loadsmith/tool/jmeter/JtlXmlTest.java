package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.result.OperationResult;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.RunResult;
import io.loadsmith.result.Stats;
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
 * JMeter's XML results (jmeter.save.saveservice.output_format=xml), written by hand: each top-level
 * sample a request, its attributes the figures, groups left out, a cut file counted up to its cut.
 */
class JtlXmlTest {
    private static final JtlXmlParser PARSER = new JtlXmlParser(LoadTools.JMETER);

    @TempDir
    Path dir;

    private RunResult parse(String xml) throws Exception {
        Path file = Files.writeString(dir.resolve("results.xml"), xml);
        assertTrue(PARSER.accepts(file, xml));
        return PARSER.parse(file, Set.of());
    }

    @Test
    void everyTopLevelSampleIsARequestWithItsFigures() throws Exception {
        RunResult result = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testResults version="1.2">
                <httpSample t="20" it="0" lt="15" ct="3" ts="1795312788000" s="true" lb="getBook" rc="200" rm="OK" by="1500" sby="200"/>
                <httpSample t="40" ts="1795312789000" s="false" lb="getBook" rc="404" rm="Not Found" by="100" sby="200">
                  <assertionResult><name>status</name><failure>true</failure></assertionResult>
                </httpSample>
                <httpSample t="3000" ts="1795312790000" s="false" lb="listBooks" rc="Non HTTP response code: java.net.SocketTimeoutException"
                            rm="Non HTTP response message: Read timed out" by="0" sby="150"/>
                <httpSample t="12" ts="1795312791000" s="true" lb="redirected" rc="200" rm="OK" by="50" sby="10">
                  <httpSample t="5" ts="1795312791000" s="true" lb="redirected-0" rc="302" rm="Found" by="20" sby="5"/>
                </httpSample>
                <sample t="60" ts="1795312788000" s="true" lb="order flow" rc="200"
                        rm="Number of samples in transaction : 2, number of failing samples : 0" by="1600" sby="400"/>
                <sample t="70" ts="1795312792000" s="true" lb="group with children" rc="200"
                        rm="Number of samples in transaction : 1, number of failing samples : 0" by="30" sby="3">
                  <httpSample t="70" ts="1795312792000" s="true" lb="inner" rc="200" rm="OK" by="30" sby="3"/>
                </sample>
                <httpSample t="abc" ts="" lb="odd numbers" rc="200" rm="OK" by="x"/>
                </testResults>
                """);
        assertEquals("jmeter-jtl-xml", result.format());
        assertEquals(Instant.ofEpochMilli(1795312788000L), result.start());
        Stats total = result.total();
        assertEquals(6, total.requests(), "samples at the top, not the ones inside them nor a group without its own");
        assertEquals(2, total.failures());
        assertEquals(Map.of("4xx", 1L, "timeout", 1L), total.failuresByKind());
        assertEquals(List.of("getBook", "listBooks", "redirected", "group with children", "odd numbers"),
                result.operations().stream().map(OperationResult::name).toList());
        assertEquals(2, result.operation("getBook").stats().requests());
        assertEquals(20.0, result.operation("getBook").stats().latencyMs().min());
        assertEquals(1650L, result.operation("getBook").stats().bytesReceived() + result.operation("redirected").stats().bytesReceived());
        assertEquals(1, result.operation("odd numbers").stats().requests(), "a sample whose numbers are no numbers still counts");
        assertEquals(List.of("1 Transaction Controller samples (groups) are left out of the request counts: "
                + "each sums up samples that are in the file on their own"), result.warnings());
    }

    @Test
    void aFileCutShortCountsTheSamplesBeforeTheCut() throws Exception {
        RunResult result = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testResults version="1.2">
                <httpSample t="20" ts="1795312788000" s="true" lb="getBook" rc="200" rm="OK" by="1500" sby="200"/>
                <httpSample t="30" ts="1795312788100" s="true" lb="getBook" rc="200" rm="OK" by="1500" sby="200">
                  <responseData class="java.lang.String">{"id": "b-1"</responseData>
                <httpSample t="5" ts="1795312788200" s="tr""");
        assertEquals(2, result.total().requests(), "the one whose element was open at the cut too");
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).matches("the file ends early at line 6, column \\d+ \\(was the run stopped\\?\\): "
                + "the samples before it are counted"), result.warnings().toString());
    }

    @Test
    void aDocumentTypesEntitiesAreNotExpanded() throws Exception {
        RunResult result = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE testResults [<!ENTITY name "expanded">]>
                <testResults version="1.2">
                <httpSample t="20" ts="1795312788000" s="true" lb="first" rc="200"/>
                <httpSample t="20" ts="1795312788000" s="true" lb="&name;" rc="200"/>
                </testResults>
                """);
        assertNull(result.operation("expanded"));
        assertEquals(1, result.total().requests());
    }

    @Test
    void anotherRootOrNoXmlIsRefusedWithItsPlace() throws Exception {
        Path other = Files.writeString(dir.resolve("other.xml"), "<?xml version=\"1.0\"?>\n<report>\n<testResults/></report>\n");
        ResultParseException e = assertThrows(ResultParseException.class, () -> PARSER.parse(other, Set.of()));
        assertEquals(other + ": line 2: the root element is <report>, not JMeter's <testResults>", e.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<testResults <httpSample/>");
        e = assertThrows(ResultParseException.class, () -> PARSER.parse(broken, Set.of()));
        assertTrue(e.getMessage().startsWith(broken + ": line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains(": not XML that JMeter wrote: "), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.xml"), "<?xml version=\"1.0\"?>\n");
        e = assertThrows(ResultParseException.class, () -> PARSER.parse(empty, Set.of()));
        assertTrue(e.getMessage().startsWith(empty + ": "), e.getMessage());
    }
}
