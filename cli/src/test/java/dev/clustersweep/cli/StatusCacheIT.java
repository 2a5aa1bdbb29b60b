package dev.clustersweep.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
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
 * {@code status.cache} and {@code results.cache} on real local sweeps: what {@code sweep status} and
 * {@code sweep results} say is the same with the caches warm, missing, damaged, cut short, of an
 * earlier run, or written by four processes at once; and a relaunch after the cache said "all
 * ended" is seen.
 */
public class StatusCacheIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(240);

    private Path work;
    private Path cache;
    private Path results;

    /** Tasks 3 and 7 fail the first time they run and succeed when relaunched; each reports loss. */
    private static final String TRAIN = "f() { echo \"loss=$2\" >> \"$SWEEP_METRICS\";"
            + " if [ $2 = 3 ] || [ $2 = 7 ]; then [ -e ran.$2 ] || { touch ran.$2; exit 4; }; fi; }; f";

    @Before
    public void sweep() throws Exception {
        work = tmp.newFolder("work").toPath();
        cache = work.resolve(".sweep/c/status.cache");
        results = work.resolve(".sweep/c/results.cache");
        SweepProcess.Result pre = SweepProcess.run(work, "prelaunch", "+jobname", "c", "+command", TRAIN,
                "+arg", "--n", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "+q");
        assertEquals(pre.stderr(), 0, pre.exit());
        SweepProcess.Result launch = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "c",
                "--max-tasks", "3");
        assertEquals(launch.stdout() + launch.stderr(), 1, launch.exit()); // tasks 3 and 7 failed
    }

    /** What a user reads: the full status and the results table, with their exit codes. */
    private String seen() throws Exception {
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "c");
        SweepProcess.Result results = SweepProcess.run(work, "results", "--jobname", "c", "--format", "csv");
        return status.exit() + "\n" + status.stdout() + status.stderr() + results.exit() + "\n" + results.stdout();
    }

    @Test
    public void whatUsersSeeIsTheSameWhateverTheCachesHold() throws Exception {
        String warm = seen();
        assertTrue(warm, warm.contains("FAILED"));
        for (Path file : new Path[] {cache, results}) {
            assertTrue(file + ": the launch or the first status and results wrote it", Files.exists(file));
            byte[] whole = Files.readAllBytes(file);

            Files.delete(file);
            assertEquals(file + ": none", warm, seen());
            assertTrue(file + ": written again", Files.exists(file));

            Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
            assertEquals(file + ": cut short", warm, seen());

            String text = new String(whole, StandardCharsets.UTF_8);
            String damaged = text.replaceFirst("\t0\t", "\t9\t").replaceFirst("=loss\t(\\d)", "=loss\t7$1");
            assertTrue(file + " was changed", !damaged.equals(text));
            Files.writeString(file, damaged);
            assertEquals(file + ": a value changed", warm, seen());

            Files.write(file, new byte[] {0, (byte) 0xff, '\n', 'x'});
            assertEquals(file + ": not text", warm, seen());
            assertEquals(file + ": and replaced by a whole one", warm, seen());
        }
    }

    @Test
    public void anEarlierRunsCacheIsNotTakenForThisOnes() throws Exception {
        seen();
        byte[] earlier = Files.readAllBytes(cache);
        // A fresh run under the same name, as a Jenkins build makes it: the directory cleared, the
        // tasks launched anew; here every task succeeds at once (ran.3 and ran.7 exist).
        dev.clustersweep.io.AtomicFiles.deleteTree(work.resolve(".sweep/c/status"));
        dev.clustersweep.io.AtomicFiles.deleteTree(work.resolve(".sweep/c/submissions"));
        Files.delete(cache);
        SweepProcess.Result launch = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "c");
        assertEquals(launch.stdout() + launch.stderr(), 0, launch.exit());
        Files.write(cache, earlier); // the earlier run's file, back in place
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "c", "--summary");
        assertEquals(status.stdout() + status.stderr(), 0, status.exit());
        assertEquals("c: 10 tasks: 10 SUCCEEDED\n", status.stdout());
    }

    @Test
    public void aRelaunchAfterEveryTaskEndedIsSeen() throws Exception {
        // The status directory untouched for longer than the margin: the cache then says every
        // attempt ended, and the next status does not list the directory.
        Thread.sleep(6_000);
        assertTrue(seen().contains("FAILED"));
        assertTrue(Files.readString(cache).lines().findFirst().orElseThrow().matches(".*\t=[^\t]+\t=[^\t]+$"));
        SweepProcess.Result relaunch = SweepProcess.run(work, "launch", "--backend", "local", "--jobname", "c",
                "--failed");
        assertEquals(relaunch.stdout() + relaunch.stderr(), 0, relaunch.exit());
        SweepProcess.Result status = SweepProcess.run(work, "status", "--jobname", "c", "--tasklist", "3,7");
        assertEquals(status.stdout() + status.stderr(), 0, status.exit());
        for (String task : new String[] {"3", "7"}) {
            assertTrue(status.stdout(), status.stdout().lines().anyMatch(
                    l -> List.of(l.trim().split(" +")).subList(0, 4).equals(List.of(task, "SUCCEEDED", "0", "2"))));
        }
        SweepProcess.Result summary = SweepProcess.run(work, "status", "--jobname", "c", "--summary");
        assertEquals("c: 10 tasks: 10 SUCCEEDED\n", summary.stdout());
    }

    @Test
    public void fourProcessesWritingAtOnceLeaveOneWholeFile() throws Exception {
        String expected = seen();
        for (int round = 0; round < 3; round++) {
            Files.delete(cache);
            List<Process> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(SweepProcess.start(work, "status", "--jobname", "c"));
            }
            for (Process p : all) {
                SweepProcess.Result r = SweepProcess.finish(p);
                assertEquals(r.stderr(), expected.substring(0, expected.indexOf('\n')), String.valueOf(r.exit()));
            }
            try (var names = Files.list(cache.getParent())) {
                assertEquals("no temporary file left", List.of(), names.filter(
                        f -> f.getFileName().toString().startsWith(".")).toList());
            }
            assertEquals(expected, seen());
        }
    }
}
