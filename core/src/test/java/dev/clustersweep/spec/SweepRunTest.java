package dev.clustersweep.spec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.state.TaskState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** Whole runs on the local backend with real bash processes. */
public class SweepRunTest {

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

    private static SweepSpec spec(String command, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("jobName", "run-1");
        m.put("backend", "local");
        m.put("args", Map.of("n", List.of(1, 2, 3, 4)));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return SweepSpec.fromMap(m);
    }

    private Path sweepFile(String name) {
        return work.resolve(".sweep/run-1").resolve(name);
    }

    @Test
    public void retriesRelaunchOnlyTheFailedTasks() throws Exception {
        // Task 3 fails on its first attempt and succeeds on its second.
        SweepSpec spec = spec("f() { [ \"$2\" = 3 ] && [ \"$SWEEP_ATTEMPT\" = 1 ] && exit 7; echo \"ok $2 $SWEEP_ATTEMPT\"; }; f",
                "retries", 2);
        SweepResult result = SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);

        String all = log.toString();
        assertEquals(all, "SUCCESS", result.result());
        SweepSummary s = result.summary();
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
        SweepSpec spec = spec("f() { [ \"$2\" = 2 ] || [ \"$2\" = 4 ] && exit 5; true; }; f", "retries", 1,
                "failOn", "UNSTABLE");
        SweepResult result = SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);

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

        SweepResult failure = new SweepResult(result.summary(), FailOn.FAILURE, true, false);
        assertEquals("FAILURE", failure.result());
    }

    @Test
    public void cancelStopsRunningAndPendingTasks() throws Exception {
        SweepSpec spec = spec("sleep 60 #", "maxTasks", 1, "wait", false);
        SweepSummary launched = SweepRun.launch(work, spec, SweepDefaults.NONE);
        assertEquals(4, launched.tasks());
        assertFalse(launched.finished());
        long deadline = System.currentTimeMillis() + 20_000;
        while (SweepRun.poll(work, "run-1").count(TaskState.RUNNING) == 0) {
            assertTrue("a task started", System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
        SweepRun.cancel(work, "run-1");
        SweepSummary s;
        do {
            assertTrue("cancelled within 20 s", System.currentTimeMillis() < deadline + 20_000);
            Thread.sleep(100);
            s = SweepRun.advance(work, "run-1", 3);
        } while (!s.finished());
        assertEquals(4, s.count(TaskState.CANCELLED));
        assertEquals("1-4", s.unsuccessfulIds());
        assertEquals("cancelled tasks are not retried", 1, s.submissions());
        assertNull(s.relaunchedIds());
    }

    @Test
    public void aSubsetOfTasksAndARerunStartingAfresh() throws Exception {
        SweepSpec spec = spec("echo", "tasks", "2,4");
        SweepResult first = SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);
        assertEquals("SUCCESS", first.result());
        assertEquals(2, first.summary().tasks());
        assertEquals(2, first.summary().notLaunched());
        assertFalse(Files.exists(sweepFile("logs/1.1.out")));
        assertEquals("--n 4\n", Files.readString(sweepFile("logs/4.1.out")));

        SweepResult second = SweepRun.run(work, spec("echo"), SweepDefaults.NONE, FAST, log::add);
        assertEquals(4, second.summary().tasks());
        assertEquals(1, second.summary().submissions());
        assertEquals("--n 4\n", Files.readString(sweepFile("logs/4.1.out")));
        assertFalse("the earlier run's attempts are gone", Files.exists(sweepFile("logs/4.2.out")));
    }

    @Test
    public void aRerunWhileTasksAreActiveIsRefused() throws Exception {
        SweepRun.launch(work, spec("sleep 60 #", "maxTasks", 1), SweepDefaults.NONE);
        try {
            String message = assertThrows(BadInputException.class,
                    () -> SweepRun.launch(work, spec("echo"), SweepDefaults.NONE)).getMessage();
            assertTrue(message, message.contains("still has 4 active task(s) 1-4 from an earlier run"));
        } finally {
            SweepRun.cancel(work, "run-1");
        }
    }

    @Test
    public void badSpecOrDefaultsWriteNothing() {
        SweepSpec spec = spec("echo");
        assertThrows(BadInputException.class, () -> SweepRun.launch(work, spec,
                new SweepDefaults(null, null, "lots", null, null, null, null, null, null)));
        assertThrows(BadInputException.class, () -> SweepRun.launch(work, SweepSpec.fromMap(Map.of("command", "x",
                "jobName", "run-1")), new SweepDefaults("pbs", null, null, null, null, null, null, null, null)));
        assertFalse(Files.exists(work.resolve(".sweep")));
    }

    @Test
    public void aBadTaskListKeepsTheEarlierRunsFiles() throws Exception {
        SweepRun.run(work, spec("echo"), SweepDefaults.NONE, FAST, log::add);
        String jobs = Files.readString(sweepFile("jobs.json"));
        assertThrows(BadInputException.class, () -> SweepRun.launch(work, spec("echo", "tasks", "3-9"),
                SweepDefaults.NONE));
        assertEquals(jobs, Files.readString(sweepFile("jobs.json")));
        assertTrue(Files.exists(sweepFile("submissions/000001.json")));
    }

    @Test
    public void artifactsAndTaskTable() throws Exception {
        SweepSpec spec = spec("f() { echo out $2; echo err $2 >&2; [ \"$2\" != 2 ]; }; f");
        SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);
        Map<String, String> files = SweepRun.artifacts(work, "run-1", "sweep/run-1");
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
        SweepRun.writeTaskTable(work, "run-1", table);
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
        SweepResult result = SweepRun.run(work, spec("sleep 60 #", "wait", false, "maxTasks", 1),
                SweepDefaults.NONE, FAST, log::add);
        try {
            assertEquals("SUCCESS", result.result());
            assertFalse(result.summary().finished());
            assertEquals(false, result.toMap().get("finished"));
        } finally {
            SweepRun.cancel(work, "run-1");
        }
    }

    @Test
    public void progressLinesOnlyWhenCountsChange() {
        ProgressLine progress = new ProgressLine();
        SweepSummary a = new SweepSummary("j", "/d", "local", Map.of("RUNNING", 2L), 2, 0, "", false, 1, null);
        SweepSummary b = new SweepSummary("j", "/d", "local", Map.of("RUNNING", 1L, "SUCCEEDED", 1L), 2, 0, "",
                false, 1, null);
        assertEquals("j: 2 tasks: 2 RUNNING", progress.next(a));
        assertNull(progress.next(a));
        assertEquals("j: 2 tasks: 1 RUNNING, 1 SUCCEEDED", progress.next(b));
        assertNull(progress.next(b));
        assertNull(new ProgressLine(progress.last()).next(b));
        assertEquals(b, SweepSummary.fromMap(b.toMap()));
    }
}
