package dev.clustersweep.scripts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.scripts.SweepFixture.Result;
import dev.clustersweep.sweep.Cancellation;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** wrapper.sh run by real bash, in a working directory whose path needs quoting. */
public class WrapperScriptIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepFixture sweep;

    @Before
    public void setUp() throws Exception {
        sweep = new SweepFixture(tmp.getRoot().toPath()).render(EnvironmentSetup.NONE);
    }

    @Test
    public void successWritesRecordsAndLogs() throws Exception {
        sweep.jobs("echo hello; echo oops >&2; pwd");
        Result r = sweep.wrapper(1);
        assertEquals(r.output(), 0, r.exit());
        assertEquals("", r.output());
        assertEquals("hello\n" + sweep.work + "\n", sweep.out(1, 1));
        assertEquals("oops\n", sweep.err(1, 1));
        Map<String, String> start = sweep.start(1, 1);
        assertEquals(List.of("submission", "job", "host", "pid", "start"), List.copyOf(start.keySet()));
        assertEquals("1", start.get("submission"));
        assertEquals("local", start.get("job"));
        assertFalse(start.get("host").isEmpty());
        assertTrue(start.get("pid").matches("[0-9]+"));
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(Long.parseLong(start.get("start")) - now) < 60);
        Map<String, String> end = sweep.end(1, 1);
        assertEquals(List.of("exit", "end", "reason"), List.copyOf(end.keySet()));
        assertEquals("0", end.get("exit"));
        assertEquals("exit", end.get("reason"));
        assertTrue(Long.parseLong(end.get("end")) >= Long.parseLong(start.get("start")));
        // No temporary files left beside the records.
        try (var files = Files.list(sweep.dir.statusDir())) {
            assertEquals(List.of("1.1.end", "1.1.start"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    public void aTaskNamedByACancelRecordOfItsSubmissionDoesNotRun() throws Exception {
        // A scheduler's stop can come before the wrapper exists (Slurm, under load): the engine's
        // record, written before the scheduler is told, stops such a task when it starts after all.
        String[] commands = new String[12];
        for (int i = 0; i < commands.length; i++) {
            commands[i] = "echo ran";
        }
        sweep.jobs(commands);
        SweepRecords records = new SweepRecords(sweep.dir);
        records.write(new Cancellation(1, TaskList.parse("2,5-7,9-13:2"), 1L));
        records.write(new Cancellation(2, TaskList.parse("1-12"), 2L)); // another submission's
        List<Long> stopped = new java.util.ArrayList<>();
        for (long id = 1; id <= 12; id++) {
            Result r = sweep.wrapper(id);
            Map<String, String> end = sweep.end(id, 1);
            if ("cancelled".equals(end.get("reason"))) {
                assertEquals(r.output(), 143, r.exit());
                assertEquals("143", end.get("exit"));
                assertEquals("", sweep.out(id, 1));
                assertTrue(sweep.err(id, 1), sweep.err(id, 1).contains("cancelled before it started"));
                stopped.add(id);
            } else {
                assertEquals(r.output(), 0, r.exit());
                assertEquals("ran\n", sweep.out(id, 1));
            }
        }
        assertEquals(List.of(2L, 5L, 6L, 7L, 9L, 11L), stopped);
    }

    @Test
    public void exitCodesArePropagated() throws Exception {
        sweep.jobs("exit 3", "echo bad >&2; exit 42", "kill -9 $$");
        assertEquals(3, sweep.wrapper(1).exit());
        assertEquals("3", sweep.end(1, 1).get("exit"));
        assertEquals(42, sweep.wrapper(2).exit());
        assertEquals("42", sweep.end(2, 1).get("exit"));
        assertEquals("bad\n", sweep.err(2, 1));
        assertEquals(137, sweep.wrapper(3).exit());
        assertEquals("137", sweep.end(3, 1).get("exit"));
        assertEquals("exit", sweep.end(3, 1).get("reason"));
    }

    @Test
    public void secondRunGetsTheNextAttempt() throws Exception {
        sweep.jobs("echo run $SWEEP_ATTEMPT; exit $((SWEEP_ATTEMPT - 1))");
        assertEquals(0, sweep.wrapper(1).exit());
        assertEquals(1, sweep.wrapper(1).exit());
        assertEquals(2, sweep.wrapper(1).exit());
        assertEquals("run 1\n", sweep.out(1, 1));
        assertEquals("run 2\n", sweep.out(1, 2));
        assertEquals("run 3\n", sweep.out(1, 3));
        assertEquals("0", sweep.end(1, 1).get("exit"));
        assertEquals("1", sweep.end(1, 2).get("exit"));
        assertEquals("2", sweep.end(1, 3).get("exit"));
    }

    @Test
    public void taskIdIsIndexPlusOffsetFromTheRightVariable() throws Exception {
        String[] commands = new String[2500];
        for (int i = 0; i < commands.length; i++) {
            commands[i] = "echo task " + (i + 1) + " $SWEEP_TASK_ID";
        }
        sweep.jobs(commands);
        assertEquals(0, sweep.wrapper(2, 5, Map.of()).exit());
        assertEquals("task 7 7\n", sweep.out(7, 1));
        // Across a chunk boundary, leading zeros are decimal, negative offsets work.
        assertEquals(0, sweep.wrapper(0, 1000, Map.of("SWEEP_ARRAY_INDEX", "0999")).exit());
        assertEquals("task 1999 1999\n", sweep.out(1999, 1));
        assertEquals(0, sweep.wrapper(2010, -10, Map.of()).exit());
        assertEquals("task 2000 2000\n", sweep.out(2000, 1));
        // Slurm: SLURM_ARRAY_TASK_ID, job id from SLURM_ARRAY_JOB_ID; SWEEP_ARRAY_INDEX wins over it.
        Map<String, String> slurm = Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_JOB_ID", "777", "SGE_TASK_ID", "9");
        ProcessBuilder pb = sweep.builder(slurm, "bash", sweep.dir.wrapper().toString(), "4", "10");
        assertEquals(0, SweepFixture.finish(pb.start()).exit());
        assertEquals("task 11 11\n", sweep.out(11, 1));
        assertEquals("777", sweep.start(11, 1).get("job"));
        assertEquals("4", sweep.start(11, 1).get("submission"));
        // Grid Engine: SGE_TASK_ID and JOB_ID.
        pb = sweep.builder(Map.of("SGE_TASK_ID", "3", "JOB_ID", "555"), "bash", sweep.dir.wrapper().toString(), "1", "0");
        assertEquals(0, SweepFixture.finish(pb.start()).exit());
        assertEquals("555", sweep.start(3, 1).get("job"));
        // Local backend inside a Slurm allocation: SWEEP_JOB_ID and SWEEP_ARRAY_INDEX win.
        assertEquals(0, sweep.wrapper(4, 0, Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_JOB_ID", "777",
                "SWEEP_JOB_ID", "local")).exit());
        assertEquals("local", sweep.start(4, 1).get("job"));
    }

    @Test
    public void misuseExits2WithoutRecords() throws Exception {
        sweep.jobs("true");
        ProcessBuilder pb = sweep.builder(Map.of(), "bash", sweep.dir.wrapper().toString(), "1", "0");
        Result r = SweepFixture.finish(pb.start());
        assertEquals(2, r.exit());
        assertTrue(r.output(), r.output().contains("no array index"));
        assertEquals(2, sweep.wrapper(1, 0, Map.of("SWEEP_ARRAY_INDEX", "x1")).exit());
        assertEquals(2, sweep.wrapper(0, 0, Map.of()).exit());
        pb = sweep.builder(Map.of("SWEEP_ARRAY_INDEX", "1"), "bash", sweep.dir.wrapper().toString(), "1");
        assertEquals(2, SweepFixture.finish(pb.start()).exit());
        assertFalse(Files.exists(sweep.dir.statusDir()) && Files.list(sweep.dir.statusDir()).findAny().isPresent());
    }

    @Test
    public void missingCommandIsAFailedAttemptWithAReason() throws Exception {
        sweep.jobs("true", "true");
        assertEquals(2, sweep.wrapper(3).exit());
        assertEquals("2", sweep.end(3, 1).get("exit"));
        assertEquals("exit", sweep.end(3, 1).get("reason"));
        assertTrue(sweep.err(3, 1), sweep.err(3, 1).contains("no command for task 3"));
        // No chunk at all for this id.
        assertEquals(2, sweep.wrapper(5000).exit());
        assertTrue(sweep.err(5000, 1).contains("000005.txt"));
    }

    @Test
    public void stdinIsEmptyAndCallVariablesDoNotLeak() throws Exception {
        sweep.jobs("cat; echo \"[${SWEEP_ARRAY_INDEX-unset}][${SWEEP_JOB_ID-unset}][$SWEEP_JOBNAME][$SWEEP_DIR][$SWEEP_SUBMISSION]\"");
        Process p = sweep.startWrapper(1, 0, Map.of("SWEEP_JOB_ID", "local"));
        try (var stdin = p.getOutputStream()) {
            stdin.write("do not read me\n".getBytes());
        } catch (java.io.IOException e) {
            // Broken pipe: the wrapper had already let go of its stdin, which is the point.
        }
        assertEquals(0, SweepFixture.finish(p).exit());
        assertEquals("[unset][unset][fix.sweep-1][" + sweep.dir.root() + "][1]\n", sweep.out(1, 1));
    }

    @Test
    public void taskDoesNotInheritIntQuitOrUsr2IgnoredByWhatStartedTheWrapper() throws Exception {
        // As a plain `&` in a non-interactive shell does (INT, QUIT) and gridengine-job.sh (USR2).
        sweep.jobs(SweepFixture.SIG_IGN + "sigign");
        ProcessBuilder pb = sweep.builder(Map.of("SWEEP_ARRAY_INDEX", "1"), "bash", "-c",
                "trap '' INT QUIT USR2; exec bash \"$0\" 1 0", sweep.dir.wrapper().toString());
        Result r = SweepFixture.finish(pb.start());
        assertEquals(r.output(), 0, r.exit());
        assertEquals(0, sweep.ignoredSignals("sigign") & (SweepFixture.INT | SweepFixture.QUIT | SweepFixture.USR2));
    }

    @Test
    public void termStopsTheWholeProcessGroup() throws Exception {
        Path childPid = sweep.work.resolve("child.pid");
        sweep.jobs("sleep 300 & echo $! > child.tmp; mv child.tmp child.pid; wait");
        Process p = sweep.startWrapper(1, 0, Map.of());
        SweepFixture.awaitFile(childPid);
        long child = Long.parseLong(Files.readString(childPid).trim());
        assertTrue(SweepFixture.alive(child));
        SweepFixture.signal(p, "TERM");
        Result r = SweepFixture.finish(p);
        assertEquals(143, r.exit());
        assertEquals("143", sweep.end(1, 1).get("exit"));
        assertEquals("cancelled", sweep.end(1, 1).get("reason"));
        assertFalse("the task's child survived", SweepFixture.alive(child));
        assertTrue(sweep.err(1, 1).contains("received SIGTERM"));
    }

    @Test
    public void killAfterGraceWhenTheTaskIgnoresTerm() throws Exception {
        Path childPid = sweep.work.resolve("child.pid");
        sweep.jobs("trap '' TERM; sleep 300 & echo $! > child.tmp; mv child.tmp child.pid; wait; wait");
        Process p = sweep.startWrapper(1, 0, Map.of("SWEEP_KILL_GRACE", "1"));
        SweepFixture.awaitFile(childPid);
        long child = Long.parseLong(Files.readString(childPid).trim());
        long t0 = System.nanoTime();
        SweepFixture.signal(p, "INT");
        Result r = SweepFixture.finish(p);
        assertTrue((System.nanoTime() - t0) / 1e9 >= 0.9);
        assertEquals(137, r.exit());
        assertEquals("cancelled", sweep.end(1, 1).get("reason"));
        assertFalse(SweepFixture.alive(child));
        assertTrue(sweep.err(1, 1).contains("sent SIGKILL"));
    }

    @Test
    public void usr1ThenTermIsATimeout() throws Exception {
        sweep.jobs("trap 'echo got-usr1' USR1; sleep 300 & wait", "trap 'echo warned; exit 0' USR1; echo up; sleep 300");
        Process p = sweep.startWrapper(1, 0, Map.of());
        SweepFixture.awaitFile(sweep.dir.startRecord(1, 1));
        SweepFixture.signal(p, "USR1");
        Thread.sleep(200);
        assertTrue(p.isAlive());
        SweepFixture.signal(p, "TERM");
        Result r = SweepFixture.finish(p);
        assertEquals(143, r.exit());
        assertEquals("timeout", sweep.end(1, 1).get("reason"));
        assertEquals("", sweep.out(1, 1)); // the task itself never saw USR1

        // USR1 alone does not touch the task; if it then ends by itself, the reason is exit.
        p = sweep.startWrapper(2, 0, Map.of());
        SweepFixture.awaitFile(sweep.dir.startRecord(2, 1));
        SweepFixture.signal(p, "USR1");
        Thread.sleep(300);
        assertTrue(p.isAlive());
        assertFalse(Files.exists(sweep.dir.endRecord(2, 1)));
        SweepFixture.signal(p, "HUP");
        assertEquals(143, SweepFixture.finish(p).exit());
        assertEquals("timeout", sweep.end(2, 1).get("reason"));
    }

    @Test
    public void taskKilledDirectlyAfterTheWarningIsATimeout() throws Exception {
        // Slurm's time limit signals every process of the job at once: the task may die before the
        // wrapper's own TERM arrives. Here only the task's group gets TERM.
        Path pidFile = tmp.getRoot().toPath().resolve("task.pid");
        // The task writes its process group (field 5 of /proc/PID/stat), the one Slurm would signal.
        String group = "read -r -a s < /proc/$$/stat; echo ${s[4]} > g.tmp; mv g.tmp ";
        sweep.jobs(group + pidFile + "; exec sleep 300", group + pidFile + "2; exec sleep 300");
        Process p = sweep.startWrapper(1, 0, Map.of());
        SweepFixture.awaitFile(pidFile);
        SweepFixture.signal(p, "USR1");
        Thread.sleep(200);
        killGroup(Files.readString(pidFile).trim());
        assertEquals(143, SweepFixture.finish(p).exit());
        assertEquals("timeout", sweep.end(1, 1).get("reason"));

        // Without the warning, a task killed by someone else simply failed.
        p = sweep.startWrapper(2, 0, Map.of());
        SweepFixture.awaitFile(Path.of(pidFile + "2"));
        killGroup(Files.readString(Path.of(pidFile + "2")).trim());
        assertEquals(143, SweepFixture.finish(p).exit());
        assertEquals("exit", sweep.end(2, 1).get("reason"));
    }

    private static void killGroup(String group) throws Exception {
        Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + group).inheritIO().start();
        assertTrue(kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && kill.exitValue() == 0);
    }

    @Test
    public void stopSignalDuringSetUpRecordsWithoutStartingTheTask() throws Exception {
        sweep.render(new EnvironmentSetup(List.of("echo setting-up; sleep 1"), List.of(), null, null, Map.of()));
        sweep.jobs("echo task-ran");
        Process p = sweep.startWrapper(1, 0, Map.of());
        SweepFixture.awaitFile(sweep.dir.startRecord(1, 1));
        SweepFixture.signal(p, "TERM");
        assertEquals(143, SweepFixture.finish(p).exit());
        assertEquals("cancelled", sweep.end(1, 1).get("reason"));
        assertEquals("setting-up\n", sweep.out(1, 1));
    }

    @Test
    public void environmentSetUpHeaderVenvEnvAndFooter() throws Exception {
        Path venv = Files.createDirectories(sweep.work.resolve("my venv/bin"));
        Files.writeString(venv.resolve("activate"), "export VENV_VAR=\"from venv $#\"\n");
        String tricky = "a b'c\"$HOME`x`\n\t\\ é🙂";
        sweep.render(new EnvironmentSetup(
                List.of("export FROM_HEADER=h1", "if true; then", "  echo header-out", "fi", "cd \"$SWEEP_DIR\""),
                List.of("echo footer $SWEEP_TASK_ID >> \"$SWEEP_DIR/../footer.txt\"", "exit 7"),
                "my venv", null, Map.of("MYVAR", tricky, "PATH_EXTRA", "x")));
        sweep.jobs("printf '%s|' \"$FROM_HEADER\" \"$VENV_VAR\" \"$MYVAR\" \"$SWEEP_TASK_ID\" \"$SWEEP_ATTEMPT\" \"$PWD\"; exit 4");
        assertEquals(4, sweep.wrapper(1).exit());
        assertEquals("header-out\nh1|from venv 0|" + tricky + "|1|1|" + sweep.dir.root() + "|", sweep.out(1, 1));
        assertEquals("4", sweep.end(1, 1).get("exit"));
        assertEquals("footer 1\n", Files.readString(sweep.dir.root().resolveSibling("footer.txt")));
    }

    @Test
    public void headerCannotBreakTheWrapper() throws Exception {
        // Shell options and traps the header sets stay out of the rest of the wrapper.
        sweep.render(new EnvironmentSetup(List.of("set -euo pipefail", "trap 'echo header-exit-trap' EXIT",
                "trap '' TERM", "IFS=,"), List.of("false", "echo footer-ran"), null, null, Map.of()));
        Path childPid = sweep.work.resolve("child.pid");
        sweep.jobs("exit 6", "sleep 300 & echo $! > child.tmp; mv child.tmp child.pid; wait");
        assertEquals(6, sweep.wrapper(1).exit());
        assertEquals("footer-ran\n", sweep.out(1, 1));
        Process p = sweep.startWrapper(2, 0, Map.of());
        SweepFixture.awaitFile(childPid);
        SweepFixture.signal(p, "TERM");
        assertEquals(143, SweepFixture.finish(p).exit());
        assertEquals("cancelled", sweep.end(2, 1).get("reason"));
    }

    @Test
    public void failedSetUpIsAFailedAttemptAndTheTaskDoesNotRun() throws Exception {
        sweep.jobs("echo task-ran");
        sweep.render(new EnvironmentSetup(List.of("echo before", "false", "echo after"), List.of(), null, null, Map.of()));
        assertEquals(1, sweep.wrapper(1).exit());
        assertEquals("before\n", sweep.out(1, 1));
        assertTrue(sweep.err(1, 1), sweep.err(1, 1).contains("set-up failed (exit 1) in the header: false"));
        assertEquals("1", sweep.end(1, 1).get("exit"));

        sweep.render(new EnvironmentSetup(List.of("if then"), List.of(), null, null, Map.of()));
        assertEquals(2, sweep.wrapper(1).exit());
        assertEquals("2", sweep.end(1, 2).get("exit"));
        assertTrue(sweep.err(1, 2), sweep.err(1, 2).contains("syntax error"));

        sweep.render(new EnvironmentSetup(List.of("exit 0"), List.of(), null, null, Map.of()));
        assertEquals(1, sweep.wrapper(1).exit());
        assertEquals("1", sweep.end(1, 3).get("exit"));
        assertTrue(sweep.err(1, 3), sweep.err(1, 3).contains("exited (status 1) during the header"));

        sweep.render(new EnvironmentSetup(List.of(), List.of(), "no-such-venv", null, Map.of()));
        assertEquals(1, sweep.wrapper(1).exit());
        assertTrue(sweep.err(1, 4), sweep.err(1, 4).contains("no-such-venv/bin/activate does not exist"));

        // conda is not installed here (PATH without it): a clear message, 127.
        sweep.render(new EnvironmentSetup(List.of(), List.of(), null, "my-env", Map.of()));
        assertEquals(127, sweep.wrapper(1, 0, Map.of("PATH", "/usr/bin:/bin")).exit());
        assertTrue(sweep.err(1, 5), sweep.err(1, 5).contains("--conda my-env: conda is not on the PATH"));
        assertEquals("127", sweep.end(1, 5).get("exit"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertFalse(sweep.out(1, attempt).contains("task-ran"));
            assertEquals("exit", sweep.end(1, attempt).get("reason"));
        }
    }

    @Test
    public void fakeCondaIsActivated() throws Exception {
        Path bin = Files.createDirectories(sweep.work.resolve("conda bin"));
        Path conda = bin.resolve("conda");
        Files.writeString(conda, "#!/bin/bash\n[ \"$1 $2\" = 'shell.bash hook' ] && echo 'conda() { export CONDA_ENV_NAME=\"$2\"; }'\n");
        conda.toFile().setExecutable(true);
        sweep.render(new EnvironmentSetup(List.of("export PATH=\"$SWEEP_DIR/../../conda bin:$PATH\""), List.of(), null,
                "env one", Map.of()));
        sweep.jobs("echo \"$CONDA_ENV_NAME\"");
        assertEquals(0, sweep.wrapper(1).exit());
        assertEquals("env one\n", sweep.out(1, 1));
    }

    @Test
    public void aPoolWorkerKeepsEachTasksOwnExitCodeAfterAWrapperWasKilled() throws Exception {
        // Task 1's wrapper is killed -9 while its task runs on and later reports into the worker's
        // pipe; tasks 2 and 3 of the same worker must still record their own codes. With a footer,
        // each task has a wrapper of its own (a subshell of the worker).
        sweep.render(new EnvironmentSetup(List.of(), List.of("true"), null, null, Map.of()));
        sweep.jobs("sleep 1; exit 9", "sleep 1.5; exit 7", "exit 5");
        try (PoolWorker worker = new PoolWorker(sweep, Map.of())) {
            worker.run(1);
            String started = worker.next();
            assertTrue(started, started.startsWith("started 1 "));
            new ProcessBuilder("kill", "-KILL", Long.toString(PoolWorker.startedPid(started))).start().waitFor();
            assertTrue(worker.next().startsWith("ended 1 "));
            worker.run(2, 3);
            assertTrue(worker.next().startsWith("started 2 "));
            assertEquals("ended 2 7", worker.next());
            assertTrue(worker.next().startsWith("started 3 "));
            assertEquals("ended 3 5", worker.next());
            assertTrue(worker.finish());
        }
        assertEquals("7", sweep.end(2, 1).get("exit"));
        assertEquals("5", sweep.end(3, 1).get("exit"));
    }

    @Test
    public void aPoolTaskSeesWhatBashMinusCWouldGiveIt() throws Exception {
        // The pool evaluates a command in the task's own subshell instead of starting a bash for it:
        // $0, the arguments, the shell's flags and the exit code are as under `bash -c`, none of the
        // worker's names shows but its _sw_ ones, and a command that uses $$ gets a bash of its own,
        // so that $$ names that task and no other.
        sweep.jobs("echo \"$0 $# [$id$pid$rc] [${-//[^m]/}]\"; exit 4", "echo $$", "echo $$", "echo ${$}");
        List<String> lines = new java.util.ArrayList<>();
        String worker1;
        try (PoolWorker worker = new PoolWorker(sweep, Map.of())) {
            worker.run(1, 2, 3, 4);
            assertTrue(worker.finish());
            for (String line = worker.next(); line != null; line = worker.next()) {
                lines.add(line);
            }
            worker1 = String.valueOf(worker.pid());
        }
        assertEquals(lines.toString(), "ended 1 4", lines.get(1));
        assertEquals("bash 0 [] []\n", sweep.out(1, 1)); // no job control (m), as under bash -c
        assertEquals("4", sweep.end(1, 1).get("exit"));
        String pid2 = sweep.out(2, 1).strip(), pid3 = sweep.out(3, 1).strip(), pid4 = sweep.out(4, 1).strip();
        assertTrue(pid2, pid2.matches("[0-9]+"));
        assertFalse(pid2.equals(pid3) || pid3.equals(pid4) || pid2.equals(pid4));
        assertFalse(List.of(pid2, pid3, pid4).contains(worker1));
    }

    @Test
    public void aPoolTaskAfterAHeaderSeesNothingTheHeaderLeftInTheShell() throws Exception {
        // A header (or venv, conda) runs in the wrapper's shell: its function, unexported variable and
        // shopt setting must not reach the command, as under a cluster's bash -c.
        sweep.render(new EnvironmentSetup(List.of("hdr() { :; }", "shopt -s nullglob", "X=1"), List.of(), null, null,
                Map.of()));
        sweep.jobs("type hdr >/dev/null 2>&1 && echo function; shopt -q nullglob && echo shopt; echo \"[$X]\"");
        try (PoolWorker worker = new PoolWorker(sweep, Map.of())) {
            worker.run(1);
            assertTrue(worker.finish());
        }
        assertEquals("[]\n", sweep.out(1, 1));
        assertEquals("0", sweep.end(1, 1).get("exit"));
    }
}
