package dev.clustersweep.backend.gridengine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.Clusters;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.LaunchResult;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The Grid Engine backend against the real single-node Grid Engine of test-cluster/ (4 slots, about
 * 4 tasks a second): launches, states, cancels, relaunches, Eqw, time limits, packing, and the
 * qmaster and execd going away. Arrays stay small.
 */
public class GridEngineClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private Path work;
    private final List<Sweep> sweeps = new ArrayList<>();

    @Before
    public void setUp() throws IOException {
        Clusters.requireGridEngine();
        // GE runs the jobs as root on this host, so any local directory works; /var/tmp outlives reboots of /tmp.
        work = Files.createTempDirectory(Path.of("/var/tmp"), "ge-test-");
    }

    @After
    public void tearDown() throws IOException {
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(30));
        for (Sweep sweep : sweeps) {
            for (Submission s : new SweepRecords(sweep.directory()).submissions()) {
                for (SchedulerJob job : s.jobs()) {
                    runner.run(List.of("qdel", job.jobId()));
                }
            }
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Sweep sweep(String name, String... commands) throws IOException {
        Path jobs = work.resolve(name + ".jobs.json");
        List<Job> list = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            list.add(new Job(i + 1, commands[i], ""));
        }
        JobFile.write(jobs, list.iterator());
        Sweep sweep = Sweep.open(work, name);
        sweeps.add(sweep);
        return sweep;
    }

    private static Resources resources(long durationSeconds, List<String> extra) {
        return new Resources(1, 0, 0, durationSeconds, null, null, null, null, null, null, null, 0, extra);
    }

    private static LaunchOptions options(Resources r, int maxTasks, int perNode) {
        return new LaunchOptions("gridengine", r, maxTasks, perNode, 0, null, 5);
    }

    private static LaunchOptions plain() {
        return options(resources(0, List.of()), 0, 1);
    }

    private LaunchResult launch(Sweep sweep, TaskList tasks, LaunchOptions options) throws Exception {
        Path jobFile = sweep.exists() ? null : work.resolve(sweep.directory().jobName() + ".jobs.json");
        return sweep.launch(new LaunchRequest(jobFile, null, tasks, false, options, false));
    }

    private static LaunchResult relaunchFailed(Sweep sweep, LaunchOptions options) throws Exception {
        return sweep.launch(new LaunchRequest(null, null, null, true, options, false));
    }

    private static SweepStatus await(Sweep sweep) throws Exception {
        return awaitUntil(sweep, SweepStatus::isFinished);
    }

    private static SweepStatus awaitUntil(Sweep sweep, Predicate<SweepStatus> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = 300;
        SweepStatus status = sweep.status();
        while (!done.test(status)) {
            if (System.nanoTime() > deadline) {
                fail("still waiting after " + WAIT.toSeconds() + " s: " + describe(status));
            }
            Thread.sleep(pause);
            pause = Math.min(2000, pause * 3 / 2);
            status = sweep.status();
        }
        return status;
    }

    private static TaskStatus task(SweepStatus status, long id) {
        return status.tasks().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private static String describe(SweepStatus status) {
        StringBuilder text = new StringBuilder(status.summary());
        for (TaskStatus t : status.tasks()) {
            text.append("\n  ").append(t.id()).append(' ').append(t.state()).append(" exit=").append(t.exitCode())
                    .append(" attempt=").append(t.attempt()).append(t.detail() == null ? "" : " " + t.detail());
        }
        return text.toString();
    }

    private static void assertState(SweepStatus status, long id, TaskState state, Integer exit) {
        TaskStatus t = task(status, id);
        assertEquals(describe(status), state, t.state());
        if (exit != null) {
            assertEquals(describe(status), exit, t.exitCode());
        }
    }

    private static String qstat() {
        return new CommandRunner(Duration.ofSeconds(30)).run(List.of("qstat", "-u", "*")).stdout();
    }

    private static boolean jobListed(String jobId) {
        return qstat().lines().anyMatch(l -> l.strip().startsWith(jobId + " "));
    }

    private static void waitUntilGone(String jobId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (jobListed(jobId) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private static Path ctl() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path ctl = dir.resolve("test-cluster").resolve("ctl.sh");
            if (Files.exists(ctl)) {
                return ctl;
            }
        }
        throw new AssertionError("test-cluster/ctl.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static void ctl(String action, String daemon) {
        CommandRunner.Result r = new CommandRunner(Duration.ofSeconds(120))
                .run(List.of("bash", ctl().toString(), action, daemon));
        assertTrue("ctl.sh " + action + " " + daemon + ": " + r.message() + "\n" + r.stdout(), r.ok());
    }

    private static void waitForQmaster() throws InterruptedException {
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(20));
        for (int i = 0; i < 60; i++) {
            if (runner.run(List.of("qstat", "-g", "c")).ok()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("qmaster did not answer within 30 s of its restart");
    }

    // ---- tests -----------------------------------------------------------------------------------

    @Test(timeout = 120_000)
    public void successesAndFailuresWithTheirExitCodes() throws Exception {
        // 99 and 100 would make Grid Engine requeue the job or hold it in error: the job script maps them.
        Sweep sweep = sweep("codes", "true", "exit 3", "echo out; echo err >&2", "exit 99", "exit 100");
        LaunchResult launched = launch(sweep, null, plain());
        assertEquals(1, launched.submission().jobs().size());
        long afterLaunch = sweep.backends().schedulerCalls();
        assertEquals(1, afterLaunch);
        SweepStatus done = await(sweep);
        assertState(done, 1, TaskState.SUCCEEDED, 0);
        assertState(done, 2, TaskState.FAILED, 3);
        assertState(done, 3, TaskState.SUCCEEDED, 0);
        assertState(done, 4, TaskState.FAILED, 99);
        assertState(done, 5, TaskState.FAILED, 100);
        assertEquals("out\n", Files.readString(sweep.directory().stdout(3, 1)));
        assertTrue(Files.readString(sweep.directory().stderr(3, 1)).contains("err"));
        String job = launched.submission().jobs().get(0).jobId();
        // The end records come before the job script's exit: give the job a moment to leave qstat.
        waitUntilGone(job, 30);
        Thread.sleep(3000);
        assertFalse("nothing requeued or held: " + qstat(), jobListed(job));
        String accounting = new CommandRunner(Duration.ofSeconds(30)).run(List.of("qacct", "-j", job)).stdout();
        assertEquals(accounting, 5, accounting.lines().filter(l -> l.startsWith("taskid")).count());
        assertEquals(accounting, 2, accounting.lines().filter(l -> l.matches("exit_status\\s+1\\s*")).count());
        long polls = sweep.backends().schedulerCalls() - afterLaunch;
        System.out.println("[ge] 5 tasks: 1 qsub, " + polls + " calls while awaiting (no qacct, no qstat -j expected)");
        // Afterwards a status is one qstat: every task has an end record, so no qacct.
        long before = sweep.backends().schedulerCalls();
        sweep.status();
        assertEquals(1, sweep.backends().schedulerCalls() - before);
    }

    @Test(timeout = 120_000)
    public void severalRangesAreSeveralQsubsThatAllRun() throws Exception {
        Sweep sweep = sweep("ranges", "true", "true", "true", "true", "true", "true", "true", "true", "true");
        LaunchResult launched = launch(sweep, TaskList.parse("1-3,5,8-9"), plain());
        assertEquals(3, launched.submission().jobs().size()); // 1-3, 5-8:3, 9
        assertEquals(3, sweep.backends().schedulerCalls());
        SweepStatus done = await(sweep);
        assertEquals(describe(done), 6, done.count(TaskState.SUCCEEDED));
        assertEquals(3, done.notLaunched());
        for (long id : new long[] {1, 2, 3, 5, 8, 9}) {
            assertState(done, id, TaskState.SUCCEEDED, 0);
        }
    }

    @Test(timeout = 120_000)
    public void cancelOfASubset() throws Exception {
        Sweep sweep = sweep("cancel", "sleep 60", "sleep 60", "sleep 60", "sleep 60", "true", "true");
        launch(sweep, null, options(resources(0, List.of()), 2, 1)); // -tc 2: tasks 3-6 wait
        awaitUntil(sweep, s -> s.count(TaskState.RUNNING) == 2 && task(s, 1).state() == TaskState.RUNNING);
        sweep.cancel(TaskList.parse("1,3-4"));
        SweepStatus s = awaitUntil(sweep, st -> task(st, 1).state().isTerminal() && task(st, 3).state().isTerminal()
                && task(st, 4).state().isTerminal());
        assertState(s, 1, TaskState.CANCELLED, null); // running: qdel's SIGUSR2 let the wrapper record it
        assertState(s, 3, TaskState.CANCELLED, null); // pending: gone, the cancel record tells
        assertState(s, 4, TaskState.CANCELLED, null);
        assertTrue(Files.exists(sweep.directory().endRecord(1, 1)));
        sweep.cancel(TaskList.of(2));
        SweepStatus done = await(sweep);
        assertState(done, 2, TaskState.CANCELLED, null);
        assertState(done, 5, TaskState.SUCCEEDED, 0);
        assertState(done, 6, TaskState.SUCCEEDED, 0);
    }

    @Test(timeout = 120_000)
    public void aWrapperKilledWithoutARecordEndsAsAccountingSays() throws Exception {
        // The task SIGKILLs its wrapper, the parent of the subshell that started it (field 4 of its
        // /proc stat): no end record, so the state comes from qacct (which lags qstat).
        Sweep sweep = sweep("acct", "read -r -a s < /proc/$PPID/stat; kill -9 ${s[3]}; sleep 1", "true");
        launch(sweep, null, plain());
        SweepStatus done = await(sweep);
        System.out.println("[ge] wrapper killed: " + describe(done).replace('\n', ' '));
        assertState(done, 1, TaskState.FAILED, 137);
        assertTrue(task(done, 1).detail(), task(done, 1).detail().contains("Grid Engine accounting: failed 0"));
        assertState(done, 2, TaskState.SUCCEEDED, 0);
    }

    @Test(timeout = 120_000)
    public void relaunchOfFailedTasksOnly() throws Exception {
        Sweep sweep = sweep("relaunch", "true", "echo try $SWEEP_ATTEMPT; [ \"$SWEEP_ATTEMPT\" -gt 1 ]", "exit 4");
        launch(sweep, null, plain());
        SweepStatus first = await(sweep);
        assertState(first, 2, TaskState.FAILED, 1);
        assertState(first, 3, TaskState.FAILED, 4);
        LaunchResult again = relaunchFailed(sweep, plain());
        assertEquals(TaskList.parse("2-3"), again.tasks());
        SweepStatus done = await(sweep);
        assertState(done, 1, TaskState.SUCCEEDED, 0);
        assertEquals(1, task(done, 1).attempts());
        assertState(done, 2, TaskState.SUCCEEDED, 0);
        assertEquals(2, task(done, 2).attempts());
        assertState(done, 3, TaskState.FAILED, 4);
        assertEquals("try 1\n", Files.readString(sweep.directory().stdout(2, 1))); // attempt 1 kept
        assertEquals("try 2\n", Files.readString(sweep.directory().stdout(2, 2)));
    }

    @Test(timeout = 150_000)
    public void eqwIsAnErrorWithTheReasonAndARelaunchReplacesIt() throws Exception {
        Sweep sweep = sweep("eqw", "true", "true", "true");
        // Our -wd comes first; a later one wins, and a directory that does not exist gives Eqw.
        LaunchResult bad = launch(sweep, null, options(resources(0, List.of("-wd", "/nonexistent/ge-test")), 0, 1));
        String oldJob = bad.submission().jobs().get(0).jobId();
        SweepStatus error = awaitUntil(sweep, s -> s.count(TaskState.ERROR) == 3);
        String reason = task(error, 2).detail();
        assertNotNull(describe(error), reason);
        assertTrue(reason, reason.contains("Eqw") && reason.contains("/nonexistent/ge-test"));
        System.out.println("[ge] Eqw seen as: " + reason);
        assertTrue(jobListed(oldJob));

        LaunchResult again = relaunchFailed(sweep, plain());
        assertEquals(TaskList.range(1, 3), again.tasks());
        assertFalse("the Eqw tasks were deleted before the new job: " + qstat(), jobListed(oldJob));
        SweepStatus done = await(sweep);
        assertEquals(describe(done), 3, done.count(TaskState.SUCCEEDED));
        assertEquals(2, task(done, 1).submission());
    }

    @Test(timeout = 150_000)
    public void aCancelDeletesTasksInEqwAndRecordsThemCancelled() throws Exception {
        Sweep sweep = sweep("eqwcancel", "true", "true");
        LaunchResult bad = launch(sweep, null, options(resources(0, List.of("-wd", "/nonexistent/ge-test")), 0, 1));
        String job = bad.submission().jobs().get(0).jobId();
        awaitUntil(sweep, s -> s.count(TaskState.ERROR) == 2);
        // It was "no active task to cancel", and the job stayed queued.
        assertEquals(TaskList.range(1, 2), sweep.cancel(null));
        assertFalse("the Eqw job was deleted: " + qstat(), jobListed(job));
        SweepStatus done = await(sweep);
        assertEquals(describe(done), 2, done.count(TaskState.CANCELLED));
    }

    @Test(timeout = 120_000)
    public void overItsDurationATaskEndsTimeout() throws Exception {
        Sweep sweep = sweep("timeout", "sleep 120", "true");
        long start = System.nanoTime();
        launch(sweep, null, options(resources(8, List.of()), 0, 1));
        SweepStatus done = await(sweep);
        assertState(done, 1, TaskState.TIMEOUT, null);
        assertState(done, 2, TaskState.SUCCEEDED, 0);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("[ge] h_rt=8 s task ended TIMEOUT after " + seconds + " s (job script stops it at 4 s)");
        Path log = sweep.directory().schedulerLogsDir().resolve("timeout."
                + new SweepRecords(sweep.directory()).submissions().get(0).jobs().get(0).jobId() + ".1.err");
        assertTrue(Files.readString(log), Files.readString(log).contains("time limit of the job script reached"));
    }

    @Test(timeout = 120_000)
    public void packedTasksRunThroughTheMultiwrapper() throws Exception {
        Sweep sweep = sweep("packed", "true", "exit 5", "true", "true", "echo $SWEEP_TASK_ID");
        LaunchResult launched = launch(sweep, null, options(resources(0, List.of()), 0, 2));
        assertEquals(1, launched.submission().jobs().size());
        assertEquals(2, launched.submission().jobs().get(0).groupSize());
        assertEquals("1 2\n3 4\n5\n", Files.readString(sweep.directory().groups(1)));
        SweepStatus done = await(sweep);
        assertState(done, 1, TaskState.SUCCEEDED, 0);
        assertState(done, 2, TaskState.FAILED, 5);
        assertState(done, 3, TaskState.SUCCEEDED, 0);
        assertState(done, 4, TaskState.SUCCEEDED, 0);
        assertState(done, 5, TaskState.SUCCEEDED, 0);
        assertEquals("5\n", Files.readString(sweep.directory().stdout(5, 1)));
    }

    @Test(timeout = 150_000)
    public void packedCancelStopsWholeElementsOnlyAndARefusalChangesNothing() throws Exception {
        Sweep sweep = sweep("packcancel", "sleep 60", "sleep 60", "sleep 60", "sleep 60");
        launch(sweep, null, options(resources(0, List.of()), 0, 2)); // elements: 1 2 | 3 4
        awaitUntil(sweep, s -> s.count(TaskState.RUNNING) == 4);
        try {
            sweep.cancel(TaskList.parse("1,3-4"));
            fail("a partial element must be reported");
        } catch (BackendException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("tasks 1 were not cancelled"));
        }
        Thread.sleep(2000);
        SweepStatus after = sweep.status();
        assertEquals("a refused cancel changes nothing: " + describe(after), 4, after.count(TaskState.RUNNING));
        sweep.cancel(TaskList.parse("3-4"));
        SweepStatus s = awaitUntil(sweep, st -> !task(st, 3).state().isActive() && !task(st, 4).state().isActive());
        assertState(s, 3, TaskState.CANCELLED, null);
        assertState(s, 4, TaskState.CANCELLED, null);
        assertEquals(describe(s), TaskState.RUNNING, task(s, 1).state());
        assertEquals(describe(s), TaskState.RUNNING, task(s, 2).state());
        sweep.cancel(TaskList.parse("1-2"));
        SweepStatus done = await(sweep);
        assertEquals(describe(done), 4, done.count(TaskState.CANCELLED));
    }

    @Test(timeout = 180_000)
    public void qmasterDownAtSubmitLeavesNoRecord() throws Exception {
        Sweep running = sweep("survivor", "sleep 8");
        launch(running, null, plain());
        awaitUntil(running, s -> s.count(TaskState.RUNNING) == 1);
        Sweep sweep = sweep("qmaster", "true");
        ctl("stop", "qmaster");
        try {
            try {
                running.status();
                fail("a poll with the qmaster down should fail");
            } catch (BackendException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("qstat failed: ")
                        && e.getMessage().contains("unable to send message to qmaster"));
            }
            try {
                launch(sweep, null, plain());
                fail("qsub with the qmaster down should fail");
            } catch (BackendException e) {
                System.out.println("[ge] qmaster down: " + e.getMessage());
                assertTrue(e.getMessage(), e.getMessage().contains("qsub failed")
                        && e.getMessage().contains("unable to send message to qmaster"));
            }
            assertTrue(new SweepRecords(sweep.directory()).submissions().isEmpty());
            try {
                sweep.status();
            } catch (BackendException e) {
                fail("no submission, so no qstat: " + e.getMessage());
            }
        } finally {
            ctl("start", "qmaster");
            waitForQmaster();
        }
        launch(sweep, null, plain());
        assertState(await(sweep), 1, TaskState.SUCCEEDED, 0);
        assertState(await(running), 1, TaskState.SUCCEEDED, 0); // ran on through the qmaster's absence
    }

    @Test(timeout = 240_000)
    public void execdKilledMidRunThenRestarted() throws Exception {
        Sweep sweep = sweep("execd", "sleep 6", "sleep 6");
        LaunchResult launched = launch(sweep, null, plain());
        awaitUntil(sweep, s -> s.count(TaskState.RUNNING) == 2);
        ctl("kill", "execd");
        try {
            // The shepherds go on without the execd: the wrappers finish and write their end records,
            // which decide the states even while qstat still says "r".
            SweepStatus done = await(sweep);
            assertState(done, 1, TaskState.SUCCEEDED, 0);
            assertState(done, 2, TaskState.SUCCEEDED, 0);
            System.out.println("[ge] execd killed: qstat still lists the job: "
                    + jobListed(launched.submission().jobs().get(0).jobId()));
        } finally {
            ctl("start", "execd");
        }
        // After the restart the execd reports the finished tasks and the job leaves qstat.
        String job = launched.submission().jobs().get(0).jobId();
        waitUntilGone(job, 120);
        assertFalse("job " + job + " still listed 120 s after the execd restart: " + qstat(), jobListed(job));
        SweepStatus after = sweep.status();
        assertEquals(describe(after), 2, after.count(TaskState.SUCCEEDED));
    }
}
