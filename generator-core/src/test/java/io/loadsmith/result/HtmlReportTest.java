package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadsmith.tool.LoadTools;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report as a file: self-contained, small, its data safe inside the page. (Its rendering: HtmlReportBrowserTest.) */
class HtmlReportTest {
    private static final Pattern DATA = Pattern.compile("<script id=\"report-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

    /** Ten minutes of 100 operations, every request with a latency: the size the issue sets a limit for. */
    private static RunResult hundredOperations() {
        ResultBuilder builder = new ResultBuilder(LoadTools.JMETER, "jmeter-jtl-csv", LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
        Random random = new Random(1);
        long start = 1_700_000_000_000L;
        for (int op = 0; op < 100; op++) {
            ResultBuilder.Recorder recorder = builder.operation("GET /resource-" + op + "/{id}");
            for (int i = 0; i < 3000; i++) {
                builder.record(recorder, start + random.nextInt(600_000), 1 + (long) (Math.exp(random.nextGaussian()) * 20),
                        i % 97 == 0 ? FailureKind.HTTP_5XX : null, 500, 200);
            }
        }
        return builder.build(Set.of());
    }

    @Test
    void aRunOfAHundredOperationsMakesAReportUnderOneMegabyte() {
        RunResult result = hundredOperations();
        String html = HtmlReport.write(result, "results.jtl", "closed model: 50 users for 10m", null);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 1_000_000, bytes + " bytes");
        Comparison comparison = Comparison.of(result, result, java.util.List.of(RegressionLimit.parse("*: p95:+10%")));
        int withBaseline = HtmlReport.write(result, "results.jtl", null, comparison).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(withBaseline < 1_000_000, "with a baseline: " + withBaseline + " bytes");
    }

    @Test
    void thePageNamesNothingOutsideItselfAndForbidsLoadingIt() {
        String html = HtmlReport.write(hundredOperations(), "results.jtl", null, null);
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; img-src data:\">"));
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe)[^>]*\\s(src|href)\\s*=").matcher(html).find(), "no element loads a file");
        assertFalse(html.contains("@import"), "no stylesheet imports another");
    }

    @Test
    void theDataCannotCloseItsScriptElementAndReadsBackAsItWas() throws Exception {
        String hostile = "</script><script>alert(1)</script>&amp;\u2028<!--";
        ResultBuilder builder = new ResultBuilder(LoadTools.K6, "k6-json", LatencyDefinition.SEND_TO_LAST_BYTE, 1000);
        builder.record(builder.operation(hostile), 1_700_000_000_000L, 1500, null, -1, -1);
        String html = HtmlReport.write(builder.build(Set.of()), hostile, null, null);
        Matcher m = DATA.matcher(html);
        assertTrue(m.find());
        String data = m.group(1);
        assertFalse(data.contains("<") || data.contains(">") || data.contains("&") || data.contains("\u2028"), data);
        JsonNode tree = new ObjectMapper().readTree(data);
        assertEquals(hostile, tree.path("run").path("operations").path(0).path("name").asText());
        assertEquals(hostile, tree.path("run").path("source").asText());
        assertEquals(1.5, tree.path("run").path("operations").path(0).path("latencyMs").path("p50").asDouble());
        assertEquals(35, ((ObjectNode) tree.path("run").path("operations").path(0)).path("distribution").size(),
                "latency by percentile, 0 to 100");
    }
}
