package dev.clustersweep.results;

import dev.clustersweep.state.TaskState;
import java.util.Map;

/**
 * One launched task as results show it: its parameters, its state, and what the attempt its state
 * is about reported (an earlier attempt's values belong to another run and are not mixed in).
 *
 * @param attempt the attempt the state and metrics are about, 0 when none started in its latest submission
 * @param exitCode the attempt's exit code, or null while it runs or when it left none
 */
public record TaskResult(long id, Map<String, String> parameters, TaskState state, Integer exitCode, int attempt,
        AttemptMetrics metrics) {

    /** The final value of {@code metric}, or null when the attempt did not report it. */
    public Double value(String metric) {
        return metrics.finals().get(metric);
    }

    public boolean succeeded() {
        return state == TaskState.SUCCEEDED;
    }
}
