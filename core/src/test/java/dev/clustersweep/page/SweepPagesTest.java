package dev.clustersweep.page;

import static dev.clustersweep.page.Tasks.task;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.HumanDuration;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SweepPagesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepDirectory dir;

    @Before
    public void setUp() {
        dir = new SweepDirectory(tmp.getRoot().toPath(), "demo");
    }

    private void writeJobs(long n) throws Exception {
        JobFile.write(dir.jobFile(), LongStream.rangeClosed(1, n)
                .mapToObj(id -> new Job(id, "python train.py --lr 0." + id, "demo_" + id)).iterator());
    }

    private static List<Long> ids(SweepPage page) {
        return page.table().rows().stream().map(TaskRow::id).toList();
    }

    @Test
    public void countsEveryStateInOrderWithNotLaunched() throws Exception {
        SweepStatus status = Tasks.cycle(10, 5, TaskState.SUCCEEDED, TaskState.SUCCEEDED, TaskState.FAILED,
                TaskState.RUNNING, TaskState.PENDING);
        SweepProgress p = new SweepPages(dir).page(status, TaskFilter.all(), PageRequest.first(), 2000).progress();
        assertEquals(15, p.total());
        assertEquals(10, p.launched());
        assertEquals(5, p.notLaunched());
        assertEquals(6, p.finished());
        assertEquals(4, p.active());
        assertEquals(2, p.unsuccessful());
        assertTrue(p.live());
        assertEquals(40, p.finishedPercent());
        assertEquals(List.of(TaskState.values()), p.states().stream().map(StateCount::state).toList());
        assertEquals(4, p.count(TaskState.SUCCEEDED));
        assertEquals(27, p.states().get(TaskState.SUCCEEDED.ordinal()).percent());
        assertEquals(0, p.count(TaskState.LOST));
        assertEquals(33, p.notLaunchedPercent());
        assertEquals(100, p.states().stream().mapToInt(StateCount::percent).sum() + p.notLaunchedPercent());
        assertEquals(1.0, p.states().stream().mapToDouble(StateCount::fraction).sum() + p.notLaunchedFraction(), 1e-9);
    }

    @Test
    public void finishedSweepIsNotLive() {
        SweepStatus status = Tasks.cycle(3, 0, TaskState.SUCCEEDED, TaskState.LOST);
        SweepProgress p = new SweepPages(dir).page(status, TaskFilter.all(), PageRequest.first(), 0).progress();
        assertFalse(p.live());
        assertEquals(100, p.finishedPercent());
    }

    @Test
    public void emptySweepIsOnePageOfNothing() {
        SweepPage page = new SweepPages(dir).page(new SweepStatus("demo", List.of(), 0), TaskFilter.all(),
                new PageRequest(7, 50), 0);
        assertEquals(0, page.progress().total());
        assertEquals(0, page.progress().finishedPercent());
        assertEquals(0, page.progress().states().stream().mapToInt(StateCount::percent).sum());
        TaskTable t = page.table();
        assertEquals(1, t.page());
        assertEquals(1, t.totalPages());
        assertEquals(0, t.matching());
        assertEquals(0, t.firstRow());
        assertEquals(0, t.lastRow());
        assertTrue(t.rows().isEmpty());
        assertFalse(t.hasNext());
        assertFalse(t.hasPrevious());
    }

    @Test
    public void pagesAreNumberedAndTheLastIsPartial() throws Exception {
        writeJobs(25);
        SweepPages pages = new SweepPages(dir);
        SweepStatus status = Tasks.cycle(25, 0, TaskState.SUCCEEDED);
        TaskTable second = pages.page(status, TaskFilter.all(), new PageRequest(2, 10), 0).table();
        assertEquals(LongStream.rangeClosed(11, 20).boxed().toList(), second.rows().stream().map(TaskRow::id).toList());
        assertEquals(11, second.firstRow());
        assertEquals(20, second.lastRow());
        assertEquals(3, second.totalPages());
        assertTrue(second.hasPrevious());
        assertTrue(second.hasNext());
        TaskTable last = pages.page(status, TaskFilter.all(), new PageRequest(3, 10), 0).table();
        assertEquals(List.of(21L, 22L, 23L, 24L, 25L), last.rows().stream().map(TaskRow::id).toList());
        assertEquals(21, last.firstRow());
        assertEquals(25, last.lastRow());
        assertFalse(last.hasNext());
        // Beyond the end: the last page, numbered as such.
        TaskTable beyond = pages.page(status, TaskFilter.all(), new PageRequest(99, 10), 0).table();
        assertEquals(3, beyond.page());
        assertEquals(last.rows(), beyond.rows());
        // Exactly full pages: no empty page after them.
        assertEquals(1, pages.page(Tasks.cycle(10, 0, TaskState.RUNNING), TaskFilter.all(), new PageRequest(1, 10), 0)
                .table().totalPages());
    }

    @Test
    public void pageRequestsAreClamped() {
        assertEquals(PageRequest.MIN_SIZE, new PageRequest(1, 0).size());
        assertEquals(PageRequest.MIN_SIZE, new PageRequest(1, -5).size());
        assertEquals(PageRequest.MAX_SIZE, new PageRequest(1, 1_000_000).size());
        assertEquals(1, new PageRequest(-3, 10).page());
        assertEquals(new PageRequest(1, PageRequest.DEFAULT_SIZE), PageRequest.parse(null, ""));
        assertEquals(new PageRequest(1, PageRequest.DEFAULT_SIZE), PageRequest.parse("x", "y"));
        assertEquals(new PageRequest(4, 20), PageRequest.parse(" 4 ", "20"));
        assertEquals(new PageRequest(Integer.MAX_VALUE, PageRequest.MAX_SIZE),
                PageRequest.parse("99999999999999", "99999999999"));
    }

    @Test
    public void filterShowsOnlyItsStatesAndPagesOverThem() throws Exception {
        writeJobs(30);
        // 1 SUCCEEDED, 2 FAILED, 3 TIMEOUT, 4 RUNNING, 5 LOST, 6 SUCCEEDED, ...
        SweepStatus status = Tasks.cycle(30, 0, TaskState.SUCCEEDED, TaskState.FAILED, TaskState.TIMEOUT,
                TaskState.RUNNING, TaskState.LOST);
        SweepPages pages = new SweepPages(dir);
        SweepPage failed = pages.page(status, TaskFilter.failed(), new PageRequest(2, 10), 0);
        assertEquals(18, failed.table().matching());
        assertEquals(2, failed.table().totalPages());
        assertEquals(List.of(18L, 20L, 22L, 23L, 25L, 27L, 28L, 30L), ids(failed));
        assertEquals(11, failed.table().firstRow());
        assertEquals(18, failed.table().lastRow());
        assertEquals("demo_18", failed.table().rows().get(0).tag());
        SweepPage running = pages.page(status, TaskFilter.of(TaskState.RUNNING), PageRequest.first(), 0);
        assertEquals(List.of(4L, 9L, 14L, 19L, 24L, 29L), ids(running));
        SweepPage none = pages.page(status, TaskFilter.of(TaskState.PENDING), PageRequest.first(), 0);
        assertEquals(0, none.table().matching());
        assertEquals(1, none.table().totalPages());
        // The counts are of the whole sweep, whatever the filter.
        assertEquals(30, none.progress().launched());
    }

    @Test
    public void filterTextRoundTrips() {
        assertEquals(TaskFilter.all(), TaskFilter.parse(null));
        assertEquals(TaskFilter.all(), TaskFilter.parse(" ALL "));
        assertEquals(TaskFilter.failed(), TaskFilter.parse("failed"));
        // The state alone, as the page links it: not the group (it showed CANCELLED tasks too).
        assertEquals(java.util.Set.of(dev.clustersweep.state.TaskState.FAILED), TaskFilter.parse("FAILED").states());
        assertEquals("FAILED", TaskFilter.parse("FAILED").text());
        assertEquals("failed", TaskFilter.failed().text());
        assertEquals("all", TaskFilter.all().text());
        TaskFilter custom = TaskFilter.parse("running, pending");
        assertEquals("PENDING,RUNNING", custom.text());
        assertEquals(custom, TaskFilter.parse(custom.text()));
        assertEquals(TaskFilter.failed(), TaskFilter.parse("FAILED,TIMEOUT,CANCELLED,LOST,ERROR"));
        try {
            TaskFilter.parse("running,bogus");
            org.junit.Assert.fail();
        } catch (dev.clustersweep.BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("bad task filter 'running,bogus': 'bogus' is not a state"));
        }
    }

    @Test
    public void rowsCarryTagsStateExitHostAndDuration() throws Exception {
        writeJobs(5);
        SweepStatus status = Tasks.of(task(1, TaskState.SUCCEEDED), task(2, TaskState.FAILED),
                task(3, TaskState.RUNNING), task(4, TaskState.PENDING), task(5, TaskState.ERROR));
        List<TaskRow> rows = new SweepPages(dir).page(status, TaskFilter.all(), PageRequest.first(), 1200).table().rows();
        TaskRow ok = rows.get(0);
        assertEquals("demo_1", ok.tag());
        assertEquals(TaskState.SUCCEEDED, ok.state());
        assertEquals(Integer.valueOf(0), ok.exitCode());
        assertEquals("node1", ok.host());
        assertEquals(Long.valueOf(65), ok.durationSeconds());
        assertEquals("1m 05s", ok.duration());
        assertEquals(Integer.valueOf(3), rows.get(1).exitCode());
        assertEquals("10s", rows.get(1).duration());
        assertEquals("3m 20s", rows.get(2).duration()); // running: measured to now
        assertNull(rows.get(3).durationSeconds());
        assertNull(rows.get(3).duration());
        assertNull(rows.get(3).host());
        assertEquals("Eqw: cannot open file", rows.get(4).detail());
    }

    @Test
    public void tagsAreThoseOfTheRowsShownInAnyOrderOfTheFile() throws Exception {
        // A hand-written file, out of order and with gaps: each row still gets its own tag.
        List<Job> jobs = new ArrayList<>();
        long[] order = {9, 3, 7, 1, 12, 5};
        for (long id : order) {
            jobs.add(new Job(id, "cmd " + id, "tag-" + id + (id == 7 ? " with \"quotes\" and é" : "")));
        }
        JobFile.write(dir.jobFile(), jobs.iterator());
        SweepStatus status = Tasks.of(task(1, TaskState.SUCCEEDED), task(2, TaskState.SUCCEEDED),
                task(7, TaskState.FAILED), task(9, TaskState.FAILED), task(12, TaskState.RUNNING));
        List<TaskRow> rows = new SweepPages(dir).page(status, TaskFilter.all(), PageRequest.first(), 0).table().rows();
        assertEquals("tag-1", rows.get(0).tag());
        assertNull(rows.get(1).tag()); // task 2 is not in the file any more
        assertEquals("tag-7 with \"quotes\" and é", rows.get(2).tag());
        assertEquals("tag-9", rows.get(3).tag());
        assertEquals("tag-12", rows.get(4).tag());
    }

    @Test
    public void tagsFollowAReplacedJobFile() throws Exception {
        writeJobs(3);
        SweepPages pages = new SweepPages(dir);
        SweepStatus status = Tasks.cycle(3, 0, TaskState.SUCCEEDED);
        assertEquals("demo_2", pages.page(status, TaskFilter.all(), PageRequest.first(), 0).table().rows().get(1).tag());
        JobFile.write(dir.jobFile(), LongStream.rangeClosed(1, 3)
                .mapToObj(id -> new Job(id, "other", "a-much-longer-tag-than-before-" + id)).iterator());
        assertEquals("a-much-longer-tag-than-before-2",
                pages.page(status, TaskFilter.all(), PageRequest.first(), 0).table().rows().get(1).tag());
        Files.delete(dir.jobFile());
        assertNull(pages.page(status, TaskFilter.all(), PageRequest.first(), 0).table().rows().get(1).tag());
    }

    @Test
    public void everyAttemptHasBothLogLinks() throws Exception {
        Files.createDirectories(dir.logsDir());
        Files.writeString(dir.stdout(4, 1), "first\n");
        Files.writeString(dir.stderr(4, 1), "");
        Files.writeString(dir.stdout(4, 2), "second\n");
        // attempt 2's stderr is missing (cleaned up by hand)
        TaskStatus relaunched = new TaskStatus(4, TaskState.FAILED, 1, 2, 2, 2, "node1", 10L, 20L, null);
        TaskRow row = new SweepPages(dir).page(Tasks.of(relaunched), TaskFilter.all(), PageRequest.first(), 0)
                .table().rows().get(0);
        assertEquals(List.of(
                new LogLink(4, 1, LogLink.Stream.STDOUT, "logs/4.1.out", true),
                new LogLink(4, 1, LogLink.Stream.STDERR, "logs/4.1.err", true),
                new LogLink(4, 2, LogLink.Stream.STDOUT, "logs/4.2.out", true),
                new LogLink(4, 2, LogLink.Stream.STDERR, "logs/4.2.err", false)), row.logs());
        for (LogLink link : row.logs()) {
            assertEquals(dir.root().resolve(link.relativePath()), LogLink.resolve(dir, link.relativePath()));
        }
        TaskRow pending = new SweepPages(dir).page(Tasks.of(task(5, TaskState.PENDING)), TaskFilter.all(),
                PageRequest.first(), 0).table().rows().get(0);
        assertTrue(pending.logs().isEmpty());
    }

    @Test
    public void logPathsResolveOnlyToLogs() {
        for (String bad : new String[] {null, "", "logs/../jobs.json", "logs/1.1.out/../../x", "/etc/passwd",
                "logs/0.1.out", "logs/1.0.err", "logs/1.1.log", "logs/1.1.out ", "status/1.1.end", "logs/-1.1.out",
                "logs/1.1.out\n"}) {
            try {
                LogLink.resolve(dir, bad);
                org.junit.Assert.fail(bad);
            } catch (dev.clustersweep.BadInputException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("expected logs/ID.ATTEMPT.out"));
            }
        }
        assertEquals(dir.stderr(123, 4), LogLink.resolve(dir, "logs/123.4.err"));
    }

    @Test
    public void humanDurations() {
        assertEquals("0s", HumanDuration.format(0));
        assertEquals("59s", HumanDuration.format(59));
        assertEquals("1m 00s", HumanDuration.format(60));
        assertEquals("1m 05s", HumanDuration.format(65));
        assertEquals("59m 59s", HumanDuration.format(3599));
        assertEquals("1h 00m 00s", HumanDuration.format(3600));
        assertEquals("2h 03m 10s", HumanDuration.format(2 * 3600 + 190));
        assertEquals("1d 00h 00m", HumanDuration.format(86400));
        assertEquals("3d 04h 05m", HumanDuration.format(3 * 86400 + 4 * 3600 + 5 * 60 + 59));
    }
}
