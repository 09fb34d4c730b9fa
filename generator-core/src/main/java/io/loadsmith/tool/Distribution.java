package io.loadsmith.tool;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One test on several local processes, split the tool's own way (k6's execution segments, a
 * Locust master and its workers, JMeter servers and a controller): the processes to start, in
 * order, and the raw outputs they leave in the run folder.
 *
 * @param processes   started in this order; each waits for the one before it to be ready
 * @param outputs     the raw outputs to read, relative to the run folder, merged into one result
 * @param outputNames the process each output belongs to, in the order of {@code outputs}
 */
public record Distribution(List<Member> processes, List<String> outputs, List<String> outputNames) {
    public Distribution {
        processes = List.copyOf(processes);
        outputs = List.copyOf(outputs);
        outputNames = List.copyOf(outputNames);
        if (processes.isEmpty() || processes.stream().noneMatch(Member::awaited)) {
            throw new IllegalArgumentException("a distribution needs a process that the run waits for");
        }
        if (outputs.isEmpty() || outputs.size() != outputNames.size()) {
            throw new IllegalArgumentException("each output needs the name of its process (" + outputs.size() + " outputs, "
                    + outputNames.size() + " names)");
        }
    }

    /**
     * One process.
     *
     * @param name        its name in the run folder ({@code tool-<name>.log}) and in result.json's workers
     * @param arguments   after the tool's launcher
     * @param environment added to the run's environment
     * @param awaited     whether the run ends when it ends (k6's segments, Locust's master); the others
     *                    (Locust's workers, JMeter's servers) are stopped once the awaited ones are done
     * @param ready       what its console prints once it is ready for the next process to start, or null
     */
    public record Member(String name, List<String> arguments, Map<String, String> environment, boolean awaited, Pattern ready) {
        public Member {
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
        }
    }
}
