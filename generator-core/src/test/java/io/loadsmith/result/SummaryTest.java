package io.loadsmith.result;

import io.loadsmith.model.Threshold;
import io.loadsmith.testing.Snapshots;
import io.loadsmith.tool.LoadTools;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a person and a CI server read of a result: the console summary, the Markdown summary and
 * the JUnit XML of its thresholds, approved whole. The result holds a passed, a breached and an
 * unmeasurable threshold, failures of two kinds, names that Markdown and XML must escape, and a
 * warning.
 */
class SummaryTest {
    private static RunResult result() {
        ResultBuilder builder = new ResultBuilder(LoadTools.K6, "k6-json", LatencyDefinition.SEND_TO_LAST_BYTE, 1);
        builder.toolVersion("v0.48.0");
        ResultBuilder.Recorder list = builder.operation("GET /books");
        ResultBuilder.Recorder create = builder.operation("POST /books <new> | `x` & \"y\"");
        long start = 1_764_633_600_000L; // 2025-12-02T00:00:00Z
        for (int i = 0; i < 200; i++) {
            builder.record(list, start + 20L * i, 5 + i % 40, i % 50 == 0 ? FailureKind.HTTP_5XX : null, 1200, 150);
            if (i % 4 == 0) {
                builder.record(create, start + 20L * i + 5, 30 + i, i % 40 == 0 ? FailureKind.TIMEOUT : null, 300, 900);
            }
        }
        builder.warn("the load generator was the bottleneck in 2 of 4 seconds");
        List<Threshold> thresholds = List.of(Threshold.parse("p95<100ms"), Threshold.parse("error-rate<1%"),
                Threshold.parse("GET /books: throughput>10/s"), Threshold.parse("GET /missing: p99<1ms"));
        return Thresholds.judge(builder.build(Set.of()), thresholds);
    }

    @Test
    void consoleSummary() {
        Snapshots.verify(Summary.text(result(), "results/k6.json"), "console", "txt");
    }

    @Test
    void markdownSummary() {
        Snapshots.verify(Summary.markdown(result(), "results/k6.json", null, null), "markdown", "md");
    }

    @Test
    void junitReport() {
        Snapshots.verify(JUnitReport.write(result()), "junit", "xml");
    }
}
