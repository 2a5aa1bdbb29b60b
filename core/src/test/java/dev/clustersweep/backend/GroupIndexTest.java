package dev.clustersweep.backend;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.sweep.Launcher;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.Test;

/** The one implementation of packed groups both cluster backends use. */
public class GroupIndexTest {

    @Test
    public void groupLinesFollowTheSubmissionOrder() {
        GroupIndex g = new GroupIndex(TaskList.parse("2-6,10,20-30:5"), 3);
        assertEquals(1, g.lineOf(2));
        assertEquals(1, g.lineOf(4));
        assertEquals(2, g.lineOf(5));
        assertEquals(2, g.lineOf(10));
        assertEquals(3, g.lineOf(20));
        assertEquals(3, g.lineOf(30));
        assertEquals(-1, g.lineOf(7));
        assertEquals(3, g.lines());
    }

    @Test
    public void groupsLinesAndTasksOfLinesAgree() {
        for (String text : List.of("1-50,60-200:7,1000-1010", "5", "1-8", "3,9,27,81")) {
            TaskList tasks = TaskList.parse(text);
            for (int size = 1; size <= 5; size++) {
                GroupIndex index = new GroupIndex(tasks, size);
                List<TaskList> chunks = tasks.chunks(size); // the cut the groups file always had
                List<long[]> groups = new ArrayList<>();
                index.groups().forEachRemaining(groups::add);
                assertEquals(chunks.size(), groups.size());
                assertEquals(chunks.size(), index.lines());
                for (int line = 1; line <= chunks.size(); line++) {
                    TaskList chunk = chunks.get(line - 1);
                    assertArrayEquals(chunk.stream().toArray(), groups.get(line - 1));
                    assertEquals(chunk, index.tasksOfLines(line, line));
                    for (long id : chunk) {
                        assertEquals(line, index.lineOf(id));
                    }
                }
                assertEquals(tasks, index.tasksOfLines(1, index.lines()));
                if (chunks.size() >= 3) {
                    assertEquals(TaskList.unionAll(chunks.subList(1, 3)), index.tasksOfLines(2, 3));
                }
            }
        }
    }

    @Test
    public void aGroupIsCancellableOnlyWhenEveryTaskIsSelectedOrEnded() {
        GroupIndex g = new GroupIndex(TaskList.range(1, 7), 2); // 1 2 | 3 4 | 5 6 | 7
        TaskList.Builder kept = TaskList.builder();
        TaskList lines = g.cancellableLines(TaskList.parse("1,3-4,5,7"), id -> id == 6, kept);
        assertEquals(TaskList.parse("2-4"), lines);
        assertEquals(TaskList.of(1), kept.build());
        Iterator<long[]> none = new GroupIndex(TaskList.empty(), 3).groups();
        assertTrue(!none.hasNext());
    }

    @Test
    public void arrayIndexesOfPlainAndPackedJobs() {
        GroupIndex.Indexes indexes = new GroupIndex.Indexes();
        Submission plain = submission(1, TaskList.range(1, 10), List.of(
                new SchedulerJob("7", TaskList.range(1, 5), 0, 1), new SchedulerJob("8", TaskList.range(6, 10), 5, 1)));
        assertEquals(3, indexes.of(plain, plain.jobs().get(0), 3));
        assertEquals(2, indexes.of(plain, plain.jobs().get(1), 7));
        assertEquals(-1, indexes.of(plain, plain.jobs().get(0), 7));
        // lines 1-3 in job 9 (offset 0), lines 4-5 in job 10 (offset 3): indexes 1-3 and 1-2
        Submission packed = submission(2, TaskList.range(1, 9), List.of(
                new SchedulerJob("9", TaskList.range(1, 6), 0, 2), new SchedulerJob("10", TaskList.range(7, 9), 3, 2)));
        assertEquals(1, indexes.of(packed, packed.jobs().get(0), 2));
        assertEquals(3, indexes.of(packed, packed.jobs().get(0), 6));
        assertEquals(1, indexes.of(packed, packed.jobs().get(1), 7));
        assertEquals(2, indexes.of(packed, packed.jobs().get(1), 9));
        assertEquals(-1, indexes.of(packed, packed.jobs().get(1), 12));
    }

    private static Submission submission(int number, TaskList tasks, List<SchedulerJob> jobs) {
        return new Submission(number, "slurm", 0, tasks, Launcher.current(), jobs);
    }
}
