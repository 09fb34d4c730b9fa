package io.loadsmith.tool.jmeter;

import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Apache JMeter: a JMX test plan, run in non-GUI mode; fetched from Maven Central when none is installed. */
public final class JMeterTool extends NamedTool {
    /** The last line of JMeter's banner ends with its version. */
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)\\s*$", Pattern.MULTILINE);
    private static final Pattern STOP_PORT = Pattern.compile("StopTestNow/HeapDump/ThreadDump message on port (\\d+)");

    private final Renderer renderer = new JMeterRenderer();
    private final List<ResultParser> parsers = List.of(new JtlXmlParser(this), new JtlCsvParser(this));

    @Override
    public String id() {
        return "jmeter";
    }

    @Override
    public String displayName() {
        return "JMeter";
    }

    @Override
    public String scriptPath() {
        return JMeterRenderer.SCRIPT;
    }

    @Override
    public Renderer renderer() {
        return renderer;
    }

    @Override
    public List<ResultParser> resultParsers() {
        return parsers;
    }

    @Override
    public List<String> resultFiles() {
        return List.of("result.jtl", "results.jtl");
    }

    @Override
    public String installHint() {
        return "jmeter is not installed and could not be fetched (or pass --tool-path, or set LOADSMITH_JMETER_PATH)";
    }

    @Override
    public Optional<List<String>> provision(Path tools, Map<String, String> environment, Consumer<String> progress) {
        return Optional.of(new JMeterInstall(tools, environment).command(progress));
    }

    /** JMeter logs even a --version to jmeter.log; the run beside it writes its own there. */
    @Override
    public List<String> versionArguments() {
        return List.of("-j", File.separatorChar == '/' ? "/dev/null" : "NUL", "--version");
    }

    @Override
    public Pattern versionPattern() {
        return VERSION;
    }

    @Override
    public List<String> runArguments(RunSettings settings) {
        return List.of("-n", "-t", scriptPath(), "-l", runOutput(), "-j", "jmeter.log",
                // An Open Model Thread Group leaves an idle pool thread that would hold the JVM for a minute.
                "-Jjmeterengine.force.system.exit=true");
    }

    @Override
    public String runOutput() {
        return "results.jtl";
    }

    @Override
    public LiveReader liveReader(Path runFolder, Path console, List<String> command) {
        return new JtlLiveReader(runFolder.resolve(runOutput()));
    }

    /** JMeter's own way to stop a non-GUI test: a UDP message to the port it announced on its console. */
    @Override
    public boolean requestStop(Path console) {
        try {
            Matcher port = STOP_PORT.matcher(Files.readString(console, StandardCharsets.UTF_8));
            if (!port.find()) {
                return false;
            }
            byte[] message = "StopTestNow".getBytes(StandardCharsets.US_ASCII);
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(),
                        Integer.parseInt(port.group(1))));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
