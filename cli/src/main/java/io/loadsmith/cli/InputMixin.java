package io.loadsmith.cli;

import io.loadsmith.importer.ImportOptions;
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
            description = "An OpenAPI 3.x or Swagger 2.0 document (YAML or JSON), or a Loadsmith plan file.")
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

    @Option(names = "--think-time", paramLabel = "TIME", defaultValue = "1s",
            description = "Pause at the end of each iteration: 0, a duration such as 1s, or a range such as 1s-3s (default: ${DEFAULT-VALUE}).")
    String thinkTime;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    ImportOptions importOptions() {
        return new ImportOptions(seed, operations.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
                tags.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(), excludeDeprecated, thinkTime(), null);
    }

    private ThinkTime thinkTime() {
        if (thinkTime.equals("0") || thinkTime.equalsIgnoreCase("none")) {
            return null;
        }
        String[] bounds = thinkTime.split("-", 2);
        try {
            return new ThinkTime(Durations.parse(bounds[0]), Durations.parse(bounds.length > 1 ? bounds[1] : bounds[0]));
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UserException(ExitCodes.INVALID_INPUT, "--think-time: " + e.getMessage());
        }
    }
}
