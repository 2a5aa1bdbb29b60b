package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** {@code sweep launch --snapshot} in a real git repository: tasks run the commit, not the working tree. */
public class SnapshotIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    private Path repo;

    @Before
    public void setUp() throws Exception {
        repo = tmp.newFolder("repo").toPath();
        git("init", "-q");
        Files.writeString(repo.resolve("run.sh"), "echo v1\n");
        git("add", "run.sh");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one");
    }

    @Test
    public void tasksRunTheCommittedTreeAndStatusShowsTheCommit() throws Exception {
        String commit = new String(new ProcessBuilder("git", "rev-parse", "HEAD").directory(repo.toFile()).start()
                .getInputStream().readAllBytes()).strip();
        SweepProcess.Result r = SweepProcess.run(repo, "launch", "--backend", "local", "--jobname", "s", "--command",
                "bash run.sh; echo changed >> run.sh", "--snapshot", "HEAD");
        assertEquals(r.stderr(), 0, r.exit());
        assertEquals("v1\n", Files.readString(repo.resolve(".sweep/s/logs/1.1.out")));
        // the task wrote into its copy, not into the repository
        assertEquals("echo v1\n", Files.readString(repo.resolve("run.sh")));
        SweepProcess.Result status = SweepProcess.run(repo, "status", "--jobname", "s");
        assertTrue(status.stdout(), status.stdout().contains("code: commit " + commit + " (--snapshot)\n"));
    }

    @Test
    public void uncommittedChangesAreRefusedUnlessAskedFor() throws Exception {
        Files.writeString(repo.resolve("run.sh"), "echo v2\n");
        SweepProcess.Result r = SweepProcess.run(repo, "launch", "--backend", "local", "--jobname", "d", "--command",
                "bash run.sh", "--snapshot", "HEAD");
        assertEquals(2, r.exit());
        assertEquals("sweep: --snapshot: " + repo.toRealPath() + " has uncommitted changes (1 file(s), e.g. run.sh):"
                + " commit them, or add --snapshot-dirty to include them\n", r.stderr());
        assertTrue(Files.notExists(repo.resolve(".sweep/d")));
        SweepProcess.Result dirty = SweepProcess.run(repo, "launch", "--backend", "local", "--jobname", "d",
                "--command", "bash run.sh", "--snapshot", "HEAD", "--snapshot-dirty");
        assertEquals(dirty.stderr(), 0, dirty.exit());
        assertEquals("v2\n", Files.readString(repo.resolve(".sweep/d/logs/1.1.out")));
    }

    @Test
    public void aLaunchRefusedAfterTheSnapshotLeavesNothing() throws Exception {
        // Task 9 is not in the one-task grid: the launch refuses it once the copy is made.
        SweepProcess.Result r = SweepProcess.run(repo, "launch", "--backend", "local", "--jobname", "n", "--command",
                "bash run.sh", "--snapshot", "HEAD", "--tasklist", "9");
        assertEquals(r.stdout() + r.stderr(), 2, r.exit());
        assertTrue("taken, then refused: " + r.stdout(), r.stdout().startsWith("snapshot: commit "));
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("9"));
        assertTrue("no copy left", Files.notExists(repo.resolve(".sweep/n/snapshots")));
        // A copy an earlier launch made stays when a later one is refused.
        SweepProcess.Result ok = SweepProcess.run(repo, "launch", "--backend", "local", "--jobname", "n",
                "--command", "bash run.sh", "--snapshot", "HEAD");
        assertEquals(ok.stderr(), 0, ok.exit());
        SweepProcess.Result refused = SweepProcess.run(repo, "launch", "--backend", "local", "--jobname", "n",
                "--snapshot", "HEAD", "--tasklist", "9");
        assertEquals(refused.stdout() + refused.stderr(), 2, refused.exit());
        try (var copies = Files.list(repo.resolve(".sweep/n/snapshots"))) {
            assertEquals(1, copies.count());
        }
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        assertEquals(0, new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start().waitFor());
    }
}
