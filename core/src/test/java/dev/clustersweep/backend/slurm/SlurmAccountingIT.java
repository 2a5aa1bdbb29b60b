package dev.clustersweep.backend.slurm;

import static org.junit.Assert.assertEquals;

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
 * A task gone from squeue without an end record: the backend asks sacct once per poll, lazily. Runs
 * everywhere with a job Slurm never had; where accounting remembers a failed element that has left
 * squeue (MinJobAge), also checks the state and exit code sacct gives.
 */
public class SlurmAccountingIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void goneElementIsAskedOfSacctOnce() throws Exception {
        Clusters.requireSlurm();
        // Always: a job Slurm never had is gone from squeue; sacct is asked once, lazily, and with
        // accounting off or no record the task is UNKNOWN (the engine then shows LOST).
        SlurmBackend backend = new SlurmBackend(new SweepDirectory(tmp.newFolder("never").toPath(), "never"));
        Submission never = new Submission(1, "slurm", 0, TaskList.of(7), Launcher.current(),
                List.of(new SchedulerJob("1999999999", TaskList.of(7), 0, 1)));
        SchedulerView view = backend.poll(List.of(never));
        assertEquals("squeue only", 1, backend.schedulerCalls());
        assertEquals(SchedulerTask.Kind.UNKNOWN, view.lookup(never, 7).kind());
        assertEquals("one sacct, on the first lookup of a gone task", 2, backend.schedulerCalls());
        view.lookup(never, 7);
        assertEquals("one sacct per poll", 2, backend.schedulerCalls());

        // Where accounting runs and remembers a failed array element that left squeue (MinJobAge):
        // its state and exit code come from sacct.
        CommandRunner shell = new CommandRunner(Duration.ofSeconds(30));
        CommandRunner.Result acct = shell.run(List.of("sacct", "-X", "-P", "-n", "-S", "now-7days", "-o",
                "JobID,State,ExitCode"));
        Optional<String[]> old = !acct.ok() ? Optional.empty() : acct.stdout().lines().map(l -> l.split("\\|"))
                .filter(f -> f.length == 3 && f[0].matches("\\d+_\\d+") && f[1].equals("FAILED")
                        && f[2].matches("[1-9]\\d*:0"))
                .filter(f -> !shell.run(List.of("squeue", "-h", "-t", "all", "-j", f[0].split("_")[0])).ok())
                .findFirst();
        if (old.isEmpty()) {
            System.out.println("[slurm] no failed element in accounting older than MinJobAge: "
                    + (acct.ok() ? "none yet" : "accounting off: " + acct.message()));
            return;
        }
        String job = old.get()[0].split("_")[0];
        long index = Long.parseLong(old.get()[0].split("_")[1]);
        int exit = Integer.parseInt(old.get()[2].split(":")[0]);
        SlurmBackend withHistory = new SlurmBackend(new SweepDirectory(tmp.newFolder("acct").toPath(), "acct"));
        long taskId = index + 10; // a submission whose task ran as that element (task id = index + offset)
        Submission s = new Submission(1, "slurm", 0, TaskList.of(taskId), Launcher.current(),
                List.of(new SchedulerJob(job, TaskList.of(taskId), 10, 1)));
        SchedulerTask t = withHistory.poll(List.of(s)).lookup(s, taskId);
        assertEquals(SchedulerTask.Kind.ENDED, t.kind());
        assertEquals(TaskState.FAILED, t.endedAs());
        assertEquals(Integer.valueOf(exit), t.exitCode());
    }
}
