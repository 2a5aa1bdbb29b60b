package dev.clustersweep.backend;

import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.tasks.TaskRange;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The groups of a packed submission ({@code --tasks-per-node}, docs/layout.md): the submission's
 * tasks, in id order, cut into groups of {@code groupSize}; group {@code i} is line {@code i} (from 1)
 * of groups/NNNNNN.txt. Every backend writes the file from {@link #groups()} and finds a task's line
 * from the submission record alone, without reading the file back: memory is a few longs per range
 * of the task list, not per task.
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

    /** The task ids on lines {@code firstLine..lastLine} (from 1), as a task list. */
    public TaskList tasksOfLines(long firstLine, long lastLine) {
        long from = Math.max(0, (firstLine - 1) * groupSize); // ranks, from 0, end exclusive
        long to = Math.min(tasks.size(), lastLine * groupSize);
        TaskList.Builder out = TaskList.builder();
        List<TaskRange> ranges = tasks.ranges();
        for (int i = 0; i < ranges.size() && from < to; i++) {
            TaskRange r = ranges.get(i);
            long start = ranksBefore[i];
            long end = start + r.size();
            if (end <= from) {
                continue;
            }
            if (start >= to) {
                break;
            }
            long a = Math.max(from, start) - start;
            long b = Math.min(to, end) - start - 1;
            out.add(new TaskRange(r.first() + a * r.step(), r.first() + b * r.step(), r.step()));
        }
        return out.build();
    }

    /** The groups in line order, one array of ids each, streamed (for {@code GroupFile.write}). */
    public Iterator<long[]> groups() {
        var ids = tasks.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public long[] next() {
                if (!ids.hasNext()) {
                    throw new NoSuchElementException();
                }
                long[] group = new long[groupSize];
                int n = 0;
                while (n < groupSize && ids.hasNext()) {
                    group[n++] = ids.nextLong();
                }
                return n == groupSize ? group : Arrays.copyOf(group, n);
            }
        };
    }

    /**
     * The lines of a packed job that a cancel of {@code selected} may stop: every task of such a line
     * is selected or {@code ended}. The selected tasks of the other lines (their element still runs
     * tasks that were not selected) go to {@code kept}. Only the lines of selected tasks are looked at.
     */
    public TaskList cancellableLines(TaskList selected, LongPredicate ended, TaskList.Builder kept) {
        TaskList.Builder lines = TaskList.builder();
        long previous = -1;
        var ids = selected.iterator();
        while (ids.hasNext()) {
            long line = lineOf(ids.nextLong());
            if (line < 0 || line == previous) {
                continue; // lines grow with ids: a line's selected tasks come together
            }
            previous = line;
            TaskList group = tasksOfLines(line, line);
            boolean whole = group.stream().allMatch(id -> selected.contains(id) || ended.test(id));
            if (whole) {
                lines.add(line);
            } else {
                kept.addAll(group.intersect(selected));
            }
        }
        return lines.build();
    }

    /** The refusal of a cancel that would have stopped the {@code kept} tasks' elements only in part. */
    public static BackendException partialElements(TaskList kept) {
        return new BackendException("tasks " + kept + " were not cancelled: each shares its array element"
                + " (--tasks-per-node) with tasks that were not selected and have not ended, and the scheduler can"
                + " only stop a whole element; nothing was cancelled: select the element's other tasks too");
    }

    /**
     * Array indexes of tasks, for one backend object: a packed submission's GroupIndex is built once
     * (records never change once written) and kept by submission number.
     */
    public static final class Indexes {
        private final Map<Integer, GroupIndex> bySubmission = new ConcurrentHashMap<>();

        /** The index (task id or group line, minus the job's offset) of a task, or -1 when the job does not hold it. */
        public long of(Submission submission, SchedulerJob job, long taskId) {
            if (job.groupSize() <= 1) {
                return job.tasks().contains(taskId) ? taskId - job.offset() : -1;
            }
            long line = groups(submission, job.groupSize()).lineOf(taskId);
            return line < 0 ? -1 : line - job.offset();
        }

        /** The groups of a packed submission. */
        public GroupIndex groups(Submission submission, int groupSize) {
            GroupIndex g = bySubmission.get(submission.number());
            if (g == null || g.groupSize != groupSize || !g.tasks.equals(submission.tasks())) {
                g = new GroupIndex(submission.tasks(), groupSize);
                bySubmission.put(submission.number(), g);
            }
            return g;
        }
    }
}
