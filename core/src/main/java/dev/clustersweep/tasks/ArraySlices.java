package dev.clustersweep.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a task list into scheduler arrays whose indexes stay within the scheduler's limit, e.g. Slurm's
 * MaxArraySize (indexes 0..MaxArraySize-1) or Grid Engine's (indexes from 1).
 *
 * <p>Each array covers a window of {@code maxIndex - minIndex + 1} consecutive ids. Windows are
 * placed greedily from the smallest id not yet covered, which gives the fewest arrays (the classic
 * interval cover argument), and the window's first id gets index {@code minIndex}, so indexes start
 * low. One exception keeps small sweeps readable: when the first array can use offset 0 (index = task
 * id) without needing more arrays in total, it does.
 */
public final class ArraySlices {

    private ArraySlices() {
    }

    /** Slurm: indexes 0..{@code maxArraySize - 1} (MaxArraySize from {@code scontrol show config}). */
    public static List<ArraySlice> forSlurm(TaskList ids, long maxArraySize) {
        if (maxArraySize < 1) {
            throw new IllegalArgumentException("MaxArraySize must be at least 1, got " + maxArraySize);
        }
        return split(ids, 0, maxArraySize - 1);
    }

    /**
     * The arrays, in increasing order of ids, that hold {@code ids} with every index in
     * {@code minIndex..maxIndex}. Empty for an empty list.
     */
    public static List<ArraySlice> split(TaskList ids, long minIndex, long maxIndex) {
        if (minIndex < 0 || maxIndex < minIndex) {
            throw new IllegalArgumentException("bad index bounds " + minIndex + ".." + maxIndex);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ArraySlice> greedy = slices(ids, ids.first(), minIndex, maxIndex);
        if (ids.first() >= minIndex && ids.first() <= maxIndex && greedy.get(0).offset() != 0) {
            // Try the first window at offset 0, that is ids minIndex..maxIndex.
            List<ArraySlice> plain = new ArrayList<>();
            plain.add(new ArraySlice(0, ids.between(minIndex, maxIndex)));
            long next = ids.nextAfter(maxIndex);
            if (next >= 0) {
                plain.addAll(slices(ids, next, minIndex, maxIndex));
            }
            if (plain.size() <= greedy.size()) {
                return plain;
            }
        }
        return greedy;
    }

    private static List<ArraySlice> slices(TaskList ids, long from, long minIndex, long maxIndex) {
        long width = maxIndex - minIndex;
        List<ArraySlice> slices = new ArrayList<>();
        long start = from;
        while (start >= 0) {
            long end = start > Long.MAX_VALUE - width ? Long.MAX_VALUE : start + width;
            slices.add(new ArraySlice(start - minIndex, ids.between(start, end)));
            start = end == Long.MAX_VALUE ? -1 : ids.nextAfter(end);
        }
        return slices;
    }
}
