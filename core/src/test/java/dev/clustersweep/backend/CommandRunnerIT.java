package dev.clustersweep.backend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class CommandRunnerIT {

    @Test
    public void argumentsReachTheCommandAsTheyAre() {
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(10));
        CommandRunner.Result r = runner.run(List.of("printf", "%s|", "a b", "$(id)", "'", ""));
        assertTrue(r.ok());
        assertEquals("a b|$(id)|'||", r.stdout());
        assertEquals(1, runner.calls());
    }

    @Test
    public void failureCarriesTheCommandsOwnWords() {
        CommandRunner.Result r = new CommandRunner(Duration.ofSeconds(10))
                .run(List.of("bash", "-c", "echo 'Unable to contact slurm controller' >&2; exit 1"));
        assertFalse(r.ok());
        assertEquals("Unable to contact slurm controller", r.message());
        assertEquals("cannot run no-such-command-here: ", new CommandRunner(Duration.ofSeconds(10))
                .run(List.of("no-such-command-here")).message().substring(0, 33));
    }

    @Test
    public void timeoutHoldsEvenWhenAChildKeepsThePipesOpen() {
        long start = System.nanoTime();
        CommandRunner.Result r = new CommandRunner(Duration.ofSeconds(1))
                .run(List.of("bash", "-c", "sleep 20 & sleep 20"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(r.timedOut());
        assertFalse(r.ok());
        assertTrue("returned after " + seconds + " s", seconds < 10);
    }

    @Test
    public void queriesAreRetriedWhileRetryable() {
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(10));
        CommandRunner.Result r = runner.runWithRetries(List.of("false"), 3, Duration.ofMillis(10), x -> true);
        assertFalse(r.ok());
        assertEquals(3, runner.calls());
        CommandRunner once = new CommandRunner(Duration.ofSeconds(10));
        once.runWithRetries(List.of("false"), 3, Duration.ofMillis(10), x -> false);
        assertEquals(1, once.calls());
    }
}
