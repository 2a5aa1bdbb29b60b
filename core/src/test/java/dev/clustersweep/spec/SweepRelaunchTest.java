package dev.clustersweep.spec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.ArchivedSweep;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.page.TaskAction;
import dev.clustersweep.page.TaskFilter;
import dev.clustersweep.page.TaskRow;
import dev.clustersweep.page.TaskTableFile;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.tasks.TaskList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

/**
 * Relaunching and cancelling some tasks of an existing sweep, as the build page's buttons do, with
 * real bash processes on the local backend.
 */
public class SweepRelaunchTest {

    private static final PollPolicy FAST = new PollPolicy(50, 200, 1.5);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    private Path work;
    private final List<String> log = new ArrayList<>();

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
    }

    private static SweepSpec spec(String command, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("jobName", "rl");
        m.put("backend", "local");
        m.put("args", Map.of("n", List.of(1, 2, 3, 4)));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return SweepSpec.fromMap(m);
    }

    private Path sweepFile(String name) {
        return work.resolve(".sweep/rl").resolve(name);
    }

    /** Polls the way a relaunch build does until its tasks have ended (retries included). */
    private SweepSummary awaitScoped(int retries, int base, TaskList scope) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        SweepSummary s;
        do {
            assertTrue("ended within 60 s", System.currentTimeMillis() < deadline);
            Thread.sleep(50);
            s = SweepRun.advance(work, "rl", retries, base, scope);
        } while (!s.finished() || s.relaunchedIds() != null);
        return s;
    }

    private void awaitRunning(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (SweepRun.page(work, "rl", TaskFilter.of(TaskState.RUNNING), PageRequest.first()).table().rows()
                .stream().noneMatch(r -> r.id() == id)) {
            assertTrue("task " + id + " started", System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

    @Test
    public void relaunchRunsOnlyTheChosenIdsOfTheSameSweep() throws Exception {
        // Tasks 2 and 4 fail until the file "fixed" exists.
        SweepSpec spec = spec("f() { if [ \"$2\" = 2 ] || [ \"$2\" = 4 ]; then [ -e fixed ] || exit 3; fi; "
                + "echo \"ok $2 $SWEEP_ATTEMPT\"; }; f", "failOn", "UNSTABLE");
        SweepResult first = SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);
        assertEquals("2,4", first.summary().unsuccessfulIds());
        byte[] jobsBefore = Files.readAllBytes(sweepFile("jobs.json"));
        Files.createFile(work.resolve("fixed"));

        SweepRun.Relaunch r = SweepRun.relaunch(work, "rl", TaskList.of(2));
        assertEquals("2", r.plan().acted().toString());
        assertEquals(2, r.base());
        assertEquals(1, r.summary().tasks());
        assertEquals(1, r.summary().submissions());
        SweepSummary s = awaitScoped(0, r.base(), r.plan().acted());

        assertEquals(1, s.tasks());
        assertEquals(1, s.count(TaskState.SUCCEEDED));
        assertTrue(s.succeeded());
        assertEquals("the relaunch counts as this run's first submission", 1, s.submissions());
        assertEquals(0, s.retriesUsed());
        assertEquals("ok 2 2\n", Files.readString(sweepFile("logs/2.2.out")));
        assertTrue("the first attempt's log is kept", Files.exists(sweepFile("logs/2.1.out")));
        assertFalse("task 4 was not asked for", Files.exists(sweepFile("logs/4.2.out")));
        assertFalse(Files.exists(sweepFile("logs/1.2.out")));
        assertTrue("same jobs.json", java.util.Arrays.equals(jobsBefore, Files.readAllBytes(sweepFile("jobs.json"))));
        // The whole sweep still shows task 4 FAILED.
        assertEquals("4", SweepRun.poll(work, "rl").unsuccessfulIds());
    }

    @Test
    public void retriesOfARelaunchStayWithinItsTasks() throws Exception {
        // Task 3 fails on attempts 1 and 2, succeeds on 3; task 4 always fails.
        SweepSpec spec = spec("f() { [ \"$2\" = 4 ] && exit 4; [ \"$2\" = 3 ] && [ \"$SWEEP_ATTEMPT\" -lt 3 ] && exit 3; "
                + "true; }; f", "failOn", "UNSTABLE");
        SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);
        SweepRun.Relaunch r = SweepRun.relaunch(work, "rl", TaskList.of(3));
        SweepSummary s = awaitScoped(1, r.base(), r.plan().acted());
        assertEquals(1, s.count(TaskState.SUCCEEDED));
        assertEquals(1, s.retriesUsed());
        assertEquals(2, s.submissions());
        assertTrue(Files.exists(sweepFile("logs/3.3.out")));
        assertFalse("task 4 is outside the relaunch: not retried", Files.exists(sweepFile("logs/4.2.out")));
    }

    @Test
    public void relaunchWithoutTheSweepDirectoryFailsWithOneMessage() {
        String message = assertThrows(BadInputException.class,
                () -> SweepRun.relaunch(work, "rl", TaskList.of(1))).getMessage();
        assertTrue(message, message.startsWith("no sweep 'rl' in " + work.resolve(".sweep/rl")));
        assertTrue(message, message.contains("deleted (workspace wiped?)"));
        assertFalse(message.contains("\n"));
        assertFalse("nothing created", Files.exists(work.resolve(".sweep")));
    }

    @Test
    public void relaunchOfIdsOutsideTheGridIsRefused() throws Exception {
        SweepRun.run(work, spec("true"), SweepDefaults.NONE, FAST, log::add);
        String message = assertThrows(BadInputException.class,
                () -> SweepRun.relaunch(work, "rl", TaskList.parse("3-9"))).getMessage();
        assertTrue(message, message.contains("out of range"));
    }

    @Test
    public void cancelSelectedStopsOnlyThoseAndRelaunchSkipsActiveOnes() throws Exception {
        SweepRun.launch(work, spec("sleep 60 #", "maxTasks", 2, "wait", false, "killGrace", 1), SweepDefaults.NONE);
        try {
            awaitRunning(1);
            awaitRunning(2);
            ActionPlan dry = SweepRun.act(work, "rl", TaskAction.RELAUNCH, new Selection("1-2", null, false), true);
            assertTrue(dry.nothingToDo());
            assertTrue(dry.message(), dry.message().startsWith("Nothing to relaunch"));
            String refused = assertThrows(BadInputException.class,
                    () -> SweepRun.relaunch(work, "rl", TaskList.of(1))).getMessage();
            assertTrue(refused, refused.startsWith("Nothing to relaunch"));

            ActionPlan plan = SweepRun.act(work, "rl", TaskAction.CANCEL, new Selection("1", List.of("2"), false), false);
            assertEquals("1-2", plan.acted().toString());
            long deadline = System.currentTimeMillis() + 30_000;
            SweepSummary s;
            do {
                assertTrue("cancelled within 30 s", System.currentTimeMillis() < deadline);
                Thread.sleep(100);
                s = SweepRun.poll(work, "rl");
            } while (s.count(TaskState.CANCELLED) < 2);
            assertEquals("1-2", s.unsuccessfulIds());
            assertTrue("the others go on", s.count(TaskState.RUNNING) + s.count(TaskState.PENDING) == 2);

            // Relaunch by hand during the run: the cancelled two start again, the active ones are skipped.
            ActionPlan relaunch = SweepRun.act(work, "rl", TaskAction.RELAUNCH, new Selection(null, null, true), false);
            assertEquals("1-2", relaunch.acted().toString());
            assertEquals(2, SweepRun.poll(work, "rl").submissions());
        } finally {
            SweepRun.cancel(work, "rl");
        }
    }

    @Test
    public void aPageOfTheLiveSweepAndOfItsArchivedTable() throws Exception {
        SweepSpec spec = spec("f() { echo \"$@\"; [ \"$2\" != 3 ]; }; f", "tag", true, "failOn", "UNSTABLE");
        SweepRun.run(work, spec, SweepDefaults.NONE, FAST, log::add);

        SweepPage live = SweepRun.page(work, "rl", TaskFilter.failed(), PageRequest.first());
        assertEquals(1, live.table().rows().size());
        TaskRow row = live.table().rows().get(0);
        assertEquals(3, row.id());
        assertTrue(row.tag(), row.tag().contains("n_3"));
        assertEquals(SweepPage.fromJson(live.toJson()), live);

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        SweepRun.writeTaskTable(work, "rl", table);
        ArchivedSweep archived = TaskTableFile.read(new ByteArrayInputStream(table.toByteArray()));
        SweepPage after = archived.pages().page(archived.status(), TaskFilter.failed(), PageRequest.first(), live.now());
        assertEquals(live.progress(), after.progress());
        assertEquals(row.tag(), after.table().rows().get(0).tag());
        assertEquals(row.logs().stream().map(l -> l.relativePath()).toList(),
                after.table().rows().get(0).logs().stream().map(l -> l.relativePath()).toList());
        assertNull(SweepRun.poll(work, "rl").relaunchedIds());
    }
}
