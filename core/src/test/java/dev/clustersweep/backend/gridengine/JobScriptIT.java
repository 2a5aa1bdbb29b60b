package dev.clustersweep.backend.gridengine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import dev.clustersweep.scripts.ScriptTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** gridengine-job.sh with real bash and a stand-in for wrapper.sh; no Grid Engine needed. */
public class JobScriptIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /**
     * Logs the signals it gets, then exits with its argument (or 143 on TERM). Takes DELAY seconds
     * (default none) to set its traps, like a wrapper on a slow node, then creates READY.
     */
    private static final String FAKE_WRAPPER = """
            [ -z "$DELAY" ] || sleep "$DELAY"
            trap 'echo USR1 >> "$LOG"' USR1
            trap 'echo TERM >> "$LOG"; kill $! 2>/dev/null; exit 143' TERM
            trap 'echo USR2 >> "$LOG"' USR2
            : > "$READY"
            [ "$1" = sleep ] || exit "$1"
            sleep 30 &
            while kill -0 $! 2>/dev/null; do wait $!; done
            """;

    private Path script;
    private Path log;

    private Path ready;

    private Process start(String stopAfter, String arg) throws IOException {
        return start(stopAfter, arg, "");
    }

    private Process start(String stopAfter, String arg, String delay) throws IOException {
        Path dir = tmp.getRoot().toPath();
        script = dir.resolve("gridengine-job.sh");
        Files.writeString(script, ScriptTemplate.render(GridEngineBackend.class, QsubCommand.JOB_SCRIPT, Map.of()));
        Path wrapper = Files.writeString(dir.resolve("wrapper.sh"), FAKE_WRAPPER);
        log = dir.resolve("signals.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), stopAfter, wrapper.toString(), arg)
                .redirectErrorStream(true);
        ready = dir.resolve("ready");
        pb.environment().put("LOG", log.toString());
        pb.environment().put("READY", ready.toString());
        pb.environment().put("DELAY", delay);
        return pb.start();
    }

    private static int exit(Process p) throws InterruptedException {
        assertTrue("job script still running", p.waitFor(20, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private String signals() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Test
    public void exitStatusesPassThroughButRequeueAndErrorCodes() throws Exception {
        assertEquals(0, exit(start("0", "0")));
        assertEquals(3, exit(start("0", "3")));
        assertEquals(1, exit(start("0", "99")));
        Process p = start("0", "100");
        assertEquals(1, exit(p));
        assertTrue(new String(p.getInputStream().readAllBytes()).contains("exited 100"));
    }

    @Test
    public void timeLimitIsUsr1ThenTerm() throws Exception {
        long start = System.nanoTime();
        assertEquals(143, exit(start("1", "sleep")));
        assertEquals("USR1\nTERM\n", signals());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    public void qdelNotifyStopsTheWrapperWhichIgnoresUsr2() throws Exception {
        Process p = start("0", "sleep");
        awaitReady();
        // GE sends SIGUSR2 to the job's whole process group; here the script and its wrapper.
        long pid = p.pid();
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(d -> signal("USR2", d.pid()));
        signal("USR2", pid);
        assertEquals(143, exit(p));
        assertEquals("TERM\n", signals()); // the wrapper never saw USR2: it was ignored
    }

    @Test
    public void qdelNotifyRightAtTheStartIsNotLostAndWaitsForTheWrappersTraps() throws Exception {
        // The wrapper takes a second to set its traps. SIGUSR2 comes as soon as the job script has
        // its own trap: about when it starts the wrapper, before or after it knows the wrapper's pid.
        Process p = start("0", "sleep", "1");
        long pid = p.pid();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!catches(pid, 12)) {
            assertTrue("the job script never trapped SIGUSR2", System.nanoTime() < deadline);
            Thread.onSpinWait();
        }
        signal("USR2", pid);
        assertEquals(143, exit(p));
        // Not lost, and not sent before the wrapper could take it (its default action would kill it).
        assertEquals("TERM\n", signals());
    }

    private void awaitReady() throws InterruptedException {
        for (int i = 0; i < 1000 && !Files.exists(ready); i++) {
            Thread.sleep(10);
        }
        assertTrue("the fake wrapper never set its traps", Files.exists(ready));
    }

    /** Whether process PID has a handler for signal SIGNAL (Linux /proc). */
    private static boolean catches(long pid, int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigCgt:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }

    private static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
