package dev.clustersweep.backend;

import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;

/** Submit these tasks of this sweep as submission number {@code submission}. */
public record SubmitRequest(SweepDirectory dir, int submission, TaskList tasks, LaunchOptions options) {
}
