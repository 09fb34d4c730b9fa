package io.loadsmith.tool;

import io.loadsmith.deploy.DeployTarget;
import io.loadsmith.model.TestPlan;
import io.loadsmith.render.RenderException;
import io.loadsmith.render.RenderResult;
import io.loadsmith.render.Renderer;
import io.loadsmith.result.ResultParser;
import io.loadsmith.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Everything Loadsmith knows about one load tool: how to write its scripts, how to read its
 * outputs, how to find, install, run, follow and stop it. Each tool is one room
 * ({@code io.loadsmith.tool.<name>}) with one implementation, found through {@link LoadTools};
 * nothing outside its room branches on which tool it is.
 *
 * <p>Tools are compared by {@link #id()}.
 */
public interface LoadTool {
    /** The lower-case name used on the command line, as the scripts' folder and in result.json: {@code k6}. */
    String id();

    /** The tool's own name, as its users write it: {@code k6}, {@code Locust}, {@code JMeter}. */
    String displayName();

    /** The main script, relative to the output folder: {@code k6/script.js}. */
    String scriptPath();

    /** Writes a plan as this tool's scripts. */
    Renderer renderer();

    /**
     * The parsers of this tool's output formats. Across tools, a file is read by the first parser
     * (in {@link ResultParser#order()}) that accepts it.
     */
    List<ResultParser> resultParsers();

    /**
     * Files of a run folder that hold this tool's results, preferred first (every sample before a
     * summary); a segment {@code *} stands for a folder the tool names itself ({@link RunFiles}).
     */
    List<String> resultFiles();

    // ---- running it

    /** The command on the PATH ({@code LOADSMITH_<ID>_PATH} names another). */
    default String executable() {
        return id();
    }

    /** One line on how to install the tool, for when it cannot be found. */
    String installHint();

    /**
     * The tool, when none is installed, fetched and laid out by Loadsmith itself under
     * {@code tools} (the place the install scripts use): the command that starts it, or empty
     * when this tool cannot be fetched that way.
     */
    default Optional<List<String>> provision(Path tools, Map<String, String> environment, Consumer<String> progress) {
        return Optional.empty();
    }

    /** The arguments after the launcher that make it print its version, and where the version is in what it prints. */
    List<String> versionArguments();

    /** Group 1 is the version. */
    Pattern versionPattern();

    /**
     * The arguments after the launcher that run the scripts written in a run folder (the working
     * directory, the scripts at their rendered paths), leaving the raw output {@link #runOutput()} there.
     */
    List<String> runArguments(RunSettings settings);

    /**
     * Whether each of the tool's processes runs its users on one thread (Python's Locust, Node's
     * Artillery), so that a process can use one core at most: what the load generator's health
     * check counts as its capacity.
     */
    default boolean oneCorePerProcess() {
        return false;
    }

    /**
     * The processes of a run on {@code workers} local processes, split the tool's own way so that
     * together they run exactly the plan's workload; empty when the tool has no such way here.
     *
     * @param plan the plan the scripts were written from, for tools whose processes each need their share of it
     */
    default Optional<Distribution> distribute(RunSettings settings, int workers, TestPlan plan) {
        return Optional.empty();
    }

    /**
     * The manifest that runs this tool's scripts beyond this machine on the tool's own distributed
     * engine, in the tool's folder as {@link DeployTarget#fileName()}: {@code workers} load
     * generators that together run exactly the plan's workload, the scripts mounted from the
     * manifest, the plan's secrets as references (never values).
     *
     * @param scripts    what this tool's renderer wrote from {@code plan}
     * @param sourceName the input's file name, for the manifest's header comment
     * @throws RenderException when the tool has no distributed engine such a manifest can start
     */
    default RenderResult deployment(DeployTarget target, int workers, TestPlan plan, RenderResult scripts, String sourceName) {
        throw new RenderException(displayName() + " has no distributed engine that Loadsmith writes " + target.id()
                + " manifests for");
    }

    /**
     * The raw output a run leaves in the run folder, which the parsers read; a segment {@code *}
     * stands for a folder the tool names itself ({@link RunFiles}).
     */
    String runOutput();

    /**
     * What the tool has done so far, read from what it writes or serves as it runs (for the
     * progress line): its files in the run folder, its console output, or what its command line set up.
     */
    LiveReader liveReader(Path runFolder, Path console, List<String> command);

    /**
     * Asks a running tool to stop its own way, where it has one (JMeter's StopTestNow message,
     * to the port its console announced); false leaves it to SIGTERM.
     */
    default boolean requestStop(Path console) {
        return false;
    }

    /** What the tool's exit code and the plan add to the result read from its output: its own verdict, its known gaps. */
    default RunResult afterRun(RunResult result, int exitCode, TestPlan plan) {
        return result;
    }

    /**
     * How a run is set up.
     *
     * @param baseUrl the base URL to run against, or null for the plan's; most scripts read
     *                BASE_URL from the environment themselves, a tool whose scripts do not is told here
     */
    record RunSettings(String baseUrl) {}
}
