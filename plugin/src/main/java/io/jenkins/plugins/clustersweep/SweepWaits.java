package io.jenkins.plugins.clustersweep;

import hudson.model.Run;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The running steps and builders of this controller, by build and job name, so that the page can
 * wake one up when it queues a relaunch instead of waiting for its next poll (up to the longest
 * polling interval). Only a shortcut: the queue itself is in the build's {@link SweepAction}, and a
 * step resumed after a restart registers again.
 */
@Restricted(NoExternalUse.class)
final class SweepWaits {

    private static final Map<String, Runnable> WAITING = new ConcurrentHashMap<>();

    private SweepWaits() {
    }

    private static String key(Run<?, ?> run, String jobName) {
        return run.getExternalizableId() + "\u0000" + jobName;
    }

    static void register(Run<?, ?> run, String jobName, Runnable wake) {
        WAITING.put(key(run, jobName), wake);
    }

    static void unregister(Run<?, ?> run, String jobName) {
        WAITING.remove(key(run, jobName));
    }

    static void wake(Run<?, ?> run, String jobName) {
        Runnable wake = WAITING.get(key(run, jobName));
        if (wake != null) {
            wake.run();
        }
    }
}
