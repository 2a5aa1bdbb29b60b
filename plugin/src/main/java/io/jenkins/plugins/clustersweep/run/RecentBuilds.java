package io.jenkins.plugins.clustersweep.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** What a job page's links look for: only among the last few builds, so a job page never loads its whole history. */
@Restricted(NoExternalUse.class)
public final class RecentBuilds {

    /** How many of the newest builds a job page's link looks at. */
    public static final int LOOK_BACK = 10;

    private RecentBuilds() {
    }

    /** The newest of the job's last {@link #LOOK_BACK} builds that holds an action of this type, or null. */
    public static @CheckForNull Run<?, ?> newestWith(Job<?, ?> job, Class<? extends Action> type) {
        Run<?, ?> build = job.getLastBuild();
        for (int i = 0; build != null && i < LOOK_BACK; i++, build = build.getPreviousBuild()) {
            if (!build.getActions(type).isEmpty()) {
                return build;
            }
        }
        return null;
    }
}
