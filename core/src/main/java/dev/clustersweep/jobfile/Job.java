package dev.clustersweep.jobfile;

/**
 * One entry of a jobfile: the task id, the shell command line it runs, and its tag ("" for none).
 */
public record Job(long id, String command, String tag) {
    public Job {
        if (id < 1) {
            throw new IllegalArgumentException("task ids start at 1, got " + id);
        }
        if (command == null || tag == null) {
            throw new IllegalArgumentException("command and tag must not be null");
        }
    }
}
