package dev.clustersweep.page;

import dev.clustersweep.state.TaskState;
import java.util.List;

/**
 * One row of the task table. Text is plain (the view escapes it); absent values are null.
 *
 * @param tag the task's tag from jobs.json ("" when the sweep has none, null when jobs.json no
 *     longer holds the task)
 * @param attempts attempts started so far over all submissions; {@code logs} has two links for each
 * @param attempt the attempt the state, host and duration are about; 0 when none has started in
 *     the current submission (a relaunched task still pending)
 * @param durationSeconds how long that attempt ran, or runs so far
 * @param duration the same, for people: {@code 1m 05s}
 * @param detail the scheduler's reason for an ERROR or an ending it reported
 */
public record TaskRow(long id, String tag, TaskState state, Integer exitCode, int attempts, int attempt,
        int submission, String host, Long durationSeconds, String duration, String detail, List<LogLink> logs) {

    public TaskRow {
        logs = List.copyOf(logs);
    }
}
