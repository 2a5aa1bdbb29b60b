package dev.clustersweep.backend.slurm;

import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.tasks.TaskRange;
import java.util.Arrays;
import java.util.List;

/**
 * Which line of groups/NNNNNN.txt holds a task of a packed submission: the submission's tasks, in
 * order, cut into groups of {@code groupSize} (exactly how {@link SlurmBackend} writes the file), so
 * the line follows from the submission record without reading the file.
 */
public final class GroupIndex {

    private final TaskList tasks;
    private final long[] firsts;
    private final long[] ranksBefore;
    private final int groupSize;

    public GroupIndex(TaskList tasks, int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("group size must be at least 1, got " + groupSize);
        }
        this.tasks = tasks;
        this.groupSize = groupSize;
        List<TaskRange> ranges = tasks.ranges();
        firsts = new long[ranges.size()];
        ranksBefore = new long[ranges.size()];
        long rank = 0;
        for (int i = 0; i < ranges.size(); i++) {
            firsts[i] = ranges.get(i).first();
            ranksBefore[i] = rank;
            rank += ranges.get(i).size();
        }
    }

    /** The line (from 1) of {@code taskId}, or -1 when the submission does not hold it. */
    public long lineOf(long taskId) {
        if (!tasks.contains(taskId)) {
            return -1;
        }
        int i = Arrays.binarySearch(firsts, taskId);
        if (i < 0) {
            i = -i - 2;
        }
        TaskRange range = tasks.ranges().get(i);
        long rank = ranksBefore[i] + (taskId - range.first()) / range.step();
        return rank / groupSize + 1;
    }

    /** The number of lines. */
    public long lines() {
        return (tasks.size() + groupSize - 1) / groupSize;
    }
}
