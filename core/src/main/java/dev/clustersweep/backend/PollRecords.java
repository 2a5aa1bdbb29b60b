package dev.clustersweep.backend;

import dev.clustersweep.state.AttemptRecord;
import dev.clustersweep.sweep.Cancellation;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepRecords;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sweep's own records as one poll sees them: each task's latest attempt and the cancels asked,
 * each read at most once, when first needed. The engine reads both after the polls to derive every
 * state, and a cluster backend's view needs the same ones for tasks that left the queue; sharing one
 * object is what keeps a poll from reading every status file twice. Both see the same read, too, so
 * the view never goes by an end record that the engine's states do not have yet.
 */
public final class PollRecords {

    private final Supplier<Map<Long, AttemptRecord>> readAttempts;
    private final Supplier<List<Cancellation>> readCancellations;
    private Map<Long, AttemptRecord> attempts;
    private List<Cancellation> cancellations;

    public PollRecords(Supplier<Map<Long, AttemptRecord>> readAttempts,
            Supplier<List<Cancellation>> readCancellations) {
        this.readAttempts = readAttempts;
        this.readCancellations = readCancellations;
    }

    /** Each task's latest attempt, by task id. */
    public synchronized Map<Long, AttemptRecord> attempts() {
        if (attempts == null) {
            attempts = readAttempts.get();
        }
        return attempts;
    }

    public synchronized List<Cancellation> cancellations() {
        if (cancellations == null) {
            cancellations = readCancellations.get();
        }
        return cancellations;
    }

    /** The task's latest attempt is of this submission and has ended: its end record decides, not the scheduler. */
    public boolean ended(Submission submission, long taskId) {
        return endedIn(attempts(), submission, taskId);
    }

    /** A cancel of this task in this submission was recorded. */
    public boolean cancelRequested(Submission submission, long taskId) {
        return SweepRecords.cancelRequested(cancellations(), submission.number(), taskId);
    }

    static boolean endedIn(Map<Long, AttemptRecord> attempts, Submission submission, long taskId) {
        AttemptRecord latest = attempts.get(taskId);
        return latest != null && latest.submission() == submission.number() && latest.ended();
    }
}
