package dev.clustersweep.state;

/**
 * Derives a task's state from what the scheduler said and what the wrapper recorded, in the order
 * docs/layout.md gives. The scheduler is asked before the records are read, so a task that ends in
 * between is seen with its end record.
 */
public final class StateRules {

    private StateRules() {
    }

    /**
     * @param taskId the task
     * @param submission the latest submission holding the task
     * @param scheduler what the scheduler says of it
     * @param latest the task's latest attempt record (any submission), or null
     * @param cancelRequested whether a cancel of this task in this submission was recorded
     */
    public static TaskStatus derive(long taskId, int submission, SchedulerTask scheduler, AttemptRecord latest,
            boolean cancelRequested) {
        int attempts = latest == null ? 0 : latest.attempt();
        AttemptRecord current = latest != null && latest.submission() == submission ? latest : null;
        if (current != null && current.ended()) {
            return of(taskId, current.endState(), current.exitCode(), attempts, current, submission, null);
        }
        switch (scheduler.kind()) {
            case ERROR:
                return of(taskId, TaskState.ERROR, null, attempts, current, submission, scheduler.reason());
            case RUNNING:
                return of(taskId, TaskState.RUNNING, null, attempts, current, submission, null);
            case PENDING:
                // A start record means the wrapper runs even if the scheduler's view lags behind.
                return of(taskId, current != null ? TaskState.RUNNING : TaskState.PENDING, null, attempts, current,
                        submission, null);
            case ENDED:
                // Held in an error state and never started (Grid Engine's Eqw), then cancelled: the
                // accounting's failed start is not how it ended.
                if (cancelRequested && scheduler.endedAs() == TaskState.ERROR && current == null) {
                    return of(taskId, TaskState.CANCELLED, null, attempts, null, submission, scheduler.reason());
                }
                return of(taskId, scheduler.endedAs(), scheduler.exitCode(), attempts, current, submission,
                        scheduler.reason());
            case UNKNOWN:
            default:
                if (cancelRequested) {
                    return of(taskId, TaskState.CANCELLED, null, attempts, current, submission, null);
                }
                // Said on the page and by status, so a LOST row tells what is known of it.
                return of(taskId, TaskState.LOST, null, attempts, current, submission, current != null
                        ? "started, no end record, and the scheduler no longer knows it"
                        : "never started, and the scheduler no longer knows it");
        }
    }

    private static TaskStatus of(long id, TaskState state, Integer exit, int attempts, AttemptRecord current,
            int submission, String detail) {
        if (current == null) {
            return new TaskStatus(id, state, exit, attempts, 0, submission, null, null, null, detail);
        }
        return new TaskStatus(id, state, exit, attempts, current.attempt(), submission, current.host(),
                current.start(), current.end(), detail);
    }
}
