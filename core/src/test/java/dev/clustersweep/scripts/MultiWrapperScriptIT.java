package dev.clustersweep.scripts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.scripts.SweepFixture.Result;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** multiwrapper.sh run by real bash: a group of tasks, at most MAXPARALLEL at once. */
public class MultiWrapperScriptIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepFixture sweep;

    @Before
    public void setUp() throws Exception {
        sweep = new SweepFixture(tmp.getRoot().toPath()).render(EnvironmentSetup.NONE);
    }

    private Process start(int index, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", sweep.dir.multiWrapper().toString()));
        command.addAll(List.of(args));
        return sweep.builder(Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(index), "SLURM_ARRAY_JOB_ID", "4242"),
                command.toArray(String[]::new)).start();
    }

    @Test
    public void runsAtMostMaxParallelAndRecordsEachTask() throws Exception {
        String timed = "date +%s%N > t$SWEEP_TASK_ID.start; sleep 0.3; date +%s%N > t$SWEEP_TASK_ID.end";
        sweep.jobs(timed, timed, timed + "; exit 5", timed, timed, "echo not in the group");
        GroupFile.write(sweep.dir, 3, List.of(new long[] {6}, new long[] {1, 2, 3, 4, 5}));
        // Line 2 = index 1 + offset 1.
        Result r = SweepFixture.finish(start(1, "3", "2", "1"));
        assertEquals(r.output(), 1, r.exit());
        assertEquals("", r.output());

        for (long id = 1; id <= 5; id++) {
            assertEquals("3", sweep.start(id, 1).get("submission"));
            assertEquals("4242", sweep.start(id, 1).get("job"));
            assertEquals(id == 3 ? "5" : "0", sweep.end(id, 1).get("exit"));
            assertEquals("exit", sweep.end(id, 1).get("reason"));
        }
        int most = dev.clustersweep.TimedTasks.mostAtOnce(sweep.work, 1, 2, 3, 4, 5);
        assertEquals("at most 2 at once, and 2 were used", 2, most);
        assertTrue(Files.notExists(sweep.dir.startRecord(6, 1)));
    }

    @Test
    public void exitsZeroWhenAllSucceed() throws Exception {
        sweep.jobs("true", "echo two", "true");
        GroupFile.write(sweep.dir, 1, List.of(new long[] {1, 2, 3}));
        assertEquals(0, SweepFixture.finish(start(1, "1", "3")).exit());
        assertEquals("two\n", sweep.out(2, 1));
        assertEquals("0", sweep.end(3, 1).get("exit"));
    }

    /** A task that says when it runs (file readyID in the working directory), then sleeps. */
    private static final String READY_THEN_SLEEP = ": > ready$SWEEP_TASK_ID; exec sleep 300";

    private void awaitReady(long id) throws InterruptedException {
        SweepFixture.awaitFile(sweep.work.resolve("ready" + id));
    }

    /** Tasks 1 and 2 running, 3 and 4 waiting for a slot; SIGNAL to the multiwrapper stops them all. */
    private void stopSignalCancelsEveryTaskQuickly(String signal) throws Exception {
        sweep.jobs(READY_THEN_SLEEP, READY_THEN_SLEEP, READY_THEN_SLEEP, "echo never");
        GroupFile.write(sweep.dir, 1, List.of(new long[] {1, 2, 3, 4}));
        Process p = start(1, "1", "2");
        awaitReady(1);
        awaitReady(2);
        long sent = System.nanoTime();
        SweepFixture.signal(p, signal);
        assertEquals(1, SweepFixture.finish(p).exit());
        assertTrue("SIG" + signal + " took more than 10 s to stop the group",
                System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(10));
        for (long id = 1; id <= 4; id++) {
            assertEquals("143", sweep.end(id, 1).get("exit"));
            assertEquals("cancelled", sweep.end(id, 1).get("reason"));
        }
        assertTrue(sweep.err(4, 1).contains("not started"));
        assertEquals("", sweep.out(4, 1));
        assertTrue(Files.notExists(sweep.work.resolve("ready3")));
    }

    @Test
    public void termStopsTheRunningTasksAndRecordsTheOthersAsNotStarted() throws Exception {
        stopSignalCancelsEveryTaskQuickly("TERM");
    }

    @Test
    public void intStopsTheRunningTasksAndRecordsTheOthersAsNotStarted() throws Exception {
        stopSignalCancelsEveryTaskQuickly("INT");
    }

    @Test
    public void hupStopsTheRunningTasksAndRecordsTheOthersAsNotStarted() throws Exception {
        stopSignalCancelsEveryTaskQuickly("HUP");
    }

    @Test
    public void tasksDoNotInheritIntOrQuitIgnored() throws Exception {
        // A plain `&` in a non-interactive shell ignores SIGINT and SIGQUIT, and nothing can undo that
        // further down: Python, for one, would have no KeyboardInterrupt.
        sweep.jobs(SweepFixture.SIG_IGN + "sigign1", SweepFixture.SIG_IGN + "sigign2");
        GroupFile.write(sweep.dir, 1, List.of(new long[] {1, 2}));
        Result r = SweepFixture.finish(start(1, "1", "2"));
        assertEquals(r.output(), 0, r.exit());
        for (long id = 1; id <= 2; id++) {
            assertEquals("task " + id, 0, sweep.ignoredSignals("sigign" + id) & (SweepFixture.INT | SweepFixture.QUIT));
        }
    }

    @Test
    public void usr1ThenTermIsATimeoutForStartedAndUnstartedTasks() throws Exception {
        sweep.jobs(READY_THEN_SLEEP, "echo never");
        GroupFile.write(sweep.dir, 1, List.of(new long[] {1, 2}));
        Process p = start(1, "1", "1");
        awaitReady(1);
        // The warning, then the stop, as a scheduler sends them: the stop once the running wrapper
        // has the warning (bash 5.2's `wait` runs only the trap of the second of two signals that
        // arrive together, so a warning sent a moment before the stop can be lost; docs/layout.md).
        SweepFixture.signal(p, "USR1");
        SweepFixture.awaitFile(sweep.dir.statusDir().resolve("1.1.warned"));
        SweepFixture.signal(p, "TERM");
        assertEquals(1, SweepFixture.finish(p).exit());
        assertEquals("timeout", sweep.end(1, 1).get("reason"));
        assertEquals("timeout", sweep.end(2, 1).get("reason"));
    }

    @Test
    public void misuseExits2() throws Exception {
        sweep.jobs("true");
        Result r = SweepFixture.finish(start(1, "1", "2"));
        assertEquals(2, r.exit());
        assertTrue(r.output(), r.output().contains("cannot read"));
        GroupFile.write(sweep.dir, 1, List.of(new long[] {1}));
        assertEquals(2, SweepFixture.finish(start(2, "1", "2")).exit());
        assertEquals(2, SweepFixture.finish(start(1, "1", "0")).exit());
        assertEquals(2, SweepFixture.finish(start(1, "1")).exit());
    }
}
