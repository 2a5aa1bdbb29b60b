package dev.clustersweep.backend.slurm;

import static dev.clustersweep.backend.slurm.SlurmFixture.ids;
import static dev.clustersweep.backend.slurm.SlurmFixture.options;
import static dev.clustersweep.backend.slurm.SlurmFixture.task;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.backend.Clusters;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.LaunchResult;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Slurm backend against the test cluster's real Slurm, driven through the engine. */
public class SlurmBackendIT {

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
    public void successesAndFailuresWithExitCodes() throws Exception {
        SlurmFixture f = sweep("codes");
        Path jobs = f.jobs(List.of("echo one", "exit 3", "true", "echo \"it's\" \"$SWEEP_TASK_ID\"; exit 0",
                "kill -TERM $$"));
        LaunchResult launched = f.launch(jobs, options(0));
        assertEquals(1, launched.submission().jobs().size());
        assertTrue(launched.plan().get(0), launched.plan().get(0).startsWith("sbatch --parsable --array=1-5 "));
        long afterSubmit = f.schedulerCalls();

        SweepStatus s = f.awaitFinished(Duration.ofSeconds(60));
        assertEquals(TaskState.SUCCEEDED, task(s, 1).state());
        assertEquals(TaskState.FAILED, task(s, 2).state());
        assertEquals(Integer.valueOf(3), task(s, 2).exitCode());
        assertEquals(TaskState.SUCCEEDED, task(s, 3).state());
        assertEquals("it's 4\n", Files.readString(f.sweep.directory().stdout(4, 1)));
        assertEquals(TaskState.FAILED, task(s, 5).state());
        assertEquals(Integer.valueOf(143), task(s, 5).exitCode());
        // The scheduler's own logs went where -o/-e said.
        try (var logs = Files.list(f.sweep.directory().schedulerLogsDir())) {
            assertEquals(10, logs.count());
        }
        // Polls cost one squeue each: no task left squeue without an end record, so no sacct.
        long polls = f.schedulerCalls() - afterSubmit;
        assertTrue("calls after submit " + polls, polls >= 1);
        SweepStatus again = f.sweep.status();
        assertEquals(f.schedulerCalls(), afterSubmit + polls + 1);
        assertEquals(s.summary(), again.summary());
    }

    @Test
    public void cancelOfRunningAndPendingElements() throws Exception {
        SlurmFixture f = sweep("cancel");
        f.launch(f.jobs(6, "sleep 60"), options(2));
        f.awaitUntil(s -> s.count(TaskState.RUNNING) == 2, Duration.ofSeconds(30), "2 running");
        SweepStatus before = f.sweep.status();
        List<Long> running = before.tasks().stream().filter(t -> t.state() == TaskState.RUNNING)
                .map(TaskStatus::id).toList();
        // One running task and two pending ones.
        long runningId = running.get(0);
        List<Long> pending = before.tasks().stream().filter(t -> t.state() == TaskState.PENDING)
                .map(TaskStatus::id).limit(2).toList();
        assertEquals(2, pending.size());
        long calls = f.schedulerCalls();
        f.sweep.cancel(ids(runningId + "," + pending.get(0) + "," + pending.get(1)));
        assertEquals("squeue for the status, squeue, scancel of the pending, scancel --batch --signal=TERM",
                calls + 4, f.schedulerCalls());

        SweepStatus s = f.awaitUntil(st -> !task(st, runningId).state().isActive(), Duration.ofSeconds(30),
                "cancelled");
        assertEquals(TaskState.CANCELLED, task(s, runningId).state());
        assertEquals("the wrapper recorded it", 1, task(s, runningId).attempt());
        for (long id : pending) {
            assertEquals(TaskState.CANCELLED, task(s, id).state());
            assertEquals("never started", 0, task(s, id).attempts());
        }
        assertEquals(3, s.count(TaskState.RUNNING) + s.count(TaskState.PENDING));

        f.sweep.cancel(null);
        s = f.awaitFinished(Duration.ofSeconds(30));
        assertEquals(6, s.count(TaskState.CANCELLED));
    }

    @Test
    public void relaunchOfFailedTasksOnly() throws Exception {
        SlurmFixture f = sweep("relaunch");
        // Task 2 fails on its first attempt only.
        f.launch(f.jobs(List.of("true", "echo try $SWEEP_ATTEMPT; [ \"$SWEEP_ATTEMPT\" -gt 1 ] || exit 4", "true")),
                options(0));
        SweepStatus s = f.awaitFinished(Duration.ofSeconds(60));
        assertEquals(TaskState.FAILED, task(s, 2).state());
        assertEquals(Integer.valueOf(4), task(s, 2).exitCode());

        LaunchResult again = f.relaunchFailed(options(0));
        assertEquals(ids("2"), again.tasks());
        assertEquals(2, again.submission().number());
        assertEquals(ids("2"), again.submission().jobs().get(0).tasks());
        s = f.awaitFinished(Duration.ofSeconds(60));
        assertEquals(TaskState.SUCCEEDED, task(s, 2).state());
        assertEquals(2, task(s, 2).attempt());
        assertEquals(2, task(s, 2).submission());
        assertEquals(1, task(s, 1).attempts());
        assertEquals("try 1\n", Files.readString(f.sweep.directory().stdout(2, 1)));
        assertEquals("try 2\n", Files.readString(f.sweep.directory().stdout(2, 2)));
    }

    @Test
    public void largeSweepIsSplitIntoArraysAndCancelled() throws Exception {
        SlurmFixture f = sweep("big");
        // %2 per array: at most 6 of the 2,500 ever start.
        LaunchResult launched = f.launch(f.jobs(2500, "sleep 60"), options(2));
        List<SchedulerJob> jobs = launched.submission().jobs();
        assertEquals(3, jobs.size());
        assertEquals(List.of(0L, 1001L, 2002L), jobs.stream().map(SchedulerJob::offset).toList());
        assertEquals(List.of(ids("1-1000"), ids("1001-2001"), ids("2002-2500")),
                jobs.stream().map(SchedulerJob::tasks).toList());
        assertEquals(3, launched.plan().size());
        assertTrue(launched.plan().get(1), launched.plan().get(1).contains("--array=0-1000%2 "));
        assertTrue(launched.plan().get(1), launched.plan().get(1).endsWith("wrapper.sh 1 1001"));
        Submission recorded = f.submissions().get(0);
        assertEquals(jobs, recorded.jobs());

        long calls = f.schedulerCalls();
        SweepStatus s = f.sweep.status();
        assertEquals(1, f.schedulerCalls() - calls);
        assertEquals(2500, s.count(TaskState.PENDING) + s.count(TaskState.RUNNING));

        calls = f.schedulerCalls();
        f.sweep.cancel(null);
        long cancelCalls = f.schedulerCalls() - calls;
        assertTrue("2 squeue, scancel of the pending, signal to the running (if any started): " + cancelCalls,
                cancelCalls == 3 || cancelCalls == 4);
        s = f.awaitFinished(Duration.ofSeconds(60));
        assertEquals(s.summary(), 2500, s.count(TaskState.CANCELLED));
    }

    @Test
    public void taskOverItsDurationEndsTimeout() throws Exception {
        SlurmFixture f = sweep("timeout");
        f.launch(f.jobs(List.of("sleep 300")), options(SlurmFixture.withDuration(60), 0, 1, 0));
        // Slurm checks time limits every 30 s: the task ends between 60 and about 95 s.
        SweepStatus s = f.awaitFinished(Duration.ofSeconds(150));
        TaskStatus t = task(s, 1);
        assertEquals(t.toString(), TaskState.TIMEOUT, t.state());
        assertTrue(t.toString(), t.end() - t.start() >= 55);
    }

    @Test
    public void packedTasksGetTheirOwnRecords() throws Exception {
        SlurmFixture f = sweep("packed");
        f.launch(f.jobs(List.of("sleep 2", "sleep 2", "sleep 2", "sleep 2", "exit 5", "echo six")),
                options(Resources.defaults(), 0, 3, 2));
        Submission sub = f.submissions().get(0);
        assertEquals(1, sub.jobs().size());
        assertEquals(3, sub.jobs().get(0).groupSize());
        assertEquals("1 2 3\n4 5 6\n", Files.readString(f.sweep.directory().groups(1)));
        SweepStatus s = f.awaitFinished(Duration.ofSeconds(60));
        for (long id : List.of(1L, 2L, 3L, 4L, 6L)) {
            assertEquals(TaskState.SUCCEEDED, task(s, id).state());
            assertEquals(1, task(s, id).attempt());
        }
        assertEquals(TaskState.FAILED, task(s, 5).state());
        assertEquals(Integer.valueOf(5), task(s, 5).exitCode());
        assertEquals("six\n", Files.readString(f.sweep.directory().stdout(6, 1)));
        // At most 2 of an element's 3 tasks at once: task 3 started after 1 or 2 ended.
        TaskStatus first = task(s, 1);
        TaskStatus third = task(s, 3);
        assertTrue(third.start() >= first.start() + 1);
        assertNull(task(s, 1).detail());
    }

    @Test
    public void packedCancelStopsWholeElementsOnly() throws Exception {
        SlurmFixture f = sweep("packcancel");
        f.launch(f.jobs(4, "sleep 60"), options(Resources.defaults(), 0, 2, 0));
        f.awaitUntil(s -> s.count(TaskState.RUNNING) == 4, Duration.ofSeconds(30), "4 running");
        long calls = f.schedulerCalls();
        try {
            f.sweep.cancel(ids("1,3-4"));
            throw new AssertionError("a partial element must be reported");
        } catch (dev.clustersweep.backend.BackendException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("tasks 1 were not cancelled"));
        }
        assertEquals("the engine's status squeue only: a refused cancel runs no scancel", calls + 1,
                f.schedulerCalls());
        Thread.sleep(2000);
        assertEquals("a refused cancel changes nothing", 4, f.sweep.status().count(TaskState.RUNNING));
        f.sweep.cancel(ids("3-4"));
        SweepStatus s = f.awaitUntil(st -> !task(st, 3).state().isActive() && !task(st, 4).state().isActive(),
                Duration.ofSeconds(30), "element 2 cancelled");
        assertEquals(TaskState.CANCELLED, task(s, 3).state());
        assertEquals(TaskState.CANCELLED, task(s, 4).state());
        assertEquals(TaskState.RUNNING, task(s, 1).state());
        assertEquals(TaskState.RUNNING, task(s, 2).state());
        f.sweep.cancel(ids("1-2"));
        s = f.awaitFinished(Duration.ofSeconds(30));
        assertEquals(s.tasks().toString(), 4, s.count(TaskState.CANCELLED));
    }
}
