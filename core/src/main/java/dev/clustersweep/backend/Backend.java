package dev.clustersweep.backend;

import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * A place tasks run: Slurm, Grid Engine or this machine's cores. Every backend runs the same
 * wrapper scripts, so task states come from the same records; a backend only submits, answers
 * polls and cancels.
 */
public interface Backend {

    String name();

    /** What {@link #submit} would run, one shell-quoted line each, for {@code --dry-run}. */
    List<String> plan(SubmitRequest request) throws BackendException;

    /** Submits; returns the jobs the scheduler accepted. Throws without side effects it can avoid. */
    List<SchedulerJob> submit(SubmitRequest request) throws BackendException;

    /**
     * The engine wrote the record of a submission this object submitted. The local backend starts its
     * pool only now, so that no task runs without a record saying which submission holds it.
     */
    default void recorded(Submission submission) {
    }

    /** One query for all of these submissions' tasks. */
    SchedulerView poll(List<Submission> submissions) throws BackendException;

    /**
     * The engine's poll: {@code records} are the sweep's records that the engine reads after its polls
     * anyway, so a view that needs them too takes them from there instead of reading every status
     * file a second time. A backend whose view does not look at them polls as {@link #poll(List)}.
     */
    default SchedulerView poll(List<Submission> submissions, PollRecords records) throws BackendException {
        return poll(submissions);
    }

    /** Cancels these tasks of this submission (pending ones never start, running ones are stopped). */
    void cancel(Submission submission, TaskList tasks) throws BackendException;

    /**
     * Waits up to {@code millis} for tasks this process runs itself to stop (only the local backend
     * has any). True when there were such tasks still running to wait for.
     */
    default boolean awaitOwnTasks(long millis) throws InterruptedException {
        return false;
    }

    /** Scheduler commands run so far by this backend object. */
    default long schedulerCalls() {
        return 0;
    }
}
