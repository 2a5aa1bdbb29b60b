package dev.clustersweep.engine;

import dev.clustersweep.tasks.TaskList;
import java.io.Serializable;

/**
 * Where one run of a sweep is, as plain data: what a caller keeps between two turns of the
 * {@link SweepLoop} (a Jenkins step persists it in the build and re-arms it after a restart). The
 * sweep directory holds the rest, so nothing else needs saving.
 *
 * @param jobName the sweep
 * @param retries how many times tasks that ended unsuccessfully may be relaunched
 * @param firstSubmission the run's first submission: earlier ones belong to earlier runs
 * @param scope the tasks the run is about (a relaunch of a few), or null for the whole sweep
 * @param retriesUsed retries made so far
 * @param queued tasks someone asked to relaunch during the run, not relaunched yet, or null
 * @param lastLine the last progress line logged, so a line is logged only when it changes
 * @param intervalMillis the time to the next poll
 * @param failures scheduler failures in a row
 * @param done every task ended and no retry is left to make
 * @param maxResumes how many times a task that exits with {@code resumeCode} is relaunched (0: never);
 *     a state saved before resumes existed reads 0
 * @param resumeCode the exit code by which a task asks to be continued (cluster_utils' 3)
 * @param watchOnly following only ({@code sweep status --wait}): a search is not driven, nothing is
 *     launched by this run's turns but what was asked by hand
 */
public record RunState(String jobName, int retries, int firstSubmission, String scope, int retriesUsed,
        String queued, String lastLine, long intervalMillis, int failures, boolean done, int maxResumes,
        int resumeCode, boolean watchOnly) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A run that has just made its first submission. */
    public static RunState started(String jobName, int retries, int firstSubmission, TaskList scope,
            PollPolicy policy) {
        return new RunState(jobName, retries, firstSubmission, scope == null ? null : scope.toString(), 0, null, null,
                policy.initialMillis(), 0, false, 0, 0, false);
    }

    /** Following a whole sweep until it ends, launching nothing: {@code sweep status --wait}. */
    public static RunState watching(String jobName, PollPolicy policy) {
        RunState s = started(jobName, 0, 1, null, policy);
        return new RunState(s.jobName, 0, 1, null, 0, null, null, s.intervalMillis, 0, false, 0, 0, true);
    }

    /** Driving a whole sweep from what its directory holds: {@code sweep search --resume}. */
    public static RunState resuming(String jobName, PollPolicy policy) {
        return started(jobName, 0, 1, null, policy);
    }

    /** This state with a relaunch asked for (e.g. from the build page), done at the next turn. */
    public RunState withQueued(TaskList ids) {
        TaskList all = queued == null ? ids : TaskList.parse(queued).union(ids);
        return new RunState(jobName, retries, firstSubmission, scope, retriesUsed, all.toString(), lastLine,
                intervalMillis, failures, false, maxResumes, resumeCode, watchOnly);
    }

    /** This state with tasks that exit {@code code} relaunched up to {@code max} times ({@link SweepLoop#turn}). */
    public RunState withResumes(int max, int code) {
        return new RunState(jobName, retries, firstSubmission, scope, retriesUsed, queued, lastLine, intervalMillis,
                failures, done, max, code, watchOnly);
    }

    RunState next(String scope, int retriesUsed, String queued, String lastLine, long intervalMillis, int failures,
            boolean done) {
        return new RunState(jobName, retries, firstSubmission, scope, retriesUsed, queued, lastLine, intervalMillis,
                failures, done, maxResumes, resumeCode, watchOnly);
    }
}
