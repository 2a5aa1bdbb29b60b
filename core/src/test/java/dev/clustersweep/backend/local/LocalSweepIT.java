package dev.clustersweep.backend.local;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.engine.LaunchResult;
import dev.clustersweep.engine.Waiting;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** The local backend through the engine, with real wrapper processes. */
public class LocalSweepIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    private Path work;

    @Before
    public void setUp() {
        work = tmp.getRoot().toPath();
    }

    private Sweep sweep(String name, String... commands) throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            jobs.add(new Job(i + 1, commands[i], ""));
        }
        SweepDirectory dir = new SweepDirectory(work, name);
        JobFile.write(dir.jobFile(), jobs.iterator());
        return Sweep.open(work, name);
    }

    private static LaunchOptions options(int maxTasks, long durationSeconds) {
        Resources r = new Resources(1, 0, 0, durationSeconds, null, null, null, null, null, null, null, 0, List.of());
        return new LaunchOptions("local", r, maxTasks, 1, 0, EnvironmentSetup.NONE, 2);
    }

    private static LaunchResult launch(Sweep sweep, TaskList tasks, boolean failedOnly, LaunchOptions options)
            throws Exception {
        return sweep.launch(new LaunchRequest(null, null, tasks, failedOnly, options, false));
    }

    private static SweepStatus await(Sweep sweep) throws Exception {
        return Waiting.untilEnded(sweep);
    }

    private static TaskStatus task(SweepStatus status, long id) {
        return status.tasks().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Test
    public void failuresKeepTheirExitCodes() throws Exception {
        Sweep sweep = sweep("codes", "true", "exit 3", "exit 42", "echo out; echo err >&2");
        launch(sweep, null, false, options(2, 0));
        SweepStatus status = await(sweep);
        assertEquals(TaskState.SUCCEEDED, task(status, 1).state());
        assertEquals(TaskState.FAILED, task(status, 2).state());
        assertEquals(Integer.valueOf(3), task(status, 2).exitCode());
        assertEquals(Integer.valueOf(42), task(status, 3).exitCode());
        assertEquals(TaskState.SUCCEEDED, task(status, 4).state());
        SweepDirectory dir = sweep.directory();
        assertTrue(Files.readString(dir.stdout(4, 1)).contains("out"));
        assertTrue(Files.readString(dir.stderr(4, 1)).contains("err"));
        assertEquals(TaskList.parse("2-3"), status.unsuccessful());
        assertFalse(status.allSucceeded());
        // A fresh engine in "another process" reads the same truth from the records.
        assertEquals(status.counts(), Sweep.open(work, "codes").status().counts());
    }

    @Test
    public void durationEndsTaskAsTimeout() throws Exception {
        Sweep sweep = sweep("slow", "sleep 30", "true");
        launch(sweep, null, false, options(2, 1));
        SweepStatus status = await(sweep);
        assertEquals(TaskState.TIMEOUT, task(status, 1).state());
        assertEquals(TaskState.SUCCEEDED, task(status, 2).state());
    }

    @Test
    public void cancelStopsRunningAndPendingTasks() throws Exception {
        // The task starts a child in the background: cancel must kill the whole process group.
        Path childPid = work.resolve("child.pid");
        Sweep sweep = sweep("cancel", "sleep 30 & echo $! > " + childPid + ".tmp; mv " + childPid + ".tmp " + childPid
                + "; sleep 30", "sleep 30", "sleep 30");
        launch(sweep, null, false, options(1, 0));
        waitUntil(sweep, s -> task(s, 1).state() == TaskState.RUNNING && Files.exists(childPid));
        long child = Long.parseLong(Files.readString(childPid).trim());
        assertTrue(ProcessHandle.of(child).isPresent());
        TaskList cancelled = sweep.cancel(TaskList.parse("1-2"));
        assertEquals(TaskList.parse("1-2"), cancelled);
        waitUntil(sweep, s -> task(s, 1).state().isTerminal());
        SweepStatus status = sweep.status();
        assertEquals(TaskState.CANCELLED, task(status, 1).state());
        assertEquals(TaskState.CANCELLED, task(status, 2).state());
        // Task 3 was not cancelled: it runs once task 1's worker is free.
        waitUntil(sweep, s -> task(s, 3).state() == TaskState.RUNNING);
        sweep.cancel(null);
        status = await(sweep);
        assertEquals(3, status.count(TaskState.CANCELLED));
        assertFalse("the cancelled task's child must be killed with it", running(child));
    }

    /**
     * Whether the process runs: a zombie does not. The child's shell is killed with it, so init
     * reaps it, maybe after the task's end record (PID 1 of a container may reap late, or never);
     * ProcessHandle.isAlive counts a zombie as alive.
     */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false; // gone
        }
    }

    @Test
    public void aSecondSubmissionWhileTheFirstRunsSharesItsLimit() throws Exception {
        // The lab run saw 4 local tasks at once on a 2-core node after a relaunch during the step.
        // Tasks 1-2 hold their slots until the second submission is in: it cannot have found them done.
        String timed = dev.clustersweep.TimedTasks.COMMAND;
        String gated = "while [ ! -e go ]; do sleep 0.05; done; " + timed;
        Sweep sweep = sweep("slots", gated, gated, timed, timed);
        launch(sweep, TaskList.parse("1-2"), false, options(2, 0));
        waitUntil(sweep, s -> task(s, 1).state() == TaskState.RUNNING && task(s, 2).state() == TaskState.RUNNING);
        launch(sweep, TaskList.parse("3-4"), false, options(2, 0));
        Files.writeString(work.resolve("go"), "");
        SweepStatus status = await(sweep);
        assertEquals(4, status.count(TaskState.SUCCEEDED));
        int most = dev.clustersweep.TimedTasks.mostAtOnce(work, 1, 2, 3, 4);
        assertEquals("at most --max-tasks 2 at once across both submissions", 2, most);
    }

    @Test
    public void thePauseBetweenPollsEndsWhenTheLocalTasksDo() throws Exception {
        // The loop's pause wakes when this process's own tasks end: a local run does not wait for its
        // next poll (up to 2 s) to notice. A pause of 10 minutes within the test's 2-minute timeout.
        // The tasks wait for a file written once the pause has begun, so the pool surely runs then.
        Sweep sweep = sweep("pause", "while [ ! -e go ]; do sleep 0.05; done", "true");
        launch(sweep, null, false, options(2, 0));
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(500);
                Files.writeString(work.resolve("go"), "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        sweep.pause(java.util.concurrent.TimeUnit.MINUTES.toMillis(10));
        writer.join();
        assertEquals(2, sweep.status().count(TaskState.SUCCEEDED));
    }

    @Test
    public void relaunchOfFailedTasksOnlyKeepsEarlierLogs() throws Exception {
        // Fails on the first attempt, succeeds on the second.
        Sweep sweep = sweep("retry", "echo attempt $SWEEP_ATTEMPT; [ $SWEEP_ATTEMPT -ge 2 ]", "true");
        launch(sweep, null, false, options(2, 0));
        assertEquals(TaskState.FAILED, task(await(sweep), 1).state());
        LaunchResult relaunch = launch(sweep, null, true, options(2, 0));
        assertEquals(TaskList.of(1), relaunch.tasks());
        assertEquals(2, relaunch.submission().number());
        SweepStatus status = await(sweep);
        TaskStatus first = task(status, 1);
        assertEquals(TaskState.SUCCEEDED, first.state());
        assertEquals(2, first.attempt());
        assertEquals(2, first.attempts());
        assertEquals(1, task(status, 2).attempts()); // task 2 was not relaunched
        SweepDirectory dir = sweep.directory();
        assertEquals("attempt 1\n", Files.readString(dir.stdout(1, 1)));
        assertEquals("attempt 2\n", Files.readString(dir.stdout(1, 2)));
        // Nothing failed now: --failed has nothing to launch.
        assertTrue(launch(sweep, null, true, options(2, 0)).tasks().isEmpty());
    }

    @Test
    public void secondLaunchOfActiveTasksIsRefused() throws Exception {
        Sweep sweep = sweep("busy", "sleep 30");
        launch(sweep, null, false, options(1, 0));
        waitUntil(sweep, s -> task(s, 1).state() == TaskState.RUNNING);
        try {
            launch(Sweep.open(work, "busy"), null, false, options(1, 0));
            fail("launched a running task twice");
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("still has 1 active task"));
        }
        assertEquals(1, sweep.status().tasks().size());
        sweep.cancel(null);
        await(sweep);
    }

    @Test
    public void anotherSetUpWhileTasksAreActiveIsRefused() throws Exception {
        // Task 2 waits in the pool for task 1's worker: it will start with the set-up it was launched with.
        Sweep sweep = sweep("setup", "sleep 30", "echo $X", "echo $X");
        LaunchOptions first = new LaunchOptions("local", Resources.defaults(), 1, 1, 0,
                new EnvironmentSetup(List.of(), List.of(), null, null, Map.of("X", "first")), 2);
        launch(sweep, TaskList.parse("1-2"), false, first);
        waitUntil(sweep, s -> task(s, 1).state() == TaskState.RUNNING);
        byte[] wrapper = Files.readAllBytes(sweep.directory().wrapper());
        LaunchOptions second = new LaunchOptions("local", Resources.defaults(), 1, 1, 0,
                new EnvironmentSetup(List.of(), List.of(), null, null, Map.of("X", "second")), 2);
        try {
            launch(Sweep.open(work, "setup"), TaskList.of(3), false, second);
            fail("changed the set-up of queued tasks");
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("set up otherwise"));
        }
        assertTrue(java.util.Arrays.equals(wrapper, Files.readAllBytes(sweep.directory().wrapper())));
        sweep.cancel(TaskList.of(1));
        SweepStatus status = await(sweep);
        assertEquals(TaskState.CANCELLED, task(status, 1).state());
        assertEquals(TaskState.SUCCEEDED, task(status, 2).state());
        assertEquals("first\n", Files.readString(sweep.directory().stdout(2, 1)));
        // Once nothing is active, another set-up is fine.
        launch(sweep, TaskList.of(3), false, second);
        assertEquals(TaskState.SUCCEEDED, task(await(sweep), 3).state());
        assertEquals("second\n", Files.readString(sweep.directory().stdout(3, 1)));
    }

    @Test
    public void jobfileWithIdsOutOfOrderIsBadInputAndWritesNothing() throws Exception {
        Path file = work.resolve("hand.json");
        Files.writeString(file, "{\"2\": [\"true\", \"\"], \"1\": [\"true\", \"\"]}");
        Sweep sweep = Sweep.open(work, "hand");
        try {
            sweep.launch(new LaunchRequest(file, null, null, false, options(1, 0), false));
            fail();
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("increasing order"));
        }
        assertFalse(Files.exists(sweep.directory().root()));
    }

    @Test
    public void taskListOutOfRangeWritesNothing() throws Exception {
        Sweep sweep = sweep("range", "true", "true");
        try {
            launch(sweep, TaskList.parse("2-5"), false, options(1, 0));
            fail();
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'2-5'"));
        }
        assertFalse(Files.exists(sweep.directory().submissionsDir()));
        assertFalse(Files.exists(sweep.directory().wrapper()));
    }

    @Test
    public void dryRunWritesNothing() throws Exception {
        Sweep sweep = sweep("dry", "true");
        LaunchResult result = sweep.launch(new LaunchRequest(null, null, null, false, options(1, 0), true));
        assertNull(result.submission());
        assertTrue(result.plan().get(0), result.plan().get(0).contains("wrapper.sh"));
        assertFalse(Files.exists(sweep.directory().wrapper()));
        assertFalse(Files.exists(sweep.directory().launchLock()));
        assertTrue(sweep.status().tasks().isEmpty());
    }

    @Test
    public void oneOffCommand() throws Exception {
        Sweep sweep = Sweep.open(work, "single");
        GridSpec grid = new GridSpec("echo hello 'a b'", "single", List.of(), List.of(), List.of(), null, null, true,
                ArgMode.ARGPARSE);
        sweep.launch(new LaunchRequest(null, grid, null, false, options(1, 0), false));
        SweepStatus status = await(sweep);
        assertEquals(TaskState.SUCCEEDED, task(status, 1).state());
        assertEquals("hello a b\n", Files.readString(sweep.directory().stdout(1, 1)));
    }

    @Test
    public void notLaunchedTasksAreCounted() throws Exception {
        Sweep sweep = sweep("subset", "true", "true", "true");
        launch(sweep, TaskList.of(2), false, options(1, 0));
        SweepStatus status = await(sweep);
        assertEquals(1, status.tasks().size());
        assertEquals(2, status.notLaunched());
        assertFalse(status.allSucceeded());
    }

    private static void waitUntil(Sweep sweep, java.util.function.Predicate<SweepStatus> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            SweepStatus status = sweep.status();
            if (!status.tasks().isEmpty() && condition.test(status)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("condition not met within 30 s: " + sweep.status().summary());
    }
}
