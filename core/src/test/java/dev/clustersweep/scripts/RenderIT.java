package dev.clustersweep.scripts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.gridengine.GridEngineBackend;
import dev.clustersweep.backend.gridengine.QsubCommand;
import dev.clustersweep.jobfile.Job;
import dev.clustersweep.shell.ShellQuote;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Java side: rendering, command chunks, group files, set-up validation. */
public class RenderIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private SweepFixture sweep;

    @Before
    public void setUp() throws Exception {
        sweep = new SweepFixture(tmp.getRoot().toPath());
    }

    private static final EnvironmentSetup FULL = new EnvironmentSetup(
            List.of("module load cuda/12 # comment", "if [ -d /tmp ]; then", "  echo 'it''s' \"$HOME\"", "fi", "@@SETUP@@"),
            List.of("rm -rf \"$TMPDIR/x\"", "echo done"), "venv", "my env", Map.of("A_B", "x y", "LANG", "C.UTF-8"));

    @Test
    public void scriptsAreExecutableAndBakeInTheQuotedPaths() throws Exception {
        sweep.render(FULL);
        for (Path script : List.of(sweep.dir.wrapper(), sweep.dir.multiWrapper())) {
            assertTrue(Files.isExecutable(script));
            String text = Files.readString(script);
            for (String slot : List.of("@@JOBNAME_TEXT@@", "@@JOBNAME@@", "@@WORKDIR@@", "@@SWEEP_DIR@@", "@@FOOTER@@")) {
                assertFalse(script + " has an unfilled slot", text.contains(slot));
            }
            assertTrue(text.contains(ShellQuote.quote(sweep.dir.root().toString())));
            Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            assertEquals(new String(check.getInputStream().readAllBytes()), 0, check.waitFor());
        }
        String wrapper = Files.readString(sweep.dir.wrapper());
        assertTrue(wrapper.contains("_sw_workdir=" + ShellQuote.quote(sweep.work.toString()) + "\n"));
        assertTrue(wrapper.contains("#   module load cuda/12 # comment\n"));
        assertTrue("text put into a slot is not scanned again", wrapper.contains("#   @@SETUP@@\n"));
        assertTrue(wrapper.contains("_sw_venv=" + ShellQuote.quote(sweep.work.resolve("venv").toString())));
        assertTrue(wrapper.contains("export A_B='x y'\n"));
        assertTrue(wrapper.contains("export LANG=C.UTF-8\n"));
        // A second render replaces the scripts (no set-up now).
        sweep.render(EnvironmentSetup.NONE);
        assertFalse(Files.readString(sweep.dir.wrapper()).contains("module load"));
    }

    @Test
    public void renderedScriptsAreShellcheckClean() throws Exception {
        // As the cluster tests (backend.Clusters): skipped on a developer machine without it, failed in CI.
        String missing = "shellcheck is not installed: 'bash test-cluster/up.sh' installs it";
        assertTrue(missing, onPath("shellcheck") || System.getenv("CI") == null);
        assumeTrue(missing, onPath("shellcheck"));
        sweep.render(FULL);
        // Grid Engine's job script, written by its backend at each launch: checked beside them.
        Path geJob = Files.writeString(sweep.work.resolve("gridengine-job.sh"),
                ScriptTemplate.render(GridEngineBackend.class, QsubCommand.JOB_SCRIPT, Map.of()));
        Process p = new ProcessBuilder("shellcheck", "-s", "bash", sweep.dir.wrapper().toString(),
                sweep.dir.multiWrapper().toString(), geJob.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void badEnvironmentNamesAreBadInput() {
        for (String name : List.of("", "1A", "A-B", "A B", "A=B", "$A", "SWEEP_TASK_ID", "SWEEP_DIR", "_sw_id",
                "BASH_ENV", "SHELLOPTS", "UID")) {
            assertThrows(name, BadInputException.class,
                    () -> new EnvironmentSetup(List.of(), List.of(), null, null, Map.of(name, "v")));
        }
        EnvironmentSetup ok = new EnvironmentSetup(null, null, " ", "", Map.of("_OK1", "", "SWEEP_KILL_GRACE", "3"));
        assertEquals(List.of(), ok.header());
        assertEquals(null, ok.venv());
        assertEquals(null, ok.conda());
    }

    @Test
    public void chunksHoldOneQuotedCommandPerLineWithGaps() throws Exception {
        List<Job> jobs = List.of(new Job(1, "echo a b", ""), new Job(3, "it's\nnew", ""), new Job(999, "x", ""),
                new Job(1000, "y", ""), new Job(5001, "", ""));
        assertEquals(5, CommandChunks.write(sweep.dir, jobs.iterator()));
        List<String> chunk0 = Files.readAllLines(sweep.dir.commandsChunk(0));
        assertEquals(1000, chunk0.size());
        assertEquals(List.of("", "'echo a b'", "", "$'it\\'s\\nnew'"), chunk0.subList(0, 4));
        assertEquals("x", chunk0.get(999));
        assertEquals(List.of("y"), Files.readAllLines(sweep.dir.commandsChunk(1000)));
        assertEquals(List.of("", "''"), Files.readAllLines(sweep.dir.commandsChunk(5001)));
        assertFalse(Files.exists(sweep.dir.commandsChunk(2000)));
        assertEquals(Optional.of("'echo a b'"), SweepFixture.readQuoted(sweep.dir, 1));
        assertEquals(Optional.empty(), SweepFixture.readQuoted(sweep.dir, 2));
        assertEquals(Optional.empty(), SweepFixture.readQuoted(sweep.dir, 1001));
        assertEquals(Optional.empty(), SweepFixture.readQuoted(sweep.dir, 3000));

        // A smaller rewrite removes the chunks it no longer has.
        CommandChunks.write(sweep.dir, List.of(new Job(2, "z", "")).iterator());
        try (var files = Files.list(sweep.dir.commandsDir())) {
            assertEquals(List.of("000000.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertThrows(IllegalArgumentException.class,
                () -> CommandChunks.write(sweep.dir, List.of(new Job(2, "a", ""), new Job(2, "b", "")).iterator()));
    }

    @Test
    public void aMillionJobsStreamIntoAThousandChunks() throws Exception {
        sweep.render(EnvironmentSetup.NONE);
        int n = 1_000_000;
        Iterator<Job> jobs = new Iterator<>() {
            private int next = 1;

            public boolean hasNext() {
                return next <= n;
            }

            public Job next() {
                int id = next++;
                return new Job(id, "echo task " + id + " 'of a million'", "");
            }
        };
        assertEquals(n, CommandChunks.write(sweep.dir, jobs));
        try (var files = Files.list(sweep.dir.commandsDir())) {
            assertEquals(1001, files.count()); // 0..999 and 1000 (for id 1,000,000 alone)
        }
        for (long id : new long[] {999_999, 1_000_000, 123_456}) {
            assertEquals(0, sweep.wrapper(id).exit());
            assertEquals("task " + id + " of a million\n", sweep.out(id, 1));
        }
    }

    @Test
    public void groupFileHasOneLineOfIdsPerGroup() throws Exception {
        assertEquals(3, GroupFile.write(sweep.dir, 2, List.of(new long[] {1, 2}, new long[] {7}, new long[] {10, 11, 12}).iterator()));
        assertEquals("1 2\n7\n10 11 12\n", Files.readString(sweep.dir.groups(2)));
        assertThrows(IllegalArgumentException.class, () -> GroupFile.write(sweep.dir, 3, List.of(new long[0])));
        assertThrows(IllegalArgumentException.class, () -> GroupFile.write(sweep.dir, 0, List.of(new long[] {1})));
        assertFalse(Files.exists(sweep.dir.groups(3)));
    }
}
