package dev.clustersweep.backend;

import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.sweep.Submission;

/** What one poll of the scheduler said about the sweep's tasks. */
@FunctionalInterface
public interface SchedulerView {
    SchedulerTask lookup(Submission submission, long taskId);
}
