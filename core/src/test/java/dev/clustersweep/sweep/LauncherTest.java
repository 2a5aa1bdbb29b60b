package dev.clustersweep.sweep;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Whether the process that launched a local submission still holds its pool. */
public class LauncherTest {

    @Test
    public void thisRuntimeIsAlive() {
        assertTrue(Launcher.current().isAlive());
    }

    /**
     * Jenkins' own restart execs a new JVM in place: same pid, same start time, no pool. The new
     * runtime must not take the old one's pending tasks for pending (they would never end).
     */
    @Test
    public void aRuntimeExecdInPlaceIsNotTheLauncher() {
        Launcher me = Launcher.current();
        assertFalse(new Launcher(me.host(), me.pid(), me.startedAtMillis(), "an-earlier-runtime").isAlive());
        assertFalse("a record written before runtimes were told apart",
                new Launcher(me.host(), me.pid(), me.startedAtMillis(), null).isAlive());
    }

    @Test
    public void anotherHostIsNeverAlive() {
        Launcher me = Launcher.current();
        assertFalse(new Launcher(me.host() + "-other", me.pid(), me.startedAtMillis(), null).isAlive());
    }
}
