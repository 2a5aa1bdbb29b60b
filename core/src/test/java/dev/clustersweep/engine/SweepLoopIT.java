package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.page.PageActions;
import dev.clustersweep.settings.FailOn;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.sweep.ArchiveFiles;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.state.TaskState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

/** Whole runs from settings through the loop, on the local backend with real bash processes. */
public class SweepLoopIT {

    private static final PollPolicy FAST = new PollPolicy(50, 200, 1.5);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    private Path work;
    private final List<String> log = new ArrayList<>();

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work dir").toPath();
    }

    private static SweepSettings spec(String command, Object... pairs) {
        return dev.clustersweep.LocalSpecs.fourTasks("run-1", command, pairs);
    }

    private Sweep sweep() {
        return Sweep.open(work, "run-1");
    }

    /** A fresh run, as a Jenkins build makes it: launched, then followed to its end. */
    private RunResult run(SweepSettings spec) throws Exception {
        Sweep sweep = sweep();
        SweepLoop loop = new SweepLoop(sweep, FAST);
        SweepLoop.Started started = loop.start(spec.launchRequest(SiteDefaults.NONE, false), spec.get(Settings.RETRIES),
                true, s -> { });
        SweepProgress progress = loop.progress(started.state());
        if (spec.get(Settings.WAIT)) {
            progress = loop.run(started.state(), turn -> log.addAll(turn.lines())).progress();
        }
        return new RunResult(progress, sweep.directory().root().toString(), spec.failOn(), spec.get(Settings.WAIT),
                false);
    }

    private SweepLoop.Started launch(SweepSettings spec) throws Exception {
        return new SweepLoop(sweep(), FAST).start(spec.launchRequest(SiteDefaults.NONE, false), 0, true, s -> { });
    }

    private Path sweepFile(String name) {
        return work.resolve(".sweep/run-1").resolve(name);
    }

    @Test
    public void retriesRelaunchOnlyTheFailedTasks() throws Exception {
        // Task 3 fails on its first attempt and succeeds on its second.
        SweepSettings spec = spec("f() { [ \"$2\" = 3 ] && [ \"$SWEEP_ATTEMPT\" = 1 ] && exit 7; echo \"ok $2 $SWEEP_ATTEMPT\"; }; f",
                "retries", 2);
        RunResult result = run(spec);

        String all = log.toString();
        assertEquals(all, "SUCCESS", result.result());
        SweepProgress s = result.summary();
        assertEquals(all, 4, s.count(TaskState.SUCCEEDED));
        assertEquals(all, 2, s.submissions());
        assertEquals(1, s.retriesUsed());
        assertEquals("", s.unsuccessfulIds());
        assertEquals("ok 3 2\n", Files.readString(sweepFile("logs/3.2.out")));
        assertTrue(Files.exists(sweepFile("logs/3.1.out")));
        for (int id : new int[] {1, 2, 4}) {
            assertEquals("ok " + id + " 1\n", Files.readString(sweepFile("logs/" + id + ".1.out")));
            assertFalse("task " + id + " ran once", Files.exists(sweepFile("logs/" + id + ".2.out")));
        }
        assertTrue(log.toString(), log.contains("retry 1 of 2: relaunched tasks 3"));
        assertEquals(all, "run-1: 4 tasks: 4 SUCCEEDED", log.get(log.size() - 1));
        assertEquals("run-1: 4 tasks: 4 SUCCEEDED (after 1 retry)", result.line());
    }

    @Test
    public void failingTasksGiveTheConfiguredResultAndTheirIds() throws Exception {
        SweepSettings spec = spec("f() { [ \"$2\" = 2 ] || [ \"$2\" = 4 ] && exit 5; true; }; f", "retries", 1,
                "failOn", "UNSTABLE");
        RunResult result = run(spec);

        assertEquals("UNSTABLE", result.result());
        Map<String, Object> map = result.toMap();
        assertEquals("run-1", map.get("jobName"));
        assertEquals(work.resolve(".sweep/run-1").toAbsolutePath().toString(), map.get("sweepDir"));
        assertEquals("local", map.get("backend"));
        assertEquals(4L, map.get("tasks"));
        assertEquals(2L, map.get("succeeded"));
        assertEquals(2L, map.get("failed"));
        assertEquals("2,4", map.get("failedIds"));
        assertEquals(2L, ((Map<?, ?>) map.get("counts")).get("FAILED"));
        assertEquals(true, map.get("finished"));
        assertEquals(false, map.get("success"));
        assertEquals(1, map.get("retries"));
        assertEquals(2, map.get("submissions"));
        assertEquals("UNSTABLE", map.get("result"));
        // The retry ran only 2 and 4, and they failed again.
        assertTrue(Files.exists(sweepFile("logs/2.2.out")));
        assertFalse(Files.exists(sweepFile("logs/1.2.out")));
        assertEquals("run-1: 4 tasks: 2 SUCCEEDED, 2 FAILED (after 1 retry); unsuccessful tasks: 2,4", result.line());

        RunResult failure = new RunResult(result.summary(), result.sweepDir(), FailOn.FAILURE, true, false);
        assertEquals("FAILURE", failure.result());
    }

    @Test
    public void cancelStopsRunningAndPendingTasks() throws Exception {
        SweepSettings spec = spec("sleep 60 #", "maxTasks", 1, "wait", false);
        SweepLoop loop = new SweepLoop(sweep(), FAST);
        RunState state = loop.start(spec.launchRequest(SiteDefaults.NONE, false), 3, true, x -> { }).state();
        SweepProgress launched = loop.progress(state);
        assertEquals(4, launched.tasks());
        assertFalse(launched.finished());
        long deadline = System.currentTimeMillis() + 20_000;
        while (sweep().status().count(TaskState.RUNNING) == 0) {
            assertTrue("a task started", System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
        sweep().cancel(null);
        SweepLoop.Turn turn;
        do {
            assertTrue("cancelled within 20 s", System.currentTimeMillis() < deadline + 20_000);
            Thread.sleep(100);
            turn = loop.turn(state);
            state = turn.state();
        } while (!state.done());
        SweepProgress s = turn.progress();
        assertEquals(4, s.count(TaskState.CANCELLED));
        assertEquals("1-4", s.unsuccessfulIds());
        assertEquals("cancelled tasks are not retried", 1, s.submissions());
        assertEquals(0, s.retriesUsed());
    }

    @Test
    public void aSubsetOfTasksAndARerunStartingAfresh() throws Exception {
        SweepSettings spec = spec("echo", "tasks", "2,4");
        RunResult first = run(spec);
        assertEquals("SUCCESS", first.result());
        assertEquals(2, first.summary().tasks());
        assertEquals(2, first.summary().notLaunched());
        assertFalse(Files.exists(sweepFile("logs/1.1.out")));
        assertEquals("--n 4\n", Files.readString(sweepFile("logs/4.1.out")));

        RunResult second = run(spec("echo"));
        assertEquals(4, second.summary().tasks());
        assertEquals(1, second.summary().submissions());
        assertEquals("--n 4\n", Files.readString(sweepFile("logs/4.1.out")));
        assertFalse("the earlier run's attempts are gone", Files.exists(sweepFile("logs/4.2.out")));
    }

    @Test
    public void aRerunWhileTasksAreActiveIsRefused() throws Exception {
        launch(spec("sleep 60 #", "maxTasks", 1));
        try {
            String message = assertThrows(BadInputException.class, () -> launch(spec("echo"))).getMessage();
            assertTrue(message, message.contains("still has 4 active task(s) 1-4 from an earlier run"));
        } finally {
            sweep().cancel(null);
        }
    }

    @Test
    public void badSpecOrDefaultsWriteNothing() {
        SweepSettings spec = spec("echo");
        assertThrows(BadInputException.class, () -> spec.launchRequest(
                new SiteDefaults(null, null, "lots", null, null, null, null, null, null), false));
        assertThrows(BadInputException.class, () -> spec.launchRequest(
                new SiteDefaults("pbs", null, null, null, null, null, null, null, null), false));
        assertFalse(Files.exists(work.resolve(".sweep")));
    }

    @Test
    public void aBadTaskListKeepsTheEarlierRunsFiles() throws Exception {
        run(spec("echo"));
        String jobs = Files.readString(sweepFile("jobs.json"));
        assertThrows(BadInputException.class, () -> launch(spec("echo", "tasks", "3-9")));
        assertEquals(jobs, Files.readString(sweepFile("jobs.json")));
        assertTrue(Files.exists(sweepFile("submissions/000001.json")));
    }

    @Test
    public void artifactsAndTaskTable() throws Exception {
        SweepSettings spec = spec("f() { echo out $2; echo err $2 >&2; [ \"$2\" != 2 ]; }; f");
        run(spec);
        Map<String, String> files = ArchiveFiles.of(sweep().directory(), "sweep/run-1");
        assertEquals(".sweep/run-1/jobs.json", files.get("sweep/run-1/jobs.json"));
        assertEquals(".sweep/run-1/sweep.json", files.get("sweep/run-1/sweep.json"));
        assertEquals(".sweep/run-1/scripts/wrapper.sh", files.get("sweep/run-1/scripts/wrapper.sh"));
        assertEquals(".sweep/run-1/submissions/000001.json", files.get("sweep/run-1/submissions/000001.json"));
        assertEquals(".sweep/run-1/status/2.1.end", files.get("sweep/run-1/status/2.1.end"));
        assertEquals(".sweep/run-1/logs/2.1.err", files.get("sweep/run-1/logs/2.1.err"));
        assertFalse(files.keySet().stream().anyMatch(k -> k.contains("commands/") || k.endsWith("launch.lock")));
        for (String relative : files.values()) {
            assertTrue(relative, Files.isRegularFile(work.resolve(relative)));
        }

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        new PageActions(sweep()).writeTaskTable(table);
        List<String> lines = List.of(table.toString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(7, lines.size());
        assertEquals("#jobName=run-1", lines.get(0));
        assertEquals("#notLaunched=0", lines.get(1));
        assertEquals("id\tstate\texit\tattempts\tattempt\tsubmission\thost\tstart\tend\tdetail\ttag", lines.get(2));
        assertTrue(lines.get(4), lines.get(4).startsWith("2\tFAILED\t1\t1\t1\t1\t"));
        assertTrue(lines.get(3), lines.get(3).startsWith("1\tSUCCEEDED\t0\t1\t1\t1\t"));
    }

    @Test
    public void notWaitingReturnsOnceSubmitted() throws Exception {
        RunResult result = run(spec("sleep 60 #", "wait", false, "maxTasks", 1));
        try {
            assertEquals("SUCCESS", result.result());
            assertFalse(result.summary().finished());
            assertEquals(false, result.toMap().get("finished"));
        } finally {
            sweep().cancel(null);
        }
    }

    @Test
    public void theLoopLogsTheEndedCountsBeforeARetryAndEachLineOnce() throws Exception {
        RunResult result = run(spec("f() { [ \"$2\" = 1 ] && [ \"$SWEEP_ATTEMPT\" = 1 ] && exit 7; true; }; f",
                "retries", 1));
        assertEquals(log.toString(), "SUCCESS", result.result());
        int retry = log.indexOf("retry 1 of 1: relaunched tasks 1");
        assertTrue(log.toString(), retry > 0);
        assertEquals(log.toString(), "run-1: 4 tasks: 3 SUCCEEDED, 1 FAILED", log.get(retry - 1));
        assertEquals(log.toString(), 1, log.stream().filter(l -> l.equals("run-1: 4 tasks: 4 SUCCEEDED")).count());
        for (int i = 1; i < log.size(); i++) {
            assertFalse(log.toString(), log.get(i).equals(log.get(i - 1)));
        }
    }

    @Test
    public void aRelaunchAskedDuringTheRunIsMadeAtTheNextTurnAndCounted() throws Exception {
        SweepLoop loop = new SweepLoop(sweep(), FAST);
        RunState state = loop.start(spec("f() { [ \"$SWEEP_ATTEMPT\" = 1 ] && exit 3; true; }; f", "maxTasks", 2)
                .launchRequest(SiteDefaults.NONE, false), 0, true, x -> { }).state();
        SweepLoop.Turn turn = loop.run(state, t -> { });
        assertEquals(4, turn.progress().count(TaskState.FAILED));
        turn = loop.run(turn.state().withQueued(TaskList.parse("2-3")), t -> log.addAll(t.lines()));
        assertTrue(log.toString(), log.contains("relaunched tasks 2-3 as asked"));
        assertEquals(2, turn.progress().count(TaskState.SUCCEEDED));
        assertEquals("a relaunch by hand is a submission of the run", 2, turn.progress().submissions());
        assertEquals("but not a retry", 0, turn.progress().retriesUsed());
    }
}
