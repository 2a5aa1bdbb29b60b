package dev.clustersweep.backend;

import dev.clustersweep.state.AttemptRecord;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.tasks.TaskRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The array elements of one job that a cancel stops, as the task ids (group lines when packed) that
 * they run, and whether they are all of the job's elements. An element's array index is its id minus
 * the job's offset; indexes come as ranges, not as a task list, since a Slurm array's first index is 0
 * and task ids start at 1.
 *
 * <p>A scheduler stops only whole elements, so a packed element is stopped only when each of its
 * tasks is selected or has ended in this submission. When a selected task shares its element with
 * tasks that go on, nothing is selected at all: {@link #select} throws before any scheduler command,
 * so a refused cancel changes nothing (docs/backends.md, Packing).
 */
public record CancelElements(SchedulerJob job, TaskList ids, boolean wholeJob) {

    /** The latest attempts by task id; read only when a packed job is cancelled in part. */
    @FunctionalInterface
    public interface Attempts {
        Map<Long, AttemptRecord> read() throws BackendException;
    }

    /** The elements to stop, job by job in the submission's order; jobs with nothing to stop are left out. */
    public static List<CancelElements> select(Submission submission, TaskList tasks, GroupIndex.Indexes indexes,
            Attempts attempts) throws BackendException {
        List<CancelElements> selected = new ArrayList<>();
        TaskList.Builder kept = TaskList.builder();
        Map<Long, AttemptRecord> known = null;
        for (SchedulerJob job : submission.jobs()) {
            TaskList part = job.tasks().intersect(tasks);
            if (part.isEmpty()) {
                continue;
            }
            if (job.groupSize() <= 1) {
                selected.add(new CancelElements(job, part, part.equals(job.tasks())));
                continue;
            }
            GroupIndex groups = indexes.groups(submission, job.groupSize());
            long firstLine = groups.lineOf(job.tasks().first());
            long lastLine = groups.lineOf(job.tasks().last()); // a job holds consecutive lines
            TaskList lines;
            if (part.equals(job.tasks())) {
                lines = TaskList.range(firstLine, lastLine); // every element goes: which tasks ended does not matter
            } else {
                if (known == null) {
                    known = attempts.read();
                }
                Map<Long, AttemptRecord> ended = known;
                lines = groups.cancellableLines(part, id -> PollRecords.endedIn(ended, submission, id), kept);
                if (lines.isEmpty()) {
                    continue;
                }
            }
            selected.add(new CancelElements(job, lines, lines.size() == lastLine - firstLine + 1));
        }
        TaskList notCancelled = kept.build();
        if (!notCancelled.isEmpty()) {
            throw GroupIndex.partialElements(notCancelled);
        }
        return selected;
    }

    /** The array index of one of these ids. */
    public long indexOf(long id) {
        return id - job.offset();
    }

    /** These ids (or some of them) as ranges of array indexes. */
    public List<TaskRange> indexRanges(TaskList some) {
        return some.ranges().stream().map(r -> r.shift(-job.offset())).toList();
    }
}
