package dev.clustersweep.state;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.sweep.SweepDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * status.cache is only a shortcut: a whole file of this run is read back as written, anything else
 * (cut short, changed, another run's, another version's) reads as empty, and a reader that finds it
 * gives what the records gave.
 */
public class StatusCacheTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepDirectory dir;

    @Before
    public void setUp() throws Exception {
        dir = new SweepDirectory(tmp.getRoot().toPath(), "s");
        Files.createDirectories(dir.statusDir());
        Files.createDirectories(dir.submissionsDir());
        Files.writeString(dir.submission(1), "{}");
    }

    private static StatusCache.Contents sample() {
        StatusCache.Contents c = StatusCache.Contents.empty("run 1");
        c.attempts().put(1L, new AttemptRecord(1, 1, 1, "123_4", "node-1", 99, 100, 0, 160L, EndReason.EXIT));
        c.attempts().put(2L, new AttemptRecord(2, 3, 2, null, "a\tb\\c\nd", 7, 1, 143, 2L, EndReason.CANCELLED));
        c.endings().put(5L, new StatusCache.Ending(2, SchedulerTask.ended(TaskState.CANCELLED, null, "by root\tat 10:00")));
        c.endings().put(6L, new StatusCache.Ending(1, SchedulerTask.ended(TaskState.TIMEOUT, 15, null)));
        return c;
    }

    @Test
    public void aWholeFileOfThisRunReadsBackAsWritten() {
        StatusCache.Contents c = sample();
        StatusCache.Contents back = StatusCache.parse(StatusCache.lines(c).finish(), "run 1");
        assertNotNull(back);
        assertEquals(c.attempts(), back.attempts());
        assertEquals(c.endings(), back.endings());
    }

    @Test
    public void anythingButAWholeFileOfThisRunReadsAsNothing() {
        String text = StatusCache.lines(sample()).finish();
        assertNull("another run", StatusCache.parse(text, "run 2"));
        assertNull("cut short", StatusCache.parse(text.substring(0, text.length() - 20), "run 1"));
        assertNull("no trailer", StatusCache.parse(text.substring(0, text.indexOf("end\t")), "run 1"));
        assertNull("a line changed", StatusCache.parse(text.replace("node-1", "node-2"), "run 1"));
        assertNull("another version", StatusCache.parse(text.replace("status.cache 1", "status.cache 9"), "run 1"));
        assertNull("empty", StatusCache.parse("", "run 1"));
        assertNull("not a cache", StatusCache.parse("{\"a\": 1}\n", "run 1"));
    }

    @Test
    public void aDamagedFileIsIgnoredAndTheRecordsRead() throws Exception {
        write(1, 1, "exit=0\nend=160\nreason=exit\n");
        Files.writeString(dir.statusCache(), "garbage\n\u0000\u00ff", StandardCharsets.ISO_8859_1);
        Map<Long, AttemptRecord> read = new StatusReader(dir).latestAttempts();
        assertEquals(Integer.valueOf(0), read.get(1L).exitCode());
    }

    @Test
    public void theNextReaderStartsFromWhatTheLastOneSaved() throws Exception {
        write(1, 1, "exit=3\nend=160\nreason=exit\n");
        write(2, 1, null); // running
        StatusReader first = new StatusReader(dir);
        Map<Long, AttemptRecord> seen = first.latestAttempts();
        first.save();
        assertTrue(Files.exists(dir.statusCache()));
        // An ended attempt's records never change, so the next reader takes it from the cache: shown
        // here by changing the record behind its back (nothing does that for real).
        write(1, 1, "exit=9\nend=160\nreason=exit\n");
        Map<Long, AttemptRecord> again = new StatusReader(dir).latestAttempts();
        assertEquals(seen.get(1L), again.get(1L));
        assertEquals(Integer.valueOf(3), again.get(1L).exitCode());
        // The running attempt is not cached: its end is read when it comes.
        write(2, 1, "exit=0\nend=170\nreason=exit\n");
        assertEquals(Integer.valueOf(0), new StatusReader(dir).latestAttempts().get(2L).exitCode());
    }

    @Test
    public void aNewAttemptIsReadOverTheCachedOne() throws Exception {
        write(1, 1, "exit=3\nend=160\nreason=exit\n");
        StatusReader first = new StatusReader(dir);
        first.latestAttempts();
        first.save();
        write(1, 2, null); // relaunched
        AttemptRecord latest = new StatusReader(dir).latestAttempts().get(1L);
        assertEquals(2, latest.attempt());
        assertFalse(latest.ended());
    }

    @Test
    public void aFreshRunUnderTheSameNameDoesNotReadTheOldCache() throws Exception {
        write(1, 1, "exit=3\nend=160\nreason=exit\n");
        StatusReader first = new StatusReader(dir);
        first.latestAttempts();
        first.save();
        String saved = Files.readString(dir.statusCache());
        // As a Jenkins build's clear would leave it if cut short after the records: the cache copied
        // back, a new status directory and a new first submission, and the new attempt 1 running.
        dev.clustersweep.io.AtomicFiles.deleteTree(dir.root());
        Files.createDirectories(dir.statusDir());
        Files.createDirectories(dir.submissionsDir());
        Files.writeString(dir.submission(1), "{\"fresh\": true}");
        Files.writeString(dir.statusCache(), saved);
        write(1, 1, null);
        assertFalse(new StatusReader(dir).latestAttempts().get(1L).ended());
    }

    @Test
    public void forgetRunDeletesTheCacheAndWhatWasLearnt() throws Exception {
        write(1, 1, "exit=3\nend=160\nreason=exit\n");
        StatusReader reader = new StatusReader(dir);
        reader.latestAttempts();
        reader.remembered(4, 1, SchedulerTask.ended(TaskState.CANCELLED, null, null));
        reader.save();
        reader.forgetRun();
        assertFalse(Files.exists(dir.statusCache()));
        Files.delete(dir.endRecord(1, 1)); // the new run's attempt 1, running
        write(1, 1, null);
        assertFalse(reader.latestAttempts().get(1L).ended());
        assertEquals(SchedulerTask.UNKNOWN, reader.remembered(4, 1, SchedulerTask.UNKNOWN));
    }

    @Test
    public void anEndingIsReplayedOnceTheSchedulerForgetsTheTask() throws Exception {
        write(1, 1, null);
        StatusReader reader = new StatusReader(dir);
        reader.latestAttempts();
        SchedulerTask cancelled = SchedulerTask.ended(TaskState.CANCELLED, null, "cancelled by root");
        assertEquals(cancelled, reader.remembered(3, 1, cancelled));
        reader.save();
        // A later process, once the scheduler no longer knows the job.
        StatusReader later = new StatusReader(dir);
        later.latestAttempts();
        assertEquals(cancelled, later.remembered(3, 1, SchedulerTask.UNKNOWN));
        assertEquals("another submission's task is not that ending", SchedulerTask.UNKNOWN,
                later.remembered(3, 2, SchedulerTask.UNKNOWN));
        assertEquals("what the scheduler still says wins", SchedulerTask.PENDING,
                later.remembered(3, 1, SchedulerTask.PENDING));
    }

    @Test
    public void aSettledDirectorySkipsTheListingUntilAFileComesOrGoes() throws Exception {
        write(1, 1, "exit=0\nend=160\nreason=exit\n");
        age(dir.statusDir());
        StatusReader first = new StatusReader(dir);
        first.latestAttempts();
        first.save();
        assertTrue("settled", Files.readString(dir.statusCache()).lines().findFirst().orElseThrow()
                .matches(".*\t=[^\t]+\t=[^\t]+$"));
        write(1, 2, null); // a relaunch: a new file, the directory's time changes
        AttemptRecord latest = new StatusReader(dir).latestAttempts().get(1L);
        assertEquals(2, latest.attempt());
    }

    @Test
    public void aStartRecordBeingWrittenKeepsTheDirectoryFromSettling() throws Exception {
        write(1, 1, "exit=0\nend=160\nreason=exit\n");
        Files.writeString(dir.startRecord(1, 2), "submission=1\njob=lo"); // being written
        age(dir.statusDir());
        StatusReader first = new StatusReader(dir);
        assertEquals("the attempt before stands in", 1, first.latestAttempts().get(1L).attempt());
        first.save();
        // The record is finished in place: no file came or went, the directory keeps its time.
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(dir.statusDir());
        Files.writeString(dir.startRecord(1, 2), "submission=1\njob=local\nhost=h\npid=12\nstart=100\n");
        Files.setLastModifiedTime(dir.statusDir(), time);
        assertEquals(2, new StatusReader(dir).latestAttempts().get(1L).attempt());
    }

    /** The directory's time a minute back: older than the settling margin, as a finished sweep's is. */
    private static void age(java.nio.file.Path d) throws Exception {
        Files.setLastModifiedTime(d, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    @Test
    public void aFileThatCannotBeWrittenLeavesTheStatusAsItIs() throws Exception {
        write(1, 1, "exit=0\nend=160\nreason=exit\n");
        Files.createDirectories(dir.statusCache()); // a directory where the file would go
        StatusReader reader = new StatusReader(dir);
        assertEquals(Integer.valueOf(0), reader.latestAttempts().get(1L).exitCode());
        reader.save();
        assertTrue(Files.isDirectory(dir.statusCache()));
    }

    private void write(long id, int attempt, String end) throws Exception {
        Files.writeString(dir.startRecord(id, attempt), "submission=1\njob=local\nhost=h\npid=12\nstart=100\n");
        if (end != null) {
            Files.writeString(dir.endRecord(id, attempt), end);
        }
    }
}
