package io.loadsmith.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loadsmith.Generation;
import io.loadsmith.Loadsmith;
import io.loadsmith.PlanOptions;
import io.loadsmith.importer.ImportException;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.Safety;
import io.loadsmith.render.RenderOptions;
import io.loadsmith.tool.LoadTools;
import io.loadsmith.testing.Corpus;
import io.loadsmith.testing.HostileSpec;
import io.loadsmith.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.threads.openmodel.OpenModelThreadGroup;
import org.apache.jmeter.threads.openmodel.ThreadScheduleUtils;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated plan (the samples, the hostile spec, and with LOADSMITH_CORPUS every valid spec of the corpus) loads in
 * JMeter's own SaveService, and every element opens in its JMeter GUI editor and keeps its
 * settings there; an Open Model Thread Group's schedule parses.
 */
class JmxPlanTest {
    @TempDir
    static Path dir;

    static List<Arguments> inputs() {
        List<Arguments> inputs = new ArrayList<>();
        Samples.all().forEach(s -> inputs.add(Arguments.of(s.name(), s.path())));
        Corpus.ifEnabled(Corpus::validSpecs).forEach(p -> inputs.add(Arguments.of(p.getFileName().toString(), p)));
        inputs.add(Arguments.of("hostile", HostileSpec.write(dir)));
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void loadsInJMeterAndOpensInItsGui(String name, Path input) throws Exception {
        Generation generation;
        try {
            // every operation, the unsafe ones too: each kind of element must load
            generation = Loadsmith.generate(input, ImportOptions.defaults().withSafety(Safety.INCLUDE_UNSAFE), PlanOptions.none(),
                    List.of(LoadTools.JMETER),
                    RenderOptions.defaults());
        } catch (ImportException e) {
            assertTrue(e.getMessage().contains("no operations"), e.getMessage());
            return;
        }
        Path out = Files.createTempDirectory(dir, "jmx");
        Loadsmith.write(out, generation.files());
        HashTree tree = JMeterRuntime.load(out.resolve(LoadTools.JMETER.scriptPath()));
        List<TestElement> elements = new ArrayList<>();
        collect(tree, elements);
        assertTrue(elements.size() > 3, "elements: " + elements.size());
        for (TestElement element : elements) {
            opensInGui(element);
            if (element instanceof OpenModelThreadGroup group) {
                String schedule = JMeterRuntime.evaluate(group.getPropertyAsString("OpenModelThreadGroup.schedule"), Map.of());
                assertFalse(ThreadScheduleUtils.ThreadSchedule(schedule).getSteps().isEmpty(), schedule);
            }
        }
    }

    private static void collect(HashTree tree, List<TestElement> out) {
        for (Object key : tree.list()) {
            out.add((TestElement) key);
            collect(tree.getTree(key), out);
        }
    }

    /** One GUI per class, reused as JMeter's GuiPackage does. */
    private static final Map<String, JMeterGUIComponent> GUIS = new HashMap<>();

    /** The element's GUI shows it and writes back the same settings, as when a user opens and saves the plan. */
    private static void opensInGui(TestElement element) throws Exception {
        String guiClass = element.getPropertyAsString(TestElement.GUI_CLASS);
        Class<?> type = Class.forName(guiClass);
        JMeterGUIComponent gui = GUIS.get(guiClass + "/" + element.getClass().getName());
        if (gui == null) {
            gui = type == TestBeanGUI.class ? new TestBeanGUI(element.getClass())
                    : (JMeterGUIComponent) type.getDeclaredConstructor().newInstance();
            GUIS.put(guiClass + "/" + element.getClass().getName(), gui);
        }
        gui.clearGui();
        gui.configure(element);
        TestElement saved = gui.createTestElement();
        gui.modifyTestElement(saved);
        for (var it = element.propertyIterator(); it.hasNext(); ) {
            JMeterProperty property = it.next();
            JMeterProperty after = saved.getProperty(property.getName());
            if (after != null && !(after instanceof org.apache.jmeter.testelement.property.NullProperty)
                    && !property.getName().equals(TestElement.GUI_CLASS)) {
                assertEquals(property.getStringValue(), after.getStringValue(),
                        element.getClass().getSimpleName() + " '" + element.getName() + "' " + property.getName());
            }
        }
    }
}
