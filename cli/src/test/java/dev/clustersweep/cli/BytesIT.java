package dev.clustersweep.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * Values reach tasks byte for byte without a locale (cron, {@code env -i}, many Jenkins agents),
 * through {@code bin/sweep} as a user calls it; a value that is not UTF-8 is refused, named, and
 * nothing is written.
 */
public class BytesIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(180);

    private static final Path SWEEP = Path.of(System.getProperty("user.dir")).resolve("../bin/sweep").normalize();

    record Result(int exit, String stdout, String stderr) {
    }

    /** Runs {@code bin/sweep WORDS} from bash with no locale: the words are bash, so printf can make bytes. */
    private Result sweep(Path work, Path tmpDir, String words) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", "-c", "exec \"$0\" " + words, SWEEP.toString())
                .directory(work.toFile());
        b.environment().clear(); // no LANG, LC_ALL or LC_CTYPE: the JVM's charset is ASCII
        b.environment().put("PATH", System.getenv("PATH"));
        b.environment().put("HOME", System.getProperty("user.home"));
        b.environment().put("TMPDIR", tmpDir.toString());
        b.environment().put("CI", "true");
        for (String scheduler : List.of("SLURM_CONF", "SGE_ROOT", "SGE_CELL")) { // where the clusters are, not a locale
            if (System.getenv(scheduler) != null) {
                b.environment().put(scheduler, System.getenv(scheduler));
            }
        }
        Path out = Files.createTempFile(tmp.getRoot().toPath(), "out", ".txt");
        Path err = Files.createTempFile(tmp.getRoot().toPath(), "err", ".txt");
        Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue("sweep finished", p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    public void nonAsciiValuesReachTheTaskUnchangedWithoutALocale() throws Exception {
        Path work = tmp.newFolder("w").toPath();
        Path tmpDir = tmp.newFolder("t").toPath();
        Result pre = sweep(work, tmpDir, "prelaunch +jobname u +command 'printf %s' +arg --v 'é' '日本' +q");
        assertEquals(pre.stderr(), 0, pre.exit());
        // As onager writes it (Python's json.dump): \\u escapes.
        assertEquals("{\"1\": [\"printf %s --v \\u00e9\", \"\"], \"2\": [\"printf %s --v \\u65e5\\u672c\", \"\"]}",
                Files.readString(work.resolve(".sweep/u/jobs.json")));
        Result launch = sweep(work, tmpDir, "launch --backend local --jobname u");
        assertEquals(launch.stdout() + launch.stderr(), 0, launch.exit());
        assertArrayEquals("--vé".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(work.resolve(".sweep/u/logs/1.1.out")));
        assertArrayEquals("--v日本".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(work.resolve(".sweep/u/logs/2.1.out")));
        Result direct = sweep(work, tmpDir, "launch --backend local --jobname d --command 'printf %s ü'");
        assertEquals(direct.stderr(), 0, direct.exit());
        assertArrayEquals("ü".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(work.resolve(".sweep/d/logs/1.1.out")));
        try (var left = Files.list(tmpDir)) {
            assertEquals("the arguments' file is gone", List.of(), left.toList());
        }
    }

    @Test
    public void onSlurmAndGridEngineTooWithoutALocale() throws Exception {
        for (String backend : List.of("slurm", "gridengine")) {
            if (!answers(backend.equals("slurm") ? List.of("sinfo", "-h", "-o", "%T") : List.of("qstat", "-g", "c"))) {
                // The test cluster (test-cluster/up.sh) is part of CI: there, a missing one is a failure.
                assertTrue(backend + " is not running here: start it with 'bash test-cluster/up.sh " + backend + "'",
                        System.getenv("CI") == null);
                org.junit.Assume.assumeTrue(backend + " is not running here", false);
            }
            Path work = tmp.newFolder(backend).toPath();
            Path tmpDir = tmp.newFolder(backend + "-t").toPath();
            Result pre = sweep(work, tmpDir, "prelaunch +jobname c +command 'printf %s' +arg --v 'é中' +q");
            assertEquals(pre.stderr(), 0, pre.exit());
            Result launch = sweep(work, tmpDir, "launch --backend " + backend + " --jobname c --wait");
            assertEquals(backend + ": " + launch.stdout() + launch.stderr(), 0, launch.exit());
            assertArrayEquals(backend, "--vé中".getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(work.resolve(".sweep/c/logs/1.1.out")));
            Result env = sweep(work, tmpDir, "launch --backend " + backend + " --jobname e --env E=ü€ --wait"
                    + " --command 'printf %s \"$E\"'");
            assertEquals(backend + ": " + env.stdout() + env.stderr(), 0, env.exit());
            assertArrayEquals(backend, "ü€".getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(work.resolve(".sweep/e/logs/1.1.out")));
        }
    }

    /** Whether a scheduler's client answers (as the core tests' Clusters asks it). */
    private static boolean answers(List<String> command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false; // no such command here
        }
    }

    @Test
    public void aValueThatIsNotUtf8IsRefusedNamedAndNothingWritten() throws Exception {
        Path work = tmp.newFolder("w").toPath();
        Path tmpDir = tmp.newFolder("t").toPath();
        Result r = sweep(work, tmpDir, "prelaunch +jobname b +command echo +arg --v \"$(printf 'a\\xffb')\"");
        assertEquals(r.stdout() + r.stderr(), 2, r.exit());
        assertEquals(r.stderr(), 1, r.stderr().lines().count());
        assertTrue(r.stderr(), r.stderr().contains("'a\\xffb' is not UTF-8 text"));
        assertFalse(Files.exists(work.resolve(".sweep")));
        try (var left = Files.list(tmpDir)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
