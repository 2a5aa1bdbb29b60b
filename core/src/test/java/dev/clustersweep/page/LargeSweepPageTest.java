package dev.clustersweep.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.jobfile.JobFileIndex;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A 100,000-task sweep: page 500 is right, and reading its tags does not read the whole jobfile
 * again. Times are printed, not asserted (machines differ); see the report in the commit.
 */
public class LargeSweepPageTest {

    private static final int N = 100_000;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String tag(long id) {
        return String.format("big_%06d__lr_0.%d__model_resnet%d", id, id % 7, id % 3);
    }

    private static TaskState state(long id) {
        return id % 97 == 0 ? TaskState.FAILED : id % 13 == 0 ? TaskState.RUNNING : TaskState.SUCCEEDED;
    }

    @Test
    public void pageFiveHundredOfOneHundredThousand() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "big");
        JobFile.write(dir.jobFile(), LongStream.rangeClosed(1, N).mapToObj(id -> new Job(id,
                "python train.py --lr 0." + id % 7 + " --model resnet" + id % 3 + " --seed " + id + " --tag "
                        + tag(id), tag(id))).iterator());
        List<TaskStatus> tasks = new ArrayList<>(N);
        for (long id = 1; id <= N; id++) {
            tasks.add(Tasks.task(id, state(id)));
        }
        SweepStatus status = new SweepStatus("big", tasks, 0);
        SweepPages pages = new SweepPages(dir);

        long t0 = System.nanoTime();
        SweepPage first = pages.page(status, TaskFilter.all(), new PageRequest(500, 100), 5000);
        long t1 = System.nanoTime();
        SweepPage again = pages.page(status, TaskFilter.all(), new PageRequest(500, 100), 5000);
        long t2 = System.nanoTime();
        SweepPage last = pages.page(status, TaskFilter.all(), new PageRequest(1000, 100), 5000);
        long t3 = System.nanoTime();
        SweepPage failed = pages.page(status, TaskFilter.failed(), new PageRequest(5, 100), 5000);
        long t4 = System.nanoTime();
        // The other way: stream jobs.json for the page's tags, stopping after the last one.
        Map<Long, Job> streamed = JobFile.lookup(dir.jobFile(), LongStream.rangeClosed(49_901, 50_000).boxed().toList());
        long t5 = System.nanoTime();
        Map<Long, Job> streamedLast = JobFile.lookup(dir.jobFile(),
                LongStream.rangeClosed(99_901, 100_000).boxed().toList());
        long t6 = System.nanoTime();
        System.out.printf("100,000 tasks, jobs.json %,d bytes: page 500 first (builds the tag index) %.1f ms, "
                + "again %.2f ms, last page %.2f ms, failed filter page 5 %.2f ms; streaming jobs.json instead: "
                + "page 500 %.1f ms, last page %.1f ms%n", java.nio.file.Files.size(dir.jobFile()),
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6);

        TaskTable table = again.table();
        assertEquals(first, again);
        assertEquals(500, table.page());
        assertEquals(1000, table.totalPages());
        assertEquals(49_901, table.firstRow());
        assertEquals(50_000, table.lastRow());
        assertEquals(100, table.rows().size());
        for (TaskRow row : table.rows()) {
            assertEquals(tag(row.id()), row.tag());
            assertEquals(streamed.get(row.id()).tag(), row.tag());
            assertEquals(state(row.id()), row.state());
        }
        assertEquals(49_901, table.rows().get(0).id());
        assertEquals(100_000, last.table().rows().get(99).id());
        assertEquals(tag(100_000), last.table().rows().get(99).tag());
        assertEquals(streamedLast.get(100_000L).tag(), last.table().rows().get(99).tag());
        for (TaskRow row : failed.table().rows()) {
            assertEquals(TaskState.FAILED, row.state());
            assertEquals(tag(row.id()), row.tag());
        }
        assertEquals(N / 97, failed.table().matching());
        assertEquals(401 * 97, failed.table().rows().get(0).id());
        assertEquals(N, first.progress().total());
        assertEquals(100, first.progress().states().stream().mapToInt(StateCount::percent).sum());
        assertTrue(first.toJson().length() > 10_000);
    }

    @Test
    public void sparseFailuresFarApartEachSeekOnce() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "far");
        JobFile.write(dir.jobFile(), LongStream.rangeClosed(1, N).mapToObj(id -> new Job(id, "c", "t" + id)).iterator());
        JobFileIndex index = new JobFileIndex(dir.jobFile());
        long[] wanted = {1, 63, 64, 65, 128, 129, 5_000, 50_001, 99_999, 100_000, 100_001, 200_000};
        String[] tags = index.tags(wanted);
        for (int i = 0; i < wanted.length; i++) {
            assertEquals(wanted[i] <= N ? "t" + wanted[i] : null, tags[i]);
        }
    }
}
