package io.loadsmith.tool.jmeter;

import io.loadsmith.result.FailureKind;
import io.loadsmith.result.LatencyDefinition;
import io.loadsmith.result.ResultBuilder;
import io.loadsmith.result.ResultParseException;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import io.loadsmith.tool.LoadTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JMeter's XML results (JTL): {@code <testResults>} of {@code <sample>} and {@code <httpSample>}
 * elements. Only top-level samples count, as in JMeter's own report: nested ones are the parts of
 * a Transaction Controller's parent sample, redirects or embedded resources. A Transaction
 * Controller's top-level sample without nested ones sums up samples that are in the file on their
 * own, so it is not counted again.
 */
public final class JtlXmlParser implements ResultParser {
    private static final String TRANSACTION = "Number of samples in transaction";

    private final LoadTool tool;

    JtlXmlParser(LoadTool tool) {
        this.tool = tool;
    }

    @Override
    public LoadTool tool() {
        return tool;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String format() {
        return "jmeter-jtl-xml";
    }

    @Override
    public boolean accepts(Path file, String head) {
        return head.contains("<testResults");
    }

    @Override
    public RunResult parse(Path file, Set<Double> extraPercentiles) {
        ResultBuilder builder = new ResultBuilder(tool, format(), LatencyDefinition.CONNECT_TO_LAST_BYTE, 1);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        long transactions = 0;
        try (InputStream in = Files.newInputStream(file)) {
            // JMeter writes UTF-8; decoded here, a damaged byte becomes U+FFFD instead of a parse error
            // that the JDK's parser would also print to stderr.
            XMLStreamReader xml = factory.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int depth = 0;
            boolean root = false;
            Sample pending = null;
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 1) {
                            if (!xml.getLocalName().equals("testResults")) {
                                throw new ResultParseException(file, "line " + xml.getLocation().getLineNumber(),
                                        "the root element is <" + xml.getLocalName() + ">, not JMeter's <testResults>");
                            }
                            root = true;
                        } else if (depth == 2 && xml.getAttributeValue(null, "lb") != null) {
                            pending = new Sample(xml);
                        } else if (depth == 3 && pending != null && xml.getAttributeValue(null, "lb") != null) {
                            pending.hasChildren = true;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2 && pending != null) {
                            if (pending.message != null && pending.message.startsWith(TRANSACTION) && !pending.hasChildren) {
                                transactions++;
                            } else {
                                pending.record(builder);
                            }
                            pending = null;
                        }
                        depth--;
                    }
                }
            } catch (XMLStreamException e) {
                if (!root) {
                    throw new ResultParseException(file, where(e), "not XML that JMeter wrote: " + e.getMessage(), e);
                }
                if (pending != null) {
                    pending.record(builder);
                }
                builder.warn("the file ends early at " + where(e) + " (was the run stopped?): the samples before it are counted");
            }
            if (!root) {
                throw new ResultParseException(file, null, "no <testResults> element: not a JMeter results file");
            }
        } catch (IOException e) {
            throw new ResultParseException(file, null, "cannot read it: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new ResultParseException(file, where(e), "not XML: " + e.getMessage(), e);
        }
        if (transactions > 0) {
            builder.warn(transactions + " Transaction Controller samples (groups) are left out of the request counts: "
                    + "each sums up samples that are in the file on their own");
        }
        return builder.build(extraPercentiles);
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? null
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    /** The attributes of one top-level sample. */
    private static final class Sample {
        final String label;
        final long elapsed;
        final long timeStamp;
        final boolean success;
        final String code;
        final String message;
        final long bytes;
        final long sentBytes;
        boolean hasChildren;

        Sample(XMLStreamReader xml) {
            label = xml.getAttributeValue(null, "lb");
            elapsed = number(xml.getAttributeValue(null, "t"));
            timeStamp = number(xml.getAttributeValue(null, "ts"));
            String s = xml.getAttributeValue(null, "s");
            success = s == null || s.equalsIgnoreCase("true");
            code = xml.getAttributeValue(null, "rc");
            message = xml.getAttributeValue(null, "rm");
            bytes = number(xml.getAttributeValue(null, "by"));
            sentBytes = number(xml.getAttributeValue(null, "sby"));
        }

        void record(ResultBuilder builder) {
            FailureKind failure = null;
            if (!success) {
                long status = number(code);
                failure = status >= 100 && status < 600 ? FailureKind.ofStatus((int) status)
                        : FailureKind.ofError((code == null ? "" : code) + " " + (message == null ? "" : message));
            }
            builder.record(builder.operation(label), timeStamp < 0 ? Long.MIN_VALUE : timeStamp, elapsed, failure, bytes, sentBytes);
        }

        private static long number(String value) {
            if (value == null || value.isEmpty()) {
                return -1;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
