package dev.clustersweep.backend.slurm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.Clusters;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.backend.SubmitRequest;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The MaxJobCount refusal against the real Slurm: a held array counts by its size, not as one line. */
public class SlurmJobCountIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final CommandRunner shell = new CommandRunner(Duration.ofSeconds(60));
    private String held;

    @After
    public void cancelHeld() {
        if (held != null) {
            shell.run(List.of("scancel", held));
        }
    }

    @Test
    public void refusesPastMaxJobCountBeforeSubmittingAnything() throws Exception {
        Clusters.requireSlurm();
        CommandRunner.Result r = shell.run(List.of("sbatch", "--parsable", "--hold", "--array=1-50", "-o", "/dev/null",
                "--wrap", "true"), tmp.getRoot().toPath());
        assertTrue(r.message(), r.ok());
        held = r.stdout().strip().split(";")[0];

        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "count");
        Files.createDirectories(dir.root());
        SlurmBackend backend = new SlurmBackend(dir);
        backend.useLimits(new SlurmConfig(1001, 52)); // 3 elements fit alone, not beside the 50 held ones
        try {
            backend.submit(new SubmitRequest(dir, 1, TaskList.range(1, 3), SlurmFixture.options(0)));
            fail("a launch past MaxJobCount must be refused");
        } catch (BackendException e) {
            Matcher m = Pattern.compile("needs 3 array element\\(s\\) but Slurm holds (\\d+) job\\(s\\) and its "
                    + "MaxJobCount is 52").matcher(e.getMessage());
            assertTrue(e.getMessage(), m.find());
            assertTrue(e.getMessage(), Long.parseLong(m.group(1)) >= 50);
            assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
        }
        assertEquals("squeue only, no sbatch", 1, backend.schedulerCalls());
        assertTrue(!Files.exists(dir.schedulerLogsDir()));
    }

    @Test
    public void aLaunchTooLargeAloneSaysTheRealCountHeld() throws Exception {
        Clusters.requireSlurm();
        CommandRunner.Result r = shell.run(List.of("sbatch", "--parsable", "--hold", "--array=1-5", "-o", "/dev/null",
                "--wrap", "true"), tmp.getRoot().toPath());
        assertTrue(r.message(), r.ok());
        held = r.stdout().strip().split(";")[0];

        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "alone");
        Files.createDirectories(dir.root());
        SlurmBackend backend = new SlurmBackend(dir);
        backend.useLimits(new SlurmConfig(1001, 2)); // 3 elements do not fit even in an empty queue
        try {
            backend.submit(new SubmitRequest(dir, 1, TaskList.range(1, 3), SlurmFixture.options(0)));
            fail("a launch past MaxJobCount must be refused");
        } catch (BackendException e) {
            Matcher m = Pattern.compile("needs 3 array element\\(s\\) but Slurm holds (\\d+) job\\(s\\)")
                    .matcher(e.getMessage());
            assertTrue(e.getMessage(), m.find());
            assertTrue("the real count, not 0: " + e.getMessage(), Long.parseLong(m.group(1)) >= 5);
        }
        assertTrue(!Files.exists(dir.schedulerLogsDir()));
    }
}
