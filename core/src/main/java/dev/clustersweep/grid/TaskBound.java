package dev.clustersweep.grid;

import dev.clustersweep.BadInputException;

/**
 * The most tasks one sweep may have. Without a bound a typo (one more +arg of 100 values) writes
 * gigabytes of jobs.json before anyone notices: 10^12 tasks wrote 10 GB in a minute. A million is
 * far above what schedulers run as one sweep (Slurm's default MaxArraySize is 1001) and still a
 * jobfile of about 100 MB; {@code SWEEP_MAX_TASKS} raises or lowers it.
 */
public record TaskBound(long max, String source) {

    public static final long DEFAULT = 1_000_000;
    public static final String VARIABLE = "SWEEP_MAX_TASKS";

    /** The bound in force: {@code SWEEP_MAX_TASKS} when set, else {@link #DEFAULT}. */
    public static TaskBound current() {
        String text = System.getenv(VARIABLE);
        if (text == null || text.isEmpty()) {
            return new TaskBound(DEFAULT, "the default");
        }
        try {
            long max = Long.parseLong(text.trim());
            if (max >= 1) {
                return new TaskBound(max, VARIABLE);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadInputException("bad " + VARIABLE + " '" + text + "': expected a whole number of tasks, 1 or more");
    }

    /** Refuses a jobfile of {@code tasks} tasks when it is over the bound. */
    public void check(long tasks) {
        if (tasks > max) {
            throw new BadInputException("the grid has " + tasks + " tasks, more than " + max + " (" + source
                    + "): expected a smaller grid, or " + VARIABLE + "=N for a larger bound");
        }
    }
}
