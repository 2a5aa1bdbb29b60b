package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** {@code sweep launch} bound through the one settings vocabulary: spec files, retries, the caller's words. */
public class LaunchSettingsIT {

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
    public void aSpecFileIsTheGridAndTheSettingsOptionsWin() throws Exception {
        Files.writeString(work.resolve("sweep.yaml"), """
                command: echo
                jobName: fromspec
                args:
                  lr: [0.10, 1e-4]
                  seed: [1, 2]
                backend: slurm
                maxTasks: 1
                """);
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--spec", "sweep.yaml", "--backend", "local",
                "--max-tasks", "2");
        assertEquals(r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("4 task(s) 1-4 of sweep 'fromspec' on local"));
        assertTrue(r.stdout(), r.stdout().contains("at most 2 at once"));
        assertEquals("--lr 1e-4 --seed 2\n", Files.readString(work.resolve(".sweep/fromspec/logs/4.1.out")));

        // The same spec again is a relaunch of the same sweep; another grid under its name is refused.
        SweepProcess.Result again = SweepProcess.run(work, "launch", "--spec", "sweep.yaml", "--backend", "local",
                "--tasklist", "2");
        assertEquals(again.stderr(), 0, again.exit());
        assertTrue(Files.exists(work.resolve(".sweep/fromspec/logs/2.2.out")));
        SweepProcess.Result other = SweepProcess.run(work, "launch", "--spec", "sweep.yaml", "--backend", "local",
                "--command", "true");
        assertEquals(2, other.exit());
        assertTrue(other.stderr(), other.stderr().contains("already launched with other tasks"));
    }

    @Test
    public void retriesRelaunchOnlyTheFailedTasksUntilTheySucceed() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "flaky", "+command",
                "f() { [ \"$1\" = 2 ] && [ \"$SWEEP_ATTEMPT\" -lt 3 ] && exit 9; true; }; f", "+pos-arg", "1", "2",
                "3", "+q").exit());
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "flaky",
                "--retries", "2");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("retry 1 of 2: relaunched tasks 2"));
        assertTrue(r.stdout(), r.stdout().contains("retry 2 of 2: relaunched tasks 2"));
        assertTrue(Files.exists(work.resolve(".sweep/flaky/logs/2.3.out")));
        assertFalse("task 1 ran once", Files.exists(work.resolve(".sweep/flaky/logs/1.2.out")));
    }

    @Test
    public void retriesUsedUpLeaveTheExitStatusOfTheLastAttempt() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "bad", "+command", "exit", "+pos-arg", "0",
                "4", "+q").exit());
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "bad",
                "--retries", "1");
        assertEquals(1, r.exit());
        assertTrue(r.stdout(), r.stdout().contains("retry 1 of 1: relaunched tasks 2"));
        assertTrue(r.stdout(), r.stdout().contains("1 task(s) did not succeed: 2"));
        assertTrue(Files.exists(work.resolve(".sweep/bad/logs/2.2.out")));
        assertFalse(Files.exists(work.resolve(".sweep/bad/logs/2.3.out")));
    }

    @Test
    public void badSettingsAreNamedAsOptionsAndStopTheLaunchBeforeItSubmits() throws Exception {
        assertEquals(0, SweepProcess.run(work, "prelaunch", "+jobname", "j", "+command", "true", "+q").exit());
        String[][] cases = {
            {"bad --kill-grace '-1': expected a whole number of 1 or more", "--kill-grace", "-1"},
            {"bad --retries 'x': expected a whole number of 0 or more", "--retries", "x"},
            {"bad --poll-max '-1'", "--poll-max", "-1"},
            {"--failed relaunches a sweep's own tasks", "--failed", "--command", "true"},
            {"missing --backend", null},
        };
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("launch", "--jobname", "j"));
            if (c[1] != null) {
                args.addAll(java.util.List.of("--backend", "local"));
                args.addAll(java.util.List.of(c).subList(1, c.length));
            }
            SweepProcess.Result r = SweepProcess.run(work, args.toArray(String[]::new));
            assertEquals(String.join(" ", args) + ": " + r.stderr(), 2, r.exit());
            assertTrue(r.stderr(), r.stderr().startsWith("sweep: " + c[0]));
            assertEquals(r.stderr(), 1, r.stderr().lines().count());
            assertFalse("nothing submitted for " + args, Files.exists(work.resolve(".sweep/j/submissions")));
        }
    }
}
