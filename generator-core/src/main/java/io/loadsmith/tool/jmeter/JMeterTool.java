package io.loadsmith.tool.jmeter;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.tool.Distribution;
import io.loadsmith.tool.LiveReader;
import io.loadsmith.tool.NamedTool;
import io.loadsmith.tool.Ports;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** A server prints this once its RMI object is exported, ready for a controller. */
    private static final Pattern SERVER_READY = Pattern.compile("Created remote object");

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

    /**
     * JMeter's own distributed testing on this machine: N servers ({@code -s}), each on an RMI
     * registry port of its own on 127.0.0.1 with its share of the workload as the properties the
     * plan's Thread Group reads, then one controller ({@code -R} to all of them, {@code -X} to end
     * them with the test) whose JTL holds every server's samples. RMI over SSL is off: the
     * processes talk over the loopback interface only, and JMeter's keystore would have to be
     * made first.
     */
    @Override
    public Optional<Distribution> distribute(RunSettings settings, int workers, TestPlan plan) {
        List<List<String>> shares = JMeterViewBuilder.serverProperties(plan, workers);
        List<Distribution.Member> members = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            int port = Ports.freeLoopbackPort("a JMeter server");
            List<String> server = new ArrayList<>(List.of("-s", "-Dserver_port=" + port, "-Djava.rmi.server.hostname=127.0.0.1",
                    "-Jserver.rmi.ssl.disable=true", "-Jserver.rmi.localport=" + Ports.freeLoopbackPort("a JMeter server"),
                    "-j", "jmeter-server-" + i + ".log"));
            server.addAll(shares.get(i - 1));
            members.add(new Distribution.Member("server-" + i, server, Map.of(), false, SERVER_READY));
            remotes.add("127.0.0.1:" + port);
        }
        List<String> controller = new ArrayList<>(runArguments(settings));
        controller.addAll(List.of("-R", String.join(",", remotes), "-X", "-Jserver.rmi.ssl.disable=true",
                "-Djava.rmi.server.hostname=127.0.0.1"));
        members.add(new Distribution.Member("controller", controller, Map.of(), true, null));
        return Optional.of(new Distribution(members, List.of(runOutput()), List.of("controller")));
    }

    /** Servers and a controller: a StatefulSet, a headless Service and a Job, or Compose services. */
    @Override
    public RenderResult deployment(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        return JMeterDeployment.render(target, workers, plan, scripts, sourceName);
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
