package dev.clustersweep.scripts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Signals at many instants of a wrapper's life, as a scheduler sends them: a stop is never lost and
 * a recorded exit code is always the task's own. Each wrapper is signalled only once its traps show
 * in /proc (the rule multiwrapper.sh and gridengine-job.sh use); before that bash's default would
 * kill it, which no wrapper can prevent. The instants come from a fixed seed.
 */
public class WrapperSignalsIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(300);

    /**
     * The task every stop is sent to, within 0.2 s of its wrapper's start: long enough that on a
     * loaded machine (a CI run beside another build) a stop still lands while it runs. A stop lost
     * shows as a task that ran on to its end.
     */
    private static final String TASK = "sleep 3";

    private SweepFixture sweep;

    @Before
    public void setUp() throws Exception {
        sweep = new SweepFixture(tmp.getRoot().toPath()).render(EnvironmentSetup.NONE);
    }

    @Test
    public void aStopAtAnyInstantIsHonoured() throws Exception {
        int runs = 60;
        String[] commands = new String[runs];
        java.util.Arrays.fill(commands, TASK);
        sweep.jobs(commands);
        Random random = new Random(7);
        List<String> lost = new ArrayList<>();
        int stopped = 0;
        for (int id = 1; id <= runs; id++) {
            Process p = sweep.startWrapper(id, 0, Map.of("SWEEP_KILL_GRACE", "2"));
            awaitTrap(p.pid());
            // As soon as the trap shows (the instant multiwrapper.sh signals at), or at any instant
            // from then (set-up, the task's start) to well inside the task. Not near its end: there
            // a stop sent after the end record was looked for may land after it was written.
            TimeUnit.MICROSECONDS.sleep(id % 4 == 0 ? 0 : random.nextInt(200_000));
            Path end = sweep.dir.endRecord(id, 1);
            boolean endedBefore = Files.exists(end);
            String signal = id % 3 == 0 ? "INT" : id % 3 == 1 ? "TERM" : "HUP";
            endedBefore |= !trySignal(p.pid(), signal);
            SweepFixture.Result r = SweepFixture.finish(p);
            Map<String, String> record = sweep.end(id, 1);
            if (endedBefore) {
                assertEquals(r.output(), "exit", record.get("reason"));
                continue;
            }
            stopped++;
            if (!"cancelled".equals(record.get("reason"))) {
                lost.add("task " + id + " (SIG" + signal + "): " + record + ", its log: " + sweep.err(id, 1));
            }
            assertEquals("task " + id + ": the wrapper's status is the recorded one", record.get("exit"),
                    Integer.toString(r.exit()));
        }
        assertTrue("too few stops landed while the wrapper ran: " + stopped, stopped >= runs / 2);
        assertEquals("stops lost", List.of(), lost);
    }

    @Test
    public void aStormOfWarningsChangesNoExitCode() throws Exception {
        int runs = 30;
        String[] commands = new String[runs];
        java.util.Arrays.fill(commands, "sleep 0.05; exit 7");
        sweep.jobs(commands);
        List<String> wrong = new ArrayList<>();
        for (int id = 1; id <= runs; id++) {
            Process p = sweep.startWrapper(id, 0, Map.of());
            awaitTrap(p.pid());
            Process storm = storm(p.pid());
            SweepFixture.Result r = SweepFixture.finish(p);
            storm.waitFor(10, TimeUnit.SECONDS);
            Map<String, String> record = sweep.end(id, 1);
            if (r.exit() != 7 || !"7".equals(record.get("exit")) || !"exit".equals(record.get("reason"))) {
                wrong.add("task " + id + ": wrapper exit " + r.exit() + ", record " + record);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    public void aStopToAMultiwrapperAtAnyInstantReachesEveryTask() throws Exception {
        // 8 tasks per element, all at once: a stop in the first 150 ms lands while wrappers start.
        int runs = 16;
        int size = 8;
        String[] commands = new String[runs * size];
        java.util.Arrays.fill(commands, TASK);
        sweep.jobs(commands);
        List<long[]> groups = new ArrayList<>();
        for (int g = 0; g < runs; g++) {
            long[] ids = new long[size];
            for (int k = 0; k < size; k++) {
                ids[k] = g * size + k + 1;
            }
            groups.add(ids);
        }
        GroupFile.write(sweep.dir, 1, groups);
        Random random = new Random(11);
        List<String> lost = new ArrayList<>();
        for (int g = 0; g < runs; g++) {
            Process p = sweep.builder(Map.of("SWEEP_ARRAY_INDEX", Integer.toString(g + 1), "SWEEP_KILL_GRACE", "2"),
                    "bash", sweep.dir.multiWrapper().toString(), "1", Integer.toString(size)).start();
            awaitTrap(p.pid());
            TimeUnit.MICROSECONDS.sleep(random.nextInt(150_000));
            assertTrue("the multiwrapper ended before its stop", trySignal(p.pid(), "TERM"));
            SweepFixture.finish(p);
            for (long id : groups.get(g)) {
                Map<String, String> end = sweep.end(id, 1);
                if (!"cancelled".equals(end.get("reason"))) {
                    lost.add("task " + id + ": " + end);
                }
            }
        }
        assertEquals("tasks that ran on after their element's stop", List.of(), lost);
    }

    @Test
    public void aStopToAPooledTaskAtAnyInstantIsHonoured() throws Exception {
        // With no set-up and no footer the worker runs the task itself and the command runs in a
        // subshell of the worker. The stop as the local backend sends it: the attempt's stop request,
        // then TERM to the pid of "started", from the instant the worker says it to well inside the task.
        assertEquals("stops lost", List.of(), stopPooledTasks(13, true));
    }

    @Test
    public void aStopToAPooledTaskWithAFooterAtAnyInstantIsHonoured() throws Exception {
        // With a footer each task's wrapper is a subshell of the worker, its pid that of "started",
        // and it takes every stop.
        sweep.render(new EnvironmentSetup(List.of(), List.of("true"), null, null, Map.of()));
        assertEquals("stops lost", List.of(), stopPooledTasks(17, false));
    }

    @Test
    public void aLateStopToAPooledWorkerStopsNothing() throws Exception {
        // A TERM with no stop request for the running attempt is one meant for the worker's task
        // before (sent as it ended): the task that runs now runs on to its end.
        sweep.jobs("sleep 0.3; echo done", "sleep 0.3; echo done");
        try (PoolWorker worker = new PoolWorker(sweep, Map.of())) {
            worker.run(1);
            String started = worker.next();
            assertEquals("ended 1 0", worker.next());
            Files.writeString(sweep.dir.statusDir().resolve("1.1.stop"), ""); // asked for task 1, too late
            worker.run(2);
            String second = worker.next();
            assertTrue(second, second.startsWith("started 2 "));
            assertTrue(trySignal(PoolWorker.startedPid(second), "TERM")); // the signal of task 1's stop
            assertTrue(trySignal(PoolWorker.startedPid(started), "INT"));
            assertEquals("ended 2 0", worker.next());
            assertTrue(worker.finish());
        }
        assertEquals(Map.of("exit", "0", "reason", "exit"), withoutEnd(sweep.end(2, 1)));
        assertEquals("done\n", sweep.out(2, 1));
    }

    private static Map<String, String> withoutEnd(Map<String, String> record) {
        Map<String, String> copy = new java.util.HashMap<>(record);
        copy.remove("end");
        return copy;
    }

    /** Stops 40 pooled tasks at instants from SEED; the stops lost. */
    private List<String> stopPooledTasks(long seed, boolean request) throws Exception {
        int runs = 40;
        String[] commands = new String[runs];
        java.util.Arrays.fill(commands, TASK);
        sweep.jobs(commands);
        Random random = new Random(seed);
        List<String> lost = new ArrayList<>();
        int stopped = 0;
        try (PoolWorker worker = new PoolWorker(sweep, Map.of("SWEEP_KILL_GRACE", "2"))) {
            for (int id = 1; id <= runs; id++) {
                worker.run(id);
                String started = worker.next();
                assertTrue(started, started.startsWith("started " + id + " "));
                TimeUnit.MICROSECONDS.sleep(id % 4 == 0 ? 0 : random.nextInt(200_000));
                if (request) {
                    Files.writeString(sweep.dir.statusDir().resolve(id + ".1.stop"), "");
                }
                boolean endedBefore = Files.exists(sweep.dir.endRecord(id, 1))
                        || !trySignal(PoolWorker.startedPid(started), "TERM");
                String ended = worker.next();
                Map<String, String> record = sweep.end(id, 1);
                assertEquals("task " + id + ": the worker's status is the recorded one", "ended " + id + " "
                        + record.get("exit"), ended);
                if (endedBefore) {
                    assertEquals("exit", record.get("reason"));
                    continue;
                }
                stopped++;
                if (!"cancelled".equals(record.get("reason")) || !"143".equals(record.get("exit"))) {
                    lost.add("task " + id + ": " + record + ", its log: " + sweep.err(id, 1));
                }
            }
            assertTrue(worker.finish());
        }
        assertTrue("too few stops landed while the task ran: " + stopped, stopped >= runs / 2);
        return lost;
    }

    @Test
    public void aStormOfWarningsToAPooledTaskChangesNoExitCode() throws Exception {
        assertEquals(List.of(), stormPooledTasks());
    }

    @Test
    public void aStormOfWarningsToAPooledTaskWithAFooterChangesNoExitCode() throws Exception {
        sweep.render(new EnvironmentSetup(List.of(), List.of("true"), null, null, Map.of()));
        assertEquals(List.of(), stormPooledTasks());
    }

    /** USR1 every 2 ms to the pid of "started" while each of 20 tasks runs; the wrong records. */
    private List<String> stormPooledTasks() throws Exception {
        int runs = 20;
        String[] commands = new String[runs];
        java.util.Arrays.fill(commands, "sleep 0.05; exit 7");
        sweep.jobs(commands);
        List<String> wrong = new ArrayList<>();
        try (PoolWorker worker = new PoolWorker(sweep, Map.of())) {
            for (int id = 1; id <= runs; id++) {
                worker.run(id);
                Process storm = storm(PoolWorker.startedPid(worker.next()));
                String ended = worker.next();
                storm.destroy(); // the worker that ran the task itself is still there
                storm.waitFor(10, TimeUnit.SECONDS);
                Map<String, String> record = sweep.end(id, 1);
                if (!("ended " + id + " 7").equals(ended) || !"7".equals(record.get("exit"))
                        || !"exit".equals(record.get("reason"))) {
                    wrong.add("task " + id + ": worker said '" + ended + "', record " + record);
                }
            }
            assertTrue(worker.finish());
        }
        return wrong;
    }

    /** USR1 to the process every 2 ms until it is gone (a Slurm --signal storm, in effect). */
    static Process storm(long pid) throws Exception {
        return new ProcessBuilder("bash", "-c", "while kill -USR1 \"$1\" 2>/dev/null; do sleep 0.002; done", "storm",
                Long.toString(pid)).start();
    }

    /** False when the process was gone already. */
    static boolean trySignal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS));
        return kill.exitValue() == 0;
    }

    /** HUP, INT, USR1 and TERM in a /proc signal mask (bit N-1 for signal N). */
    private static final long STOP_AND_WARN = (1L << 0) | (1L << 1) | (1L << 9) | (1L << 14);

    /** Polls /proc until the wrapper catches HUP, INT, USR1 and TERM (its traps are set), up to 10 s. */
    static void awaitTrap(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        for (int i = 0; i < 10_000; i++) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("SigCgt:")
                            && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & STOP_AND_WARN)
                            == STOP_AND_WARN) {
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                return; // gone already
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        throw new AssertionError("wrapper " + pid + " never set its TERM trap");
    }
}
