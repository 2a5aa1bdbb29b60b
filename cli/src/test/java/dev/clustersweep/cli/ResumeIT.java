package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * {@code --max-resumes} on the local backend: a task that exits 3 (cluster_utils' exit_for_resume)
 * is relaunched by itself as new attempts, its earlier logs kept, up to the limit.
 */
public class ResumeIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    /** Task N exits 3 on its first two attempts (counted in a file of its own), then 0; task 1 succeeds at once. */
    private static final String TASK = "f() { [ $2 = 1 ] && exit 0; n=$(cat runs.$2 2>/dev/null || echo 0);"
            + " echo $((n + 1)) > runs.$2; echo \"attempt $SWEEP_ATTEMPT\"; [ $n -ge 2 ] || exit 3; }; f";

    private Path work() throws Exception {
        Path work = tmp.newFolder("w").toPath();
        SweepProcess.Result pre = SweepProcess.run(work, "prelaunch", "+jobname", "r", "+command", TASK, "+arg",
                "--n", "1", "2", "3", "+q");
        assertEquals(pre.stderr(), 0, pre.exit());
        return work;
    }

    @Test
    public void aTaskThatAsksToBeContinuedRunsAgainUntilItEnds() throws Exception {
        Path work = work();
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "r",
                "--max-resumes", "2");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        assertTrue(r.stdout() + r.stderr(), (r.stdout() + r.stderr()).contains("resumed tasks"));
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "r");
        List<String> task2 = List.of(status.stdout().lines().filter(l -> l.trim().startsWith("2 ")).findFirst()
                .orElseThrow().trim().split(" +"));
        assertEquals(status.stdout(), List.of("2", "SUCCEEDED", "0", "3"), task2.subList(0, 4));
        assertTrue(status.stdout(), status.stdout().lines().anyMatch(l -> l.matches("\\s+2\\s+SUCCEEDED.*resumed 2 times")));
        assertTrue("task 1 never resumed", status.stdout().lines().anyMatch(l -> l.matches("\\s+1\\s+SUCCEEDED\\s+0\\s+1\\s+\\S+\\s+\\d+\\s*")));
        // Every attempt kept its own log.
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals("attempt " + attempt + "\n", Files.readString(work.resolve(".sweep/r/logs/2." + attempt + ".out")));
        }
        assertEquals("task 1 never resumed", List.of(), List.of(work.resolve(".sweep/r/logs").toFile().list())
                .stream().filter(n -> n.startsWith("1.2")).toList());
    }

    @Test
    public void aRetryIsNotCountedAsAResume() throws Exception {
        // Exit 1 (a failure: retried), then 3 (asks to go on: resumed), then 0.
        Path work = tmp.newFolder("retry").toPath();
        String task = "n=$(cat runs 2>/dev/null || echo 0); echo $((n + 1)) > runs; [ $n = 0 ] && exit 1;"
                + " [ $n = 1 ] && exit 3; exit 0";
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "r", "--command",
                task, "--retries", "1", "--max-resumes", "1");
        assertEquals(r.stdout() + r.stderr(), 0, r.exit());
        assertEquals("3\n", Files.readString(work.resolve("runs")));
        // Three attempts, one of them a resume: the retry is not counted.
        String status = SweepProcess.run(work, "status", "--jobname", "r").stdout();
        assertTrue(status, status.lines().anyMatch(l -> l.matches("\\s+1\\s+SUCCEEDED\\s+0\\s+3\\s.*resumed 1 time")));
    }

    @Test
    public void theLimitHoldsAndWithoutItExit3IsAFailure() throws Exception {
        Path work = work();
        SweepProcess.Result r = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "r",
                "--max-resumes", "1");
        assertEquals(r.stdout() + r.stderr(), 1, r.exit());
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "r", "--summary");
        assertEquals("r: 3 tasks: 1 SUCCEEDED, 2 FAILED\n", status.stdout());

        Path plain = tmp.newFolder("plain").toPath();
        SweepProcess.run(plain, "prelaunch", "+jobname", "r", "+command", TASK, "+arg", "--n", "2", "+q");
        SweepProcess.Result off = SweepProcess.run(plain, "launch", "--backend", "local", "--jobname", "r");
        assertEquals(off.stdout() + off.stderr(), 1, off.exit());
        assertTrue(Files.notExists(plain.resolve(".sweep/r/logs/1.2.out")));

        SweepProcess.Result bad = SweepProcess.run(plain, "launch", "--backend", "local", "--jobname", "r",
                "--max-resumes", "1", "--resume-code", "300");
        assertEquals(bad.stderr(), 2, bad.exit());
        assertTrue(bad.stderr(), bad.stderr().startsWith("sweep: bad --resume-code '300'"));
    }
}
