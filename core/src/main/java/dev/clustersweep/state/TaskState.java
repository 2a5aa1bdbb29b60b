package dev.clustersweep.state;

/**
 * The state of one task, the same for every backend, the command line and the Jenkins page.
 */
public enum TaskState {
    /** Submitted, waiting for the scheduler to start it. */
    PENDING,
    /** Started by its wrapper, no end record yet. */
    RUNNING,
    /** Ended with exit code 0. */
    SUCCEEDED,
    /** Ended with a non-zero exit code. */
    FAILED,
    /** Ended by its time limit. */
    TIMEOUT,
    /** Ended by a cancel (sweep cancel, scancel, qdel, Ctrl-C of the launcher). */
    CANCELLED,
    /** The scheduler no longer knows the task and it left no end record. */
    LOST,
    /** The scheduler could not start it (Grid Engine's Eqw, a failed submission of the element). */
    ERROR;

    public boolean isActive() {
        return this == PENDING || this == RUNNING;
    }

    public boolean isTerminal() {
        return !isActive();
    }

    /** The states that {@code --failed} relaunches. */
    public boolean isUnsuccessful() {
        return this != SUCCEEDED && isTerminal();
    }
}
