package dev.clustersweep.backend;

import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * One array job of a submission's plan, before the scheduler has seen it: the submit command (an
 * sbatch or qsub argument list) and what the job will hold, so that the accepted job is recorded
 * from the plan, never by reading the command back.
 *
 * @param tasks the task ids the job runs
 * @param offset task id (or group line when packed) minus array index
 * @param groupSize tasks per array element, 1 when not packed
 * @param elements the array elements the job asks the scheduler for: tasks, or group lines when packed
 */
public record PlannedArray(List<String> command, TaskList tasks, long offset, int groupSize, long elements) {

    public PlannedArray {
        command = List.copyOf(command);
    }

    /** The job to record once the scheduler accepted this plan under {@code jobId}. */
    public SchedulerJob accepted(String jobId) {
        return new SchedulerJob(jobId, tasks, offset, groupSize);
    }
}
