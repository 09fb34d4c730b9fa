package io.loadsmith.tools;

import java.nio.file.Path;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;

/**
 * JMeter's own classes, set up in this JVM from the installed JMeter home (its jmeter.properties
 * and saveservice.properties, its lib/ext for the function classes) as the jmeter launcher does.
 */
final class JMeterRuntime {
    private JMeterRuntime() {}

    private static boolean started;

    static synchronized void start() {
        if (started) {
            return;
        }
        Path home = Tools.jmeterHome();
        JMeterUtils.setJMeterHome(home.toString());
        JMeterUtils.loadJMeterProperties(home.resolve("bin/jmeter.properties").toString());
        JMeterUtils.setProperty("search_paths", home.resolve("lib/ext").toString());
        JMeterUtils.initLocale();
        System.setProperty("java.awt.headless", "true");
        started = true;
    }

    /**
     * The value JMeter uses for a property written as {@code text}, with these variables set: the
     * property is compiled as JMeter compiles a test plan before a run (a value without a
     * function or variable stays exactly as written) and then read in a thread's context.
     */
    static String evaluate(String text, java.util.Map<String, String> variables) throws Exception {
        start();
        org.apache.jmeter.config.ConfigTestElement element = new org.apache.jmeter.config.ConfigTestElement();
        element.setProperty(new org.apache.jmeter.testelement.property.StringProperty("value", text));
        new org.apache.jmeter.engine.util.ValueReplacer().replaceValues(element);
        element.setRunningVersion(true);
        org.apache.jmeter.threads.JMeterVariables vars = new org.apache.jmeter.threads.JMeterVariables();
        variables.forEach(vars::put);
        org.apache.jmeter.threads.JMeterContextService.getContext().setVariables(vars);
        return element.getPropertyAsString("value");
    }

    /** Loads a plan as JMeter does when it opens a file. */
    static HashTree load(Path jmx) throws Exception {
        start();
        return SaveService.loadTree(jmx.toFile());
    }
}
