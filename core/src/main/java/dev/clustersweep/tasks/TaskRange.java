package dev.clustersweep.tasks;

/**
 * The ids {@code first, first+step, ..., last}: one item of a task list.
 *
 * <p>Normalised on construction so that equal id sets give equal records: {@code last} is moved
 * down to the last id actually hit, and a single id always has step 1. Values may be 0 because the
 * same type describes scheduler array indexes (Slurm counts from 0); task ids themselves start at 1
 * and {@link TaskList} enforces that.
 */
public record TaskRange(long first, long last, long step) {

    public TaskRange {
        if (first < 0) {
            throw new IllegalArgumentException("a range cannot start below 0, got " + first);
        }
        if (last < first) {
            throw new IllegalArgumentException("a range must go up, got " + first + "-" + last);
        }
        if (step < 1) {
            throw new IllegalArgumentException("a range's step must be at least 1, got " + step);
        }
        last = first + (last - first) / step * step;
        if (first == last) {
            step = 1;
        }
    }

    /** The range holding only {@code id}. */
    public static TaskRange of(long id) {
        return new TaskRange(id, id, 1);
    }

    /** The consecutive ids {@code first..last}. */
    public static TaskRange of(long first, long last) {
        return new TaskRange(first, last, 1);
    }

    /** How many ids the range holds. */
    public long size() {
        return (last - first) / step + 1;
    }

    public boolean contains(long id) {
        return id >= first && id <= last && (id - first) % step == 0;
    }

    /** The range moved by {@code delta} (negative to turn task ids into array indexes). */
    public TaskRange shift(long delta) {
        return new TaskRange(Math.addExact(first, delta), Math.addExact(last, delta), step);
    }

    /** The shortest item for this range alone: {@code 5}, {@code 1-3}, {@code 1-9:2}. */
    @Override
    public String toString() {
        if (first == last) {
            return Long.toString(first);
        }
        if (step == 1) {
            return first + "-" + last;
        }
        return first + "-" + last + ":" + step;
    }

    /**
     * Always {@code a-b:s}, even for one id ({@code 5-5:1}): the form Grid Engine's {@code qsub -t}
     * takes (one range per submission), and what onager writes.
     */
    public String toFullString() {
        return first + "-" + last + ":" + step;
    }
}
