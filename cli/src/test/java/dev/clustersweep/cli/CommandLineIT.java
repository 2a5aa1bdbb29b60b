package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.state.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** The command line as a user runs it: real processes, real files, exit statuses. */
public class CommandLineIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    private Path work;

    @Before
    public void setUp() throws Exception {
        work = tmp.newFolder("work").toPath();
    }

    @Test
    public void prelaunchPrintsWhatOnagerPrints() throws Exception {
        // onager's README example, output as onager prints it.
        SweepProcess.Result r = SweepProcess.run(work, "prelaunch", "+jobname", "experiment1", "+command", "myscript",
                "+arg", "--learningrate", "0.1", "0.01", "0.001", "+arg", "--batchsize", "32", "64", "128", "+tag",
                "--mytag");
        assertEquals(r.stderr(), 0, r.exit());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(9, lines.size());
        assertEquals("myscript --learningrate 0.1 --batchsize 32 --mytag experiment1_1__learningrate_0.1__batchsize_32",
                lines.get(0));
        assertEquals("myscript --learningrate 0.001 --batchsize 128 --mytag "
                + "experiment1_9__learningrate_0.001__batchsize_128", lines.get(8));
        assertTrue(Files.exists(work.resolve(".sweep/experiment1/jobs.json")));
    }

    @Test
    public void localLaunchExitsZeroWhenAllSucceedAndOneWhenSomeFail() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "ok", "+command", "true", "+arg", "--x", "1",
                "2", "+q").exit());
        SweepProcess.Result ok = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "ok");
        assertEquals(ok.stderr(), 0, ok.exit());
        assertTrue(ok.stdout(), ok.stdout().contains("2 tasks: 2 SUCCEEDED"));

        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "bad", "+command", "exit", "+pos-arg", "0",
                "5", "+q").exit());
        SweepProcess.Result bad = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "bad");
        assertEquals(1, bad.exit());
        assertTrue(bad.stdout(), bad.stdout().contains("1 SUCCEEDED, 1 FAILED"));
        assertTrue(bad.stdout(), bad.stdout().contains("1 task(s) did not succeed: 2"));
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "bad");
        assertEquals(1, status.exit());
        assertTrue(status.stdout(), status.stdout().lines().anyMatch(l -> l.matches("\\s+2\\s+FAILED\\s+5\\s+1.*")));
    }

    @Test
    public void badInputIsOneLineExitTwoAndWritesNothing() throws Exception {
        String[][] cases = {
            {"launch", "--backend", "local", "--jobname", "x", "--bogus"},
            {"prelaunch", "+jobname", "x", "+command", "c", "+arg"},
            {"prelaunch", "+jobname", "x", "+command", "c", "+tag", ""},
            {"prelaunch", "+jobname", "a b", "+command", "c"},
            {"prelaunch", "+jobname", "x", "+command", "c", "+pos-arg"},
            {"prelaunch", "+jobname", "x", "+command", "c", "+unknown"},
            {"launch", "--backend", "local", "--jobname", "missing"},
            {"launch", "--backend", "nowhere", "--jobname", "x"},
            {"launch", "--backend", "local", "--jobname", "x", "--tasklist", "0"},
            {"launch", "--backend", "local", "--jobname", "x", "--tasklist", "5-1"},
            {"launch", "--backend", "local", "--jobname", "x", "--tasklist", "a"},
            {"launch", "--backend", "local", "--jobname", "x", "--tasklist", "1-"},
            {"launch", "--backend", "local", "--jobname", "x", "--duration", "soon"},
            {"launch", "--backend", "local", "--jobname", "x", "--mem", "lots"},
            {"launch", "--backend", "local", "--jobname", "x", "--env", "1BAD=v"},
            {"launch", "--backend", "local", "--jobname", "x", "--jobfile", "nope.json"},
            {"cancel", "--jobname", "x"},
            {"config", "--write", "slurm", "prologue", "x"},
        };
        for (String[] args : cases) {
            SweepProcess.Result r = SweepProcess.run(work, args);
            String what = String.join(" ", args);
            assertEquals(what + ": " + r.stderr(), 2, r.exit());
            assertTrue(what + ": " + r.stderr(), r.stderr().startsWith("sweep: "));
            assertEquals(what + ": " + r.stderr(), 1, r.stderr().lines().count());
            assertFalse(what + " wrote " + listing(), Files.exists(work.resolve(".sweep")));
        }
    }

    @Test
    public void aRefusedLaunchLeavesTheRunningSweepAlone() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "r", "+command", "sleep", "+pos-arg", "30",
                "31", "+q").exit());
        Process launch = SweepProcess.start(work, "launch", "--backend", "local", "--jobname", "r", "--max-tasks",
                "2", "--kill-grace", "2");
        waitForFiles(work.resolve(".sweep/r/status"), ".start", 2);
        List<String> before = listing(work.resolve(".sweep/r"));
        for (String[] args : new String[][] {
            {"launch", "--backend", "local", "--jobname", "r", "--tasklist", "1"},
            {"launch", "--backend", "local", "--jobname", "r", "--tasklist", "9"},
            {"launch", "--backend", "local", "--jobname", "r", "--duration", "never"},
            {"launch", "--backend", "local", "--jobname", "r", "--dry-run"},
        }) {
            SweepProcess.Result r = SweepProcess.run(work, args);
            assertTrue(String.join(" ", args) + ": " + r.stderr(), r.exit() == 2 || args[5].equals("--dry-run"));
        }
        assertEquals(before, listing(work.resolve(".sweep/r")));
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "r");
        assertTrue(status.stdout(), status.stdout().contains("2 tasks: 2 RUNNING"));
        assertEquals(0, SweepProcess.run(work, "cancel", "--jobname", "r").exit());
        assertTrue(SweepProcess.finish(launch).stdout().contains("2 tasks: 2 CANCELLED"));
    }

    @Test
    public void dryRunWritesNothingAtAll() throws Exception {
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "dry",
                "--command", "echo hi", "--dry-run");
        assertEquals(r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("wrapper.sh"));
        assertFalse(Files.exists(work.resolve(".sweep")));
    }

    @Test
    public void taskListBeyondTheJobfileAndCorruptJobfiles() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "x", "+command", "true", "+pos-arg", "1", "2",
                "+q").exit());
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "x", "--tasklist",
                "2-3");
        assertEquals(2, r.exit());
        assertEquals(1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("'2-3'"));
        assertFalse(Files.exists(work.resolve(".sweep/x/submissions")));

        Files.writeString(work.resolve(".sweep/x/jobs.json"), "{\"1\": [\"true\"");
        r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "x");
        assertEquals(2, r.exit());
        assertTrue(r.stderr(), r.stderr().contains("jobs.json"));
        assertFalse(Files.exists(work.resolve(".sweep/x/scripts")));
    }

    @Test
    public void sigtermToLaunchCancelsRunningTasksAndRecordsIt() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "t", "+command", "sleep", "+pos-arg", "30",
                "31", "32", "+q").exit());
        Process launch = SweepProcess.start(work, "launch", "--backend", "local", "--jobname", "t", "--max-tasks",
                "2", "--kill-grace", "2");
        waitForFiles(work.resolve(".sweep/t/status"), ".start", 2);
        launch.destroy(); // SIGTERM
        SweepProcess.finish(launch);
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "t");
        assertTrue(status.stdout(), status.stdout().contains("3 tasks: 3 CANCELLED"));
        assertEquals(1, status.exit());
    }

    @Test
    public void statusAfterTheLauncherWasKilledTellsTheTruth() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "k", "+command", "sleep", "+pos-arg", "2",
                "2.1", "30", "+q").exit());
        Process launch = SweepProcess.start(work, "launch", "--backend", "local", "--jobname", "k", "--max-tasks",
                "2");
        waitForFiles(work.resolve(".sweep/k/status"), ".start", 2);
        launch.destroyForcibly(); // SIGKILL: no chance to clean up
        launch.waitFor();
        // Running tasks go on and finish; task 3 never started and its pool is gone.
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "k", "--wait");
        assertTrue(status.stdout(), status.stdout().contains("3 tasks: 2 SUCCEEDED, 1 LOST"));
        assertTrue(status.stdout(), status.stdout().lines().anyMatch(l -> l.matches("\\s+3\\s+LOST.*"
                + "not started when the process running its pool ended")));
    }

    @Test
    public void aLoopCarryingTheRunOnRunsTheTasksAKilledLauncherLeftUnstarted() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "o", "+command", "sleep", "+pos-arg", "3",
                "3.1", "0", "+q").exit());
        Process launch = SweepProcess.start(work, "launch", "--backend", "local", "--jobname", "o", "--max-tasks",
                "2");
        waitForFiles(work.resolve(".sweep/o/status"), ".start", 2);
        launch.destroyForcibly(); // as a Jenkins agent's JVM goes with its connection
        launch.waitFor();
        // What the Jenkins step does after a restart: take turns of the loop from its saved state.
        PollPolicy policy = new PollPolicy(50, 500, 1.5);
        List<String> lines = new ArrayList<>();
        SweepLoop.Turn last = new SweepLoop(Sweep.open(work, "o"), policy).run(RunState.started("o", 0, 1, null, policy),
                t -> lines.addAll(t.lines()));
        assertEquals(lines.toString(), 3, last.progress().count(TaskState.SUCCEEDED));
        assertTrue(lines.toString(), lines.contains("relaunched tasks 3: they had not started when the process"
                + " running their local pool ended"));
        assertEquals("a relaunch, not a retry", 0, last.progress().retriesUsed());
        assertTrue("task 3 ran once, as attempt 1", Files.exists(work.resolve(".sweep/o/logs/3.1.out")));
        assertFalse(Files.exists(work.resolve(".sweep/o/logs/1.2.out")));
    }

    @Test
    public void cancelFromAnotherShellStopsRunningAndQueuedTasks() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "c", "+command", "sleep", "+pos-arg", "30",
                "31", "32", "+q").exit());
        Process launch = SweepProcess.start(work, "launch", "--backend", "local", "--jobname", "c", "--max-tasks",
                "1", "--kill-grace", "2");
        waitForFiles(work.resolve(".sweep/c/status"), ".start", 1);
        // Task 3 is queued in the launching process: cancelled from here, it must show CANCELLED at once.
        SweepProcess.Result cancel = SweepProcess.run(work, "cancel", "--jobname", "c", "--tasklist", "3");
        assertEquals(cancel.stderr(), 0, cancel.exit());
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "c");
        assertTrue(status.stdout(), status.stdout().lines().anyMatch(l -> l.matches("\\s+3\\s+CANCELLED.*")));
        assertEquals(0, SweepProcess.run(work, "cancel", "--jobname", "c").exit());
        SweepProcess.Result launched = SweepProcess.finish(launch);
        assertEquals(1, launched.exit());
        assertTrue(launched.stdout(), launched.stdout().contains("3 tasks: 3 CANCELLED"));
    }

    @Test
    public void listShowsSweepsAndTheirTasks() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "l", "+command", "echo", "+arg", "--x", "a",
                "b", "+tag", "+q").exit());
        assertEquals(0, SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "l").exit());
        SweepProcess.Result sweeps = SweepProcess.run(work, "list");
        assertEquals(0, sweeps.exit());
        assertTrue(sweeps.stdout(), sweeps.stdout().lines().anyMatch(l -> l.matches("l\\s+2\\s+1\\s+local\\s*")));
        SweepProcess.Result tasks = SweepProcess.run(work, "list", "--jobname", "l");
        assertEquals(List.of("job_id\ttask_id\tjobname\tcommand\ttag",
                "local\t1\tl\techo --x a --tag l_1__x_a\tl_1__x_a",
                "local\t2\tl\techo --x b --tag l_2__x_b\tl_2__x_b"), tasks.stdout().lines().toList());
    }

    @Test
    public void helpNamesEveryCommandAndOption() throws Exception {
        SweepProcess.Result all = SweepProcess.run(work, "help");
        assertEquals(0, all.exit());
        for (String command : List.of("prelaunch", "launch", "status", "list", "cancel", "config", "help")) {
            assertTrue(command, all.stdout().contains(command));
        }
        SweepProcess.Result launch = SweepProcess.run(work, "help", "launch");
        for (String option : List.of("--backend", "--tasklist", "--failed", "--max-tasks", "--tasks-per-node",
                "--max-tasks-per-node", "--cpus", "--gpus", "--mem", "--duration", "--venv", "--conda", "--dry-run",
                "--wait", "--poll-max")) {
            assertTrue(option, launch.stdout().contains(option));
        }
    }

    @Test
    public void configWritesAndReadsHeaders() throws Exception {
        SweepProcess.Result w = SweepProcess.run(work, "config", "--write", "local", "header", "export GREETING=hi");
        assertEquals(w.stderr(), 0, w.exit());
        SweepProcess.Result r = SweepProcess.run(work, "config", "--read");
        assertTrue(r.stdout(), r.stdout().contains("export GREETING=hi"));
        assertEquals(0, SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "h", "--command",
                "echo $GREETING").exit());
        assertEquals("hi\n", Files.readString(work.resolve(".sweep/h/logs/1.1.out")));
    }

    private static void waitForFiles(Path dir, String suffix, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.filter(f -> f.toString().endsWith(suffix)).count() >= count) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + count + " " + suffix + " files in " + dir);
    }

    /** Every file under a directory with its size, sorted: what a refused command must not change. */
    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().map(f -> dir.relativize(f) + " " + f.toFile().length()).toList();
        }
    }

    private String listing() throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            return files.map(Path::toString).toList().toString();
        }
    }
}
