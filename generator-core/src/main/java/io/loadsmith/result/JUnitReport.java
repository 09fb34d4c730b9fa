package io.loadsmith.result;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** JUnit XML for CI: one test case per threshold, failed when the threshold was breached or could not be measured. */
public final class JUnitReport {
    private JUnitReport() {}

    public static String write(RunResult result) {
        List<TestCase> cases = result.thresholds().stream().map(threshold -> {
            String measured = threshold.measured() == null ? null : "measured " + Summary.measured(threshold);
            String failure = threshold.passed() ? null
                    : threshold.measured() == null ? threshold.note() : measured + " on " + threshold.scope();
            return new TestCase("loadsmith.thresholds." + threshold.scope(), threshold.expression(), failure,
                    failure == null ? measured : threshold.expression() + ": " + failure);
        }).toList();
        return suite("loadsmith thresholds (" + result.tool().id() + ")", String.format(Locale.ROOT, "%.3f", result.durationSeconds()),
                cases);
    }

    /**
     * One test case.
     *
     * @param failure the failure's message, or null when it passed
     * @param text    the failure's text, or the passed case's output
     */
    record TestCase(String className, String name, String failure, String text) {}

    /** A test suite of these cases; {@code time} null when it has none. */
    static String suite(String name, String time, List<TestCase> cases) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", name);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.failure() != null).count()));
            xml.writeAttribute("errors", "0");
            if (time != null) {
                xml.writeAttribute("time", time);
            }
            xml.writeCharacters("\n");
            for (TestCase testCase : cases) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", testCase.className());
                xml.writeAttribute("name", testCase.name());
                if (testCase.failure() != null) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", testCase.failure());
                } else {
                    xml.writeStartElement("system-out");
                }
                xml.writeCharacters(testCase.text());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
