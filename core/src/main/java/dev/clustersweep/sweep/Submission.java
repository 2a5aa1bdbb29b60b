package dev.clustersweep.sweep;

import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * One launch or relaunch of a set of tasks: written only after the scheduler accepted it.
 *
 * @param number from 1, in submission order
 * @param submittedAtMillis when the scheduler accepted it
 */
public record Submission(int number, String backend, long submittedAtMillis, TaskList tasks, Launcher launcher,
        List<SchedulerJob> jobs) {

    public Submission {
        jobs = jobs == null ? null : List.copyOf(jobs); // null only from a damaged record, which is refused
    }

    /** The scheduler job that runs a task of this submission, or null. */
    public SchedulerJob jobOf(long taskId) {
        for (SchedulerJob job : jobs) {
            if (job.tasks().contains(taskId)) {
                return job;
            }
        }
        return null;
    }
}
