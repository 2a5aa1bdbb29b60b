package dev.clustersweep.state;

/**
 * What a backend's scheduler says of one task of one submission at one poll.
 *
 * @param kind what the scheduler knows
 * @param endedAs for {@link Kind#ENDED}: the state its accounting gives (TIMEOUT, CANCELLED, FAILED...)
 * @param exitCode for {@link Kind#ENDED}: the exit code from accounting, if known
 * @param reason for {@link Kind#ERROR} and {@link Kind#ENDED}: the scheduler's words, if any
 */
public record SchedulerTask(Kind kind, TaskState endedAs, Integer exitCode, String reason) {

    public enum Kind {
        /** Queued, not started. */
        PENDING,
        /** Started. */
        RUNNING,
        /** The scheduler cannot start it (Grid Engine Eqw). */
        ERROR,
        /** Gone from the queue; accounting says how it ended. */
        ENDED,
        /** The scheduler does not know it (any more). */
        UNKNOWN
    }

    public static final SchedulerTask PENDING = new SchedulerTask(Kind.PENDING, null, null, null);
    public static final SchedulerTask RUNNING = new SchedulerTask(Kind.RUNNING, null, null, null);
    public static final SchedulerTask UNKNOWN = new SchedulerTask(Kind.UNKNOWN, null, null, null);

    public static SchedulerTask error(String reason) {
        return new SchedulerTask(Kind.ERROR, null, null, reason);
    }

    public static SchedulerTask ended(TaskState state, Integer exitCode, String reason) {
        return new SchedulerTask(Kind.ENDED, state, exitCode, reason);
    }
}
