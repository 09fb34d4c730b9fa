package io.loadsmith.result;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** JUnit XML for CI: one test case per threshold, failed when the threshold was breached or could not be measured. */
public final class JUnitReport {
    private JUnitReport() {}

    public static String write(RunResult result) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            long failures = result.thresholds().stream().filter(t -> !t.passed()).count();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "loadsmith thresholds (" + result.tool().id() + ")");
            xml.writeAttribute("tests", Integer.toString(result.thresholds().size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", result.durationSeconds()));
            xml.writeCharacters("\n");
            for (ThresholdResult threshold : result.thresholds()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "loadsmith.thresholds." + threshold.scope());
                xml.writeAttribute("name", threshold.expression());
                if (!threshold.passed()) {
                    xml.writeStartElement("failure");
                    String message = threshold.measured() == null ? threshold.note()
                            : "measured " + threshold.measured() + " on " + threshold.scope();
                    xml.writeAttribute("message", message);
                    xml.writeCharacters(threshold.expression() + ": " + message);
                    xml.writeEndElement();
                } else {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters("measured " + threshold.measured());
                    xml.writeEndElement();
                }
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
