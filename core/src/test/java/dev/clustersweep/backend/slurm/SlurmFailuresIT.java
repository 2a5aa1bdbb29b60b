package dev.clustersweep.backend.slurm;

import static dev.clustersweep.backend.slurm.SlurmFixture.options;
import static dev.clustersweep.backend.slurm.SlurmFixture.task;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.Clusters;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Slurm backend while Slurm's daemons are down, with test-cluster/ctl.sh. Each test starts the
 * daemon again in a finally block and waits until sinfo answers.
 */
public class SlurmFailuresIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<SlurmFixture> fixtures = new ArrayList<>();

    @Before
    public void slurm() {
        Clusters.requireSlurm();
    }

    @After
    public void noJobsLeftBehind() {
        fixtures.forEach(SlurmFixture::cancelAll);
    }

    private SlurmFixture sweep(String name) throws Exception {
        SlurmFixture f = new SlurmFixture(tmp.newFolder(name).toPath(), name);
        fixtures.add(f);
        return f;
    }

    @Test
    public void controllerDownAtSubmitAndPoll() throws Exception {
        SlurmFixture running = sweep("before");
        running.launch(running.jobs(2, "sleep 4"), options(0));
        SlurmFixture f = sweep("ctlddown");
        var jobs = f.jobs(3, "true");
        CommandRunner.Result stop = SlurmFixture.ctl("stop", "slurmctld");
        assertTrue(stop.message(), stop.ok());
        try {
            long t0 = System.nanoTime();
            try {
                f.launch(jobs, options(0));
                fail("submitted with slurmctld down");
            } catch (BackendException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("Unable to contact slurm controller"));
            }
            long submitSeconds = (System.nanoTime() - t0) / 1_000_000_000;
            assertTrue("gave up after " + submitSeconds + " s", submitSeconds < 40);
            assertFalse("no submission record", Files.exists(f.sweep.directory().submission(1)));

            // A poll fails loudly (the engine's await retries) instead of calling the tasks LOST.
            SlurmBackend oneTry = new SlurmBackend(running.sweep.directory(),
                    new CommandRunner(SlurmBackend.TIMEOUT), new CommandRunner(SlurmBackend.PLAN_TIMEOUT), 1,
                    Duration.ofSeconds(1));
            try {
                oneTry.poll(running.submissions());
                fail("polled with slurmctld down");
            } catch (BackendException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("squeue failed: ")
                        && e.getMessage().contains("Unable to contact slurm controller"));
            }
        } finally {
            SlurmFixture.ctl("start", "slurmctld");
            SlurmFixture.awaitSlurm(Duration.ofSeconds(60));
        }
        // The tasks ran on meanwhile: their records and the restarted controller agree.
        SweepStatus s = running.awaitFinished(Duration.ofSeconds(60));
        assertEquals(s.summary(), 2, s.count(TaskState.SUCCEEDED));
        // And the sweep that failed to submit can be launched now.
        f.launch(jobs, options(0));
        assertEquals(3, f.awaitFinished(Duration.ofSeconds(60)).count(TaskState.SUCCEEDED));
    }

    /**
     * Measured: slurmd's death does not touch running steps (slurmstepd goes on); a task that ends
     * while slurmd is down leaves its element COMPLETING (the epilog needs slurmd) until slurmd is
     * back, but the wrapper's end record already says how it ended. Only a node down for longer than
     * SlurmdTimeout (300 s here) gets its jobs requeued; the wrapper then takes attempt 2.
     */
    @Test
    public void slurmdKilledMidRun() throws Exception {
        SlurmFixture f = sweep("slurmd");
        f.launch(f.jobs(List.of("sleep 8", "sleep 8; exit 6")), options(0));
        // Running by their own start records, not only by squeue: an element Slurm calls RUNNING may
        // not have started its batch script yet, and without slurmd it would not start at all.
        f.awaitUntil(s -> s.count(TaskState.RUNNING) == 2 && s.tasks().stream().allMatch(t -> t.attempts() == 1),
                Duration.ofSeconds(30), "running");
        CommandRunner.Result kill = SlurmFixture.ctl("kill", "slurmd");
        assertTrue(kill.message(), kill.ok());
        try {
            // The tasks end while slurmd is dead.
            SweepStatus s = f.awaitFinished(Duration.ofSeconds(30));
            assertEquals(TaskState.SUCCEEDED, task(s, 1).state());
            assertEquals(TaskState.FAILED, task(s, 2).state());
            assertEquals(Integer.valueOf(6), task(s, 2).exitCode());
            CommandRunner.Result q = SlurmFixture.SHELL.run(List.of("squeue", "-h", "-t", "all", "-j",
                    f.submissions().get(0).jobs().get(0).jobId(), "-o", "%T"));
            assertTrue(q.stdout(), q.stdout().contains("COMPLETING"));
        } finally {
            SlurmFixture.ctl("start", "slurmd");
            SlurmFixture.awaitSlurm(Duration.ofSeconds(60));
        }
        SweepStatus s = f.awaitFinished(Duration.ofSeconds(30));
        assertEquals(TaskState.SUCCEEDED, task(s, 1).state());
        assertEquals(1, task(s, 1).attempts());
        assertEquals(TaskState.FAILED, task(s, 2).state());
    }
}
