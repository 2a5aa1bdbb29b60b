package dev.clustersweep.tasks;

import java.util.List;

/**
 * One scheduler array of a submission: the task ids it runs, and the offset that turns them into
 * array indexes ({@code task id = array index + offset}, as in the submission records).
 */
public record ArraySlice(long offset, TaskList ids) {

    public ArraySlice {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("an array slice needs at least one task id");
        }
        if (offset < 0 || offset > ids.first()) {
            throw new IllegalArgumentException("offset " + offset + " would give negative array indexes");
        }
    }

    /** The array indexes, as ranges (Grid Engine: one {@code qsub -t a-b:s} per range). */
    public List<TaskRange> indexRanges() {
        return ids.ranges().stream().map(range -> range.shift(-offset)).toList();
    }

    /** The array indexes in the shortest form, e.g. for Slurm's {@code --array}. */
    public String indexes() {
        return Condenser.condense(indexRanges());
    }
}
