package dev.clustersweep.backend.slurm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import dev.clustersweep.backend.Clusters;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.backend.SchedulerView;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.Launcher;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A task gone from squeue without an end record: the backend asks sacct once. Uses an array element
 * that failed on this cluster earlier and has left squeue (MinJobAge); skipped when there is none
 * or accounting is off.
 */
public class SlurmAccountingTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void goneElementIsAskedOfSacctOnce() throws Exception {
        Clusters.requireSlurm();
        CommandRunner shell = new CommandRunner(Duration.ofSeconds(30));
        CommandRunner.Result acct = shell.run(List.of("sacct", "-X", "-P", "-n", "-S", "now-7days", "-o",
                "JobID,State,ExitCode"));
        assumeTrue("accounting is off: " + acct.message(), acct.ok());
        Optional<String[]> old = acct.stdout().lines().map(l -> l.split("\\|"))
                .filter(f -> f.length == 3 && f[0].matches("\\d+_\\d+") && f[1].equals("FAILED")
                        && f[2].matches("[1-9]\\d*:0"))
                .filter(f -> !shell.run(List.of("squeue", "-h", "-t", "all", "-j", f[0].split("_")[0])).ok())
                .findFirst();
        assumeTrue("no failed array element older than MinJobAge in accounting yet", old.isPresent());
        String job = old.get()[0].split("_")[0];
        long index = Long.parseLong(old.get()[0].split("_")[1]);
        int exit = Integer.parseInt(old.get()[2].split(":")[0]);

        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "acct");
        SlurmBackend backend = new SlurmBackend(dir);
        // A submission whose task ran as that element (task id = index + offset).
        long taskId = index + 10;
        Submission s = new Submission(1, "slurm", 0, TaskList.of(taskId), Launcher.current(),
                List.of(new SchedulerJob(job, TaskList.of(taskId), 10, 1)));
        SchedulerView view = backend.poll(List.of(s));
        assertEquals("squeue only", 1, backend.schedulerCalls());
        SchedulerTask t = view.lookup(s, taskId);
        assertEquals(SchedulerTask.Kind.ENDED, t.kind());
        assertEquals(TaskState.FAILED, t.endedAs());
        assertEquals(Integer.valueOf(exit), t.exitCode());
        view.lookup(s, taskId);
        assertEquals("one sacct per poll", 2, backend.schedulerCalls());
    }
}
