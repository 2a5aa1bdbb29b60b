package dev.clustersweep.state;

/**
 * The state of one task as the engine derived it, with what the page and the command line show.
 *
 * @param attempts how many attempts of this task have started so far (over all submissions)
 * @param attempt the attempt the state is about (0 when none started in the current submission)
 * @param detail the scheduler's reason for ERROR or an ending it reported, else null
 */
public record TaskStatus(long id, TaskState state, Integer exitCode, int attempts, int attempt, int submission,
        String host, Long start, Long end, String detail) {

    /** Seconds the attempt ran, or null when it has not started. */
    public Long durationSeconds(long now) {
        if (start == null) {
            return null;
        }
        return Math.max(0, (end != null ? end : now) - start);
    }
}
