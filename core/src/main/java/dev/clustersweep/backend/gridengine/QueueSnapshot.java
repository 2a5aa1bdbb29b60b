package dev.clustersweep.backend.gridengine;

import dev.clustersweep.tasks.TaskList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code qstat -xml} listed: for each job id, its entries (a running task, a range of
 * pending ones, ...) with Grid Engine's state code ({@code qw}, {@code hqw}, {@code r}, {@code Eqw},
 * {@code dr}...).
 */
public record QueueSnapshot(Map<String, List<Entry>> jobs) {

    /** @param tasks the array task ids of the entry, or null for a job that is not an array */
    public record Entry(TaskList tasks, String state) {
    }

    public QueueSnapshot {
        jobs = Map.copyOf(jobs);
    }

    /** The state code of array task {@code index} of job {@code jobId}, or null when qstat did not list it. */
    public String state(String jobId, long index) {
        for (Entry entry : jobs.getOrDefault(jobId, List.of())) {
            if (entry.tasks() == null || entry.tasks().contains(index)) {
                return entry.state();
            }
        }
        return null;
    }
}
