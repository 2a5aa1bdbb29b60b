package dev.clustersweep.page;

import static dev.clustersweep.page.Tasks.task;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The task table a build keeps: written and read back, text fields intact, old files still read. */
public class TaskTableFileTest {

    private static ArchivedSweep roundTrip(SweepStatus status, SweepPages.Tags tags) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskTableFile.write(status, tags, out);
        return TaskTableFile.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    public void roundTripKeepsEveryFieldAndAwkwardText() throws Exception {
        TaskStatus odd = new TaskStatus(7, TaskState.ERROR, null, 2, 0, 3, "node\t1", null, null,
                "line one\nline two \\ back\r");
        SweepStatus status = new SweepStatus("demo", List.of(task(1, TaskState.SUCCEEDED), task(2, TaskState.RUNNING),
                odd), 5);
        ArchivedSweep a = roundTrip(status, ids -> {
            String[] t = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                t[i] = ids[i] == 1 ? "<b>x</b>\t&" : ids[i] == 2 ? "" : null;
            }
            return t;
        });
        assertEquals(status, a.status());
        assertArrayEquals(new String[] {"<b>x</b>\t&", "", ""}, a.tags());
        assertEquals("1-2,7", a.ids().toString());
    }

    @Test
    public void aTableWithoutTagsOrMetadataStillReads() throws Exception {
        String old = "id\tstate\texit\tattempts\tattempt\tsubmission\thost\tstart\tend\tdetail\n"
                + "1\tSUCCEEDED\t0\t1\t1\t1\tn1\t100\t160\t\n"
                + "2\tFAILED\t3\t1\t1\t1\tn2\t100\t110\t\n";
        ArchivedSweep a = TaskTableFile.read(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, a.status().tasks().size());
        assertEquals(0, a.status().notLaunched());
        assertEquals(Integer.valueOf(3), a.status().tasks().get(1).exitCode());
        assertNull(a.tags()[0]);
        SweepPage page = a.pages().page(a.status(), TaskFilter.failed(), PageRequest.first(), 200);
        assertEquals(1, page.table().rows().size());
        assertEquals("10s", page.table().rows().get(0).duration());
    }

    @Test
    public void badTablesSayWhere() {
        IOException e = assertThrows(IOException.class, () -> TaskTableFile.read(new ByteArrayInputStream(
                "id\tstate\n1\tWHATEVER\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage(), e.getMessage().startsWith("bad task table line 1"));
        assertThrows(IOException.class, () -> TaskTableFile.read(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    public void aHundredThousandTasksReadOnceThenPagesAreCheap() throws Exception {
        List<TaskStatus> tasks = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            tasks.add(task(i, i % 10 == 0 ? TaskState.FAILED : TaskState.SUCCEEDED));
        }
        SweepStatus status = new SweepStatus("big", tasks, 0);
        ArchivedSweep a = roundTrip(status, ids -> {
            String[] t = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                t[i] = "tag" + ids[i];
            }
            return t;
        });
        SweepPages pages = a.pages();
        long start = System.nanoTime();
        SweepPage page = pages.page(a.status(), TaskFilter.failed(), new PageRequest(50, 100), 2000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(10_000, page.table().matching());
        assertEquals(49010, page.table().rows().get(0).id());
        assertEquals("tag49010", page.table().rows().get(0).tag());
        assertTrue("a page took " + millis + " ms", millis < 2000);
    }
}
