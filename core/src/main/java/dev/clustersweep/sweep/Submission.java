package dev.clustersweep.sweep;

import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * One launch or relaunch of a set of tasks: written only after the scheduler accepted it.
 *
 * @param number from 1, in submission order
 * @param submittedAtMillis when the scheduler accepted it
 * @param cause why the loop made it on its own, or null for a launch someone asked for (records
 *     written before causes were kept read null too)
 * @param part the part of the sweep whose tasks these are ({@code model=large}, as settings' parts
 *     name it), or null for the sweep's own settings (and in records written before parts existed)
 */
public record Submission(int number, String backend, long submittedAtMillis, TaskList tasks, Launcher launcher,
        List<SchedulerJob> jobs, Cause cause, String part) {

    /** Why a run's loop submitted tasks again by itself: what {@code sweep status} counts. */
    public enum Cause {
        /** Tasks that ended unsuccessfully, relaunched while retries were left. */
        RETRY,
        /** Tasks that asked to be continued (the resume code) or lost their node: resumes. */
        RESUME,
        /** Tasks asked for on the build page during the run. */
        RELAUNCH,
        /** Local tasks whose pool's process ended before they started. */
        ORPHANS;

        /** A cause this version does not know (a later one wrote it) reads as none, not as a damaged record. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Cause named(String name) {
            for (Cause c : values()) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    public Submission {
        jobs = jobs == null ? null : List.copyOf(jobs); // null only from a damaged record, which is refused
    }

    /** A launch someone asked for. */
    public Submission(int number, String backend, long submittedAtMillis, TaskList tasks, Launcher launcher,
            List<SchedulerJob> jobs) {
        this(number, backend, submittedAtMillis, tasks, launcher, jobs, null, null);
    }

    /** A submission of the sweep's own settings, not of a part. */
    public Submission(int number, String backend, long submittedAtMillis, TaskList tasks, Launcher launcher,
            List<SchedulerJob> jobs, Cause cause) {
        this(number, backend, submittedAtMillis, tasks, launcher, jobs, cause, null);
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
