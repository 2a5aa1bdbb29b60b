package dev.clustersweep.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
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
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Relaunching and cancelling some tasks of an existing sweep, as the build page's buttons do, with
 * real bash processes on the local backend.
 */
public class PageActionsIT {

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

    private static SweepSettings spec(String command, Object... pairs) {
        return dev.clustersweep.LocalSpecs.fourTasks("rl", command, pairs);
    }

    private Sweep sweep() {
        return Sweep.open(work, "rl");
    }

    private PageActions page() {
        return PageActions.existing(sweep());
    }

    /** A fresh run followed to its end, as a Jenkins build makes it. */
    private SweepProgress run(SweepSettings spec) throws Exception {
        SweepLoop loop = new SweepLoop(sweep(), FAST);
        RunState state = loop.start(spec.launchRequest(SiteDefaults.NONE, false), 0, true, s -> { }).state();
        return spec.get(Settings.WAIT) ? loop.run(state, t -> log.addAll(t.lines())).progress() : loop.progress(state);
    }

    private SweepProgress whole() throws Exception {
        return new SweepLoop(sweep(), FAST).progress(RunState.watching("rl", FAST));
    }

    private Path sweepFile(String name) {
        return work.resolve(".sweep/rl").resolve(name);
    }

    /** Follows a relaunch build's run until its tasks have ended (retries included). */
    private SweepProgress awaitScoped(RunState state) throws Exception {
        return new SweepLoop(sweep(), FAST).run(state, t -> { }).progress();
    }

    private void awaitRunning(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (page().page(TaskFilter.of(TaskState.RUNNING), PageRequest.first()).table().rows()
                .stream().noneMatch(r -> r.id() == id)) {
            assertTrue("task " + id + " started", System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

    @Test
    public void relaunchRunsOnlyTheChosenIdsOfTheSameSweep() throws Exception {
        // Tasks 2 and 4 fail until the file "fixed" exists.
        SweepSettings spec = spec("f() { if [ \"$2\" = 2 ] || [ \"$2\" = 4 ]; then [ -e fixed ] || exit 3; fi; "
                + "echo \"ok $2 $SWEEP_ATTEMPT\"; }; f", "failOn", "UNSTABLE");
        SweepProgress first = run(spec);
        assertEquals("2,4", first.unsuccessfulIds());
        byte[] jobsBefore = Files.readAllBytes(sweepFile("jobs.json"));
        Files.createFile(work.resolve("fixed"));

        PageActions.Relaunch r = page().relaunch(TaskList.of(2), 0, FAST);
        assertEquals("2", r.plan().acted().toString());
        assertEquals(2, r.state().firstSubmission());
        SweepProgress s = awaitScoped(r.state());

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
        assertEquals("4", whole().unsuccessfulIds());
    }

    @Test
    public void retriesOfARelaunchStayWithinItsTasks() throws Exception {
        // Task 3 fails on attempts 1 and 2, succeeds on 3; task 4 always fails.
        SweepSettings spec = spec("f() { [ \"$2\" = 4 ] && exit 4; [ \"$2\" = 3 ] && [ \"$SWEEP_ATTEMPT\" -lt 3 ] && exit 3; "
                + "true; }; f", "failOn", "UNSTABLE");
        run(spec);
        PageActions.Relaunch r = page().relaunch(TaskList.of(3), 1, FAST);
        SweepProgress s = awaitScoped(r.state());
        assertEquals(1, s.count(TaskState.SUCCEEDED));
        assertEquals(1, s.retriesUsed());
        assertEquals(2, s.submissions());
        assertTrue(Files.exists(sweepFile("logs/3.3.out")));
        assertFalse("task 4 is outside the relaunch: not retried", Files.exists(sweepFile("logs/4.2.out")));
    }

    @Test
    public void relaunchWithoutTheSweepDirectoryFailsWithOneMessage() {
        String message = assertThrows(BadInputException.class,
                () -> page().relaunch(TaskList.of(1), 0, FAST)).getMessage();
        assertTrue(message, message.startsWith("no sweep 'rl' in " + work.resolve(".sweep/rl")));
        assertTrue(message, message.contains("deleted (workspace wiped?)"));
        assertFalse(message.contains("\n"));
        assertFalse("nothing created", Files.exists(work.resolve(".sweep")));
    }

    @Test
    public void relaunchOfIdsOutsideTheGridIsRefused() throws Exception {
        run(spec("true"));
        String message = assertThrows(BadInputException.class,
                () -> page().relaunch(TaskList.parse("3-9"), 0, FAST)).getMessage();
        assertTrue(message, message.contains("out of range"));
    }

    @Test
    public void cancelSelectedStopsOnlyThoseAndRelaunchSkipsActiveOnes() throws Exception {
        run(spec("sleep 60 #", "maxTasks", 2, "wait", false, "killGrace", 1));
        try {
            awaitRunning(1);
            awaitRunning(2);
            ActionPlan dry = page().act(TaskAction.RELAUNCH, new Selection("1-2", null, false), true);
            assertTrue(dry.nothingToDo());
            assertTrue(dry.message(), dry.message().startsWith("Nothing to relaunch"));
            String refused = assertThrows(BadInputException.class,
                    () -> page().relaunch(TaskList.of(1), 0, FAST)).getMessage();
            assertTrue(refused, refused.startsWith("Nothing to relaunch"));

            ActionPlan plan = page().act(TaskAction.CANCEL, new Selection("1", List.of("2"), false), false);
            assertEquals("1-2", plan.acted().toString());
            long deadline = System.currentTimeMillis() + 30_000;
            SweepProgress s;
            do {
                assertTrue("cancelled within 30 s", System.currentTimeMillis() < deadline);
                Thread.sleep(100);
                s = whole();
            } while (s.count(TaskState.CANCELLED) < 2);
            assertEquals("1-2", s.unsuccessfulIds());
            assertTrue("the others go on", s.count(TaskState.RUNNING) + s.count(TaskState.PENDING) == 2);

            // Relaunch by hand during the run: the cancelled two start again, the active ones are skipped.
            ActionPlan relaunch = page().act(TaskAction.RELAUNCH, new Selection(null, null, true), false);
            assertEquals("1-2", relaunch.acted().toString());
            assertEquals(2, sweep().submissions().size());
        } finally {
            sweep().cancel(null);
        }
    }

    @Test
    public void aPageOfTheLiveSweepAndOfItsArchivedTable() throws Exception {
        SweepSettings spec = spec("f() { echo \"$@\"; [ \"$2\" != 3 ]; }; f", "tag", true, "failOn", "UNSTABLE");
        run(spec);

        SweepPage live = page().page(TaskFilter.failed(), PageRequest.first());
        assertEquals(1, live.table().rows().size());
        TaskRow row = live.table().rows().get(0);
        assertEquals(3, row.id());
        assertTrue(row.tag(), row.tag().contains("n_3"));
        assertEquals(SweepPage.fromJson(live.toJson()), live);

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        page().writeTaskTable(table);
        ArchivedSweep archived = TaskTableFile.read(new ByteArrayInputStream(table.toByteArray()));
        SweepPage after = archived.pages().page(archived.status(), TaskFilter.failed(), PageRequest.first(), live.now());
        assertEquals(live.progress(), after.progress());
        assertEquals(row.tag(), after.table().rows().get(0).tag());
        assertEquals(row.logs().stream().map(l -> l.relativePath()).toList(),
                after.table().rows().get(0).logs().stream().map(l -> l.relativePath()).toList());
    }
}
