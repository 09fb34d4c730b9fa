package io.loadsmith.tool.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loadsmith.Loadsmith;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Workload;
import io.loadsmith.render.RenderResult;
import io.loadsmith.testing.Samples;
import io.loadsmith.tool.LoadTools;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A closed workload as JMeter's Thread Group runs it: users, ramp-up and duration (the defaults of
 * the -Jthreads, -Jrampup and -Jduration properties), exact where the plan is one ramp and a hold,
 * else the same user-time with a warning.
 */
class JMeterWorkloadTest {
    private static final TestPlan BOOKSHOP = Loadsmith.importFile(
            Samples.all().stream().filter(s -> s.name().equals("bookshop")).findFirst().orElseThrow().path(),
            ImportOptions.defaults().withSeed(1)).plan();
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{__P\\((threads|rampup|duration),([^)]*)\\)}");

    private record Shape(String threads, String rampUp, String duration, List<String> warnings) {}

    private static Shape shape(int startUsers, Workload.UserStage... stages) {
        RenderResult result = Loadsmith.render(BOOKSHOP.toBuilder().workload(new Workload.ClosedWorkload(startUsers, List.of(stages)))
                .build(), LoadTools.JMETER);
        Matcher m = PROPERTY.matcher(result.files().get(0).text());
        String[] values = new String[3];
        while (m.find()) {
            values[List.of("threads", "rampup", "duration").indexOf(m.group(1))] = m.group(2);
        }
        return new Shape(values[0], values[1], values[2], result.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.WARNING).map(Diagnostic::message).toList());
    }

    private static Workload.UserStage stage(int seconds, int users) {
        return new Workload.UserStage(Duration.ofSeconds(seconds), users);
    }

    @Test
    void constantUsersRunAsTheyAre() {
        assertEquals(new Shape("5", "0", "60", List.of()), shape(5, stage(60, 5)));
    }

    @Test
    void oneRampFromNoUsersAndAHoldRunAsTheyAre() {
        assertEquals(new Shape("10", "30", "90", List.of()), shape(0, stage(30, 10), stage(60, 10)));
    }

    @Test
    void otherShapesKeepTheirUserTimeWithAWarning() {
        // 5 x 30 + 10 x 60 + 5 x 15 = 825 user-seconds: 10 users from a 30 s ramp (half of it at work) to 97.5 s.
        assertEquals(new Shape("10", "30", "98", List.of("JMeter's Thread Group ramps up once and then holds: the stages run "
                + "as 10 users started over 30 s and stopped together at 98 s, the same user-time as the plan")),
                shape(0, stage(30, 10), stage(60, 10), stage(15, 0)));
        assertEquals("45", shape(2, stage(20, 4), stage(20, 4)).duration(),
                "140 user-seconds: a 20 s ramp to 4 users (40), then 25 s of 4 (100)");
    }
}
