package dev.clustersweep.state;

/**
 * What the wrapper recorded of one attempt of one task: the start record and, once the attempt
 * ended, the end record ({@code exitCode}, {@code end} and {@code reason} are null until then).
 */
public record AttemptRecord(long taskId, int attempt, int submission, String job, String host, long pid,
        long start, Integer exitCode, Long end, EndReason reason) {

    public boolean ended() {
        return exitCode != null;
    }

    /** The state this record alone proves, or null while the attempt has not ended. */
    public TaskState endState() {
        if (!ended()) {
            return null;
        }
        return switch (reason) {
            case TIMEOUT -> TaskState.TIMEOUT;
            case CANCELLED -> TaskState.CANCELLED;
            case EXIT -> exitCode == 0 ? TaskState.SUCCEEDED : TaskState.FAILED;
        };
    }
}
