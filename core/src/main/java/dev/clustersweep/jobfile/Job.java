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

    /** A jobfile key as a task id: a positive decimal number, else 0. */
    public static long parseId(String key) {
        boolean digits = !key.isEmpty() && key.length() <= 18;
        for (int i = 0; i < key.length() && digits; i++) {
            digits = key.charAt(i) >= '0' && key.charAt(i) <= '9';
        }
        return digits ? Long.parseLong(key) : 0;
    }
}
