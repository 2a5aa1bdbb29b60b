package dev.clustersweep.validation;

import dev.clustersweep.BadInputException;

/**
 * A whole-number form field with its bounds and the value a blank field means. The bounds are
 * generous sanity limits (a typo of 40000 CPUs is caught here rather than by a scheduler's
 * rejection); the scheduler still applies its own.
 *
 * @param field the field's name in messages, as on the command line ({@code --cpus})
 */
public record WholeNumber(String field, long min, long max, long fallback) {

    public static final WholeNumber CPUS = new WholeNumber("--cpus", 1, 4096, 1);
    public static final WholeNumber GPUS = new WholeNumber("--gpus", 0, 256, 0);
    /** 0: the backend's default (local: cores / cpus). */
    public static final WholeNumber MAX_TASKS = new WholeNumber("--max-tasks", 0, 1_000_000, 0);
    public static final WholeNumber TASKS_PER_NODE = new WholeNumber("--tasks-per-node", 1, 4096, 1);
    /** 0: all of an element's packed tasks at once. */
    public static final WholeNumber MAX_TASKS_PER_NODE = new WholeNumber("--max-tasks-per-node", 0, 4096, 0);
    public static final WholeNumber KILL_GRACE = new WholeNumber("--kill-grace", 1, 3600, 10);
    public static final WholeNumber SIGNAL_BEFORE = new WholeNumber("--signal-before", 0, 86_400, 0);
    /** Seconds between two status polls of a waiting build. */

    /**
     * The number in {@code text}; blank is the fallback.
     *
     * @throws BadInputException like {@code bad --cpus 'x': expected a whole number from 1 to 4096}
     */
    public long parse(String text) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip();
        if (!t.matches("\\d{1,18}")) {
            throw bad(text);
        }
        long value = Long.parseLong(t);
        if (value < min || value > max) {
            throw bad(text);
        }
        return value;
    }

    public int parseInt(String text) {
        return Math.toIntExact(parse(text));
    }

    /** The field check: OK with the default when blank, ERROR naming the value and the bounds. */
    public FieldCheck check(String text) {
        if (text == null || text.isBlank()) {
            return FieldCheck.ok("number.default", fallback);
        }
        String t = text.strip();
        if (!t.matches("[-+]?\\d+")) { // a negative number is a whole number out of range, not "not a number"
            return FieldCheck.error("number.notWhole", ValuesText.shorten(t), min, max);
        }
        try {
            parse(t);
        } catch (BadInputException e) {
            return FieldCheck.error("number.range", ValuesText.shorten(t), min, max);
        }
        return FieldCheck.OK;
    }

    private BadInputException bad(String text) {
        return new BadInputException("bad " + field + " '" + text + "': expected a whole number from " + min + " to "
                + max);
    }
}
