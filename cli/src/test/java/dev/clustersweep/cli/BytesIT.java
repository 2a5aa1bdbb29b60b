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
