package dev.clustersweep.sweep;

import dev.clustersweep.tasks.TaskList;

/**
 * One job (usually an array) the scheduler accepted for a submission.
 *
 * @param jobId the scheduler's id ("12345" for Slurm and Grid Engine, "local" for the local backend)
 * @param tasks the task ids this job runs
 * @param offset task id = array index + offset
 * @param groupSize 1, or the number of tasks each array element runs through multiwrapper.sh
 */
public record SchedulerJob(String jobId, TaskList tasks, long offset, int groupSize) {
}
