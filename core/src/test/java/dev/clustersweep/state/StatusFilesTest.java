package dev.clustersweep.state;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The wrapper writes each record's lines in order into a new file (no rename): a record that does not
 * end with its last line is one being written, read as not there yet.
 */
public class StatusFilesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepDirectory dir;

    @Before
    public void setUp() throws Exception {
        dir = new SweepDirectory(tmp.getRoot().toPath(), "s");
        Files.createDirectories(dir.statusDir());
    }

    private void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
    }

    @Test
    public void aWholeRecordIsRead() throws Exception {
        write(dir.startRecord(1, 1), "submission=1\njob=local\nhost=h\npid=12\nstart=100\n");
        write(dir.endRecord(1, 1), "exit=3\nend=101\nreason=exit\n");
        AttemptRecord r = StatusFiles.read(dir, 1, 1);
        assertEquals(Integer.valueOf(3), r.exitCode());
        assertEquals(12L, r.pid());
    }

    @Test
    public void aRecordBeingWrittenIsNotThereYet() throws Exception {
        write(dir.startRecord(1, 1), "submission=1\njob=local\nhost=h\npid=12\nstart=100\n");
        for (String partial : new String[] {"", "exit=3\n", "exit=3\nend=101\nreas", "exit=3\nend=101\nreason=exit"}) {
            write(dir.endRecord(1, 1), partial);
            AttemptRecord r = StatusFiles.read(dir, 1, 1);
            assertNull("end record '" + partial + "'", r.exitCode());
        }
        for (String partial : new String[] {"", "submission=1\njob=lo", "submission=1\njob=local\nhost=h\npid=12\n"}) {
            write(dir.startRecord(2, 1), partial);
            assertNull("start record '" + partial + "'", StatusFiles.read(dir, 2, 1));
        }
    }

    @Test
    public void whileTheLatestStartRecordIsBeingWrittenTheOneBeforeCounts() throws Exception {
        write(dir.startRecord(1, 1), "submission=1\njob=local\nhost=h\npid=12\nstart=100\n");
        write(dir.endRecord(1, 1), "exit=1\nend=101\nreason=exit\n");
        write(dir.startRecord(1, 2), "");
        Map<Long, AttemptRecord> latest = StatusFiles.latestAttempts(dir);
        assertEquals(1, latest.get(1L).attempt());
        assertEquals(Integer.valueOf(1), latest.get(1L).exitCode());
    }
}
