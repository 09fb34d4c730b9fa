package io.loadsmith.cli;

import io.loadsmith.importer.GraphQlOptions;
import io.loadsmith.importer.HarOptions;
import io.loadsmith.importer.ImportOptions;
import io.loadsmith.importer.Safety;
import io.loadsmith.model.Durations;
import io.loadsmith.model.ThinkTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input and how to import it: shared by every command that reads a spec, a HAR or a plan. */
final class InputMixin {
    @Parameters(index = "0", paramLabel = "INPUT",
            description = "An OpenAPI 3.x or Swagger 2.0 document (YAML or JSON), a HAR recording, or a Loadsmith plan file.")
    Path input;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for generated request data; the same input and seed give the same scripts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--operations", paramLabel = "LIST", split = ",",
            description = "Only these operations, as 'GET /users' or operationIds, comma-separated.")
    List<String> operations = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "LIST", split = ",", description = "Only operations with one of these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--exclude-deprecated", description = "Leave out deprecated operations.")
    boolean excludeDeprecated;

    @Option(names = "--include-unsafe",
            description = "From a spec: also call operations that change or delete data the test did not create "
                    + "(left out by default: an account-level DELETE, a PUT to an example id).")
    boolean includeUnsafe;

    @Option(names = "--read-only", description = "From a spec: only GET, HEAD and OPTIONS operations.")
    boolean readOnly;

    @Option(names = "--think-time", paramLabel = "TIME",
            description = "From a spec: the pause at the end of each iteration: 0, a duration such as 1s, or a range such as 1s-3s "
                    + "(default: 1s). From a HAR: where the recording paused: recorded (default), none, fixed:2s or scale:0.5.")
    String thinkTime;

    @Option(names = "--include-host", paramLabel = "PATTERN", split = ",",
            description = "HAR: keep requests to these hosts (such as api.example.com or *.example.com) instead of the first request's host.")
    List<String> includeHosts = new ArrayList<>();

    @Option(names = "--exclude-host", paramLabel = "PATTERN", split = ",", description = "HAR: leave out requests to these hosts.")
    List<String> excludeHosts = new ArrayList<>();

    @Option(names = "--keep-static", description = "HAR: keep images, fonts, style sheets, scripts and media.")
    boolean keepStatic;

    @Option(names = "--no-correlate", negatable = false,
            description = "HAR: send values that responses produced (ids, tokens) as recorded instead of extracting them at run time.")
    boolean noCorrelate;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "HAR: an OpenAPI document; recorded requests take the names and checks of the operations they match.")
    Path spec;

    @Option(names = "--graphql-operations", paramLabel = "FILE", split = ",",
            description = "GraphQL schema: the operation documents (.graphql) whose operations become the plan's steps, in order; "
                    + "without them, a query per root field of Query.")
    List<Path> graphQlOperations = new ArrayList<>();

    @Option(names = "--graphql-endpoint", paramLabel = "PATH", description = "GraphQL schema: the endpoint's path under the base URL "
            + "(default: /graphql).")
    String graphQlEndpoint;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    ImportOptions importOptions() {
        HarOptions har;
        try {
            har = new HarOptions(harThinkTime(), includeHosts, excludeHosts, keepStatic, !noCorrelate, spec);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--think-time: " + e.getMessage());
        }
        if (includeUnsafe && readOnly) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--include-unsafe and --read-only contradict each other; give one");
        }
        return new ImportOptions(seed, operations.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
                tags.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(), excludeDeprecated, thinkTime(), null, har,
                readOnly ? Safety.READ_ONLY : includeUnsafe ? Safety.INCLUDE_UNSAFE : Safety.SAFE,
                new GraphQlOptions(graphQlOperations, graphQlEndpoint));
    }

    /** A plain duration given for a HAR is a fixed pause. */
    private String harThinkTime() {
        if (thinkTime == null) {
            return "recorded";
        }
        String mode = thinkTime.trim().toLowerCase(java.util.Locale.ROOT);
        return mode.equals("recorded") || mode.equals("none") || mode.equals("0") || mode.startsWith("fixed:")
                || mode.startsWith("scale:") ? mode : "fixed:" + mode.split("-", 2)[0];
    }

    private ThinkTime thinkTime() {
        if (thinkTime == null) {
            return ThinkTime.fixed(java.time.Duration.ofSeconds(1));
        }
        String mode = thinkTime.trim().toLowerCase(java.util.Locale.ROOT);
        if (mode.equals("recorded") || mode.startsWith("scale:")) {
            return ThinkTime.fixed(java.time.Duration.ofSeconds(1));
        }
        String value = mode.startsWith("fixed:") ? mode.substring("fixed:".length()) : mode;
        if (value.equals("0") || value.equals("none")) {
            return null;
        }
        String[] bounds = value.split("-", 2);
        try {
            return new ThinkTime(Durations.parse(bounds[0]), Durations.parse(bounds.length > 1 ? bounds[1] : bounds[0]));
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--think-time: " + e.getMessage());
        }
    }
}
