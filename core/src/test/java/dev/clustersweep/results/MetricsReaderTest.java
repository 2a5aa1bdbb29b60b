package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** One attempt's two files, the cap on what is read, and which attempt's files count. */
public class MetricsReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepDirectory dir;

    @Before
    public void setUp() throws Exception {
        dir = new SweepDirectory(tmp.getRoot().toPath(), "m");
        Files.createDirectories(dir.root().resolve("metrics"));
    }

    private Path metrics(String name, String text) throws Exception {
        return Files.writeString(dir.root().resolve("metrics").resolve(name), text);
    }

    private AttemptMetrics read(long id, int attempt) {
        return new MetricsReader(dir, false).read(id, attempt, true, MetricFiles.list(dir));
    }

    @Test
    public void noFilesIsNoMetrics() {
        assertSame(AttemptMetrics.NONE, read(1, 1));
    }

    @Test
    public void theAttemptsOwnFileOnly() throws Exception {
        metrics("1.1.txt", "loss=0.9\n");
        metrics("1.2.txt", "loss=0.3\n");
        assertEquals(Map.of("loss", 0.9), read(1, 1).finals());
        assertEquals(Map.of("loss", 0.3), read(1, 2).finals());
        assertSame(AttemptMetrics.NONE, read(1, 3));
    }

    @Test
    public void clusterUtilsCsvIsReadFirstAndSweepMetricsWinForTheSameName() throws Exception {
        Path attempt = Files.createDirectories(dir.root().resolve("attempts/2.1"));
        Files.writeString(attempt.resolve("metrics.csv"), "loss,acc,time_elapsed\r\n0.5,0.8,3.0\r\n");
        metrics("2.1.txt", "loss=0.25\n");
        AttemptMetrics m = read(2, 1);
        assertEquals(Map.of("loss", 0.25, "acc", 0.8, "time_elapsed", 3.0), m.finals());
        // An attempt directory without metrics.csv (the task kept other files there) is nothing to report.
        Files.createDirectories(dir.root().resolve("attempts/3.1"));
        assertSame(AttemptMetrics.NONE, read(3, 1));
    }

    @Test
    public void aHugeFileIsReadUpToTheCapAndSaysSo() throws Exception {
        StringBuilder text = new StringBuilder("first=1\n");
        while (text.length() <= MetricsReader.MAX_BYTES + 100) {
            text.append("loss@").append(text.length()).append("=0.5\n");
        }
        text.append("after=2\n");
        metrics("4.1.txt", text.toString());
        AttemptMetrics m = read(4, 1);
        assertEquals(1.0, m.finals().get("first"), 0);
        assertEquals(0.5, m.finals().get("loss"), 0);
        assertTrue(!m.finals().containsKey("after"));
        assertEquals(1, m.problems().size());
        assertEquals(0, m.problems().get(0).line());
        assertTrue(m.problems().get(0).describe(), m.problems().get(0).describe().startsWith(
                "metrics/4.1.txt: larger than 1 MiB (" + text.length() + " bytes)"));
    }

    @Test
    public void anUnreadableFileIsAProblemOfItsTaskNotAFailure() throws Exception {
        Path file = metrics("5.1.txt", "loss=1\n");
        Files.delete(file);
        Files.createDirectory(file); // a directory where the file should be: reading it fails
        AttemptMetrics m = read(5, 1);
        assertEquals(Map.of(), m.finals());
        assertTrue(m.problems().get(0).describe(), m.problems().get(0).describe().startsWith(
                "metrics/5.1.txt: cannot be read"));
    }
}
