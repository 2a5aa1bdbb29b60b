package dev.clustersweep.sweep;

import dev.clustersweep.tasks.TaskList;

/**
 * A cancel the engine asked for. A pending element a scheduler cancels vanishes without a trace, so
 * this record is what lets such a task show CANCELLED instead of LOST.
 */
public record Cancellation(int submission, TaskList tasks, long requestedAtMillis) {
}
