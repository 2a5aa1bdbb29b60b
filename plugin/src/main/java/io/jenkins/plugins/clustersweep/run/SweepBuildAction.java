package io.jenkins.plugins.clustersweep.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import jenkins.model.RunAction2;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a build's actions for one sweep share (the sweep page, the results page): the sweep's job
 * name, saved in build.xml as {@code <jobName>}, and the build the action belongs to, set again when
 * the build is loaded. A build holds one action of each kind for each sweep it ran.
 *
 * <p>Not restricted as a whole: its getters are those the two public actions always had.
 */
public abstract class SweepBuildAction implements RunAction2 {

    /** Protected, as the pages' code names it on every line. */
    protected final String jobName;
    protected transient Run<?, ?> run;

    @Restricted(NoExternalUse.class)
    protected SweepBuildAction(String jobName) {
        this.jobName = jobName;
    }

    /** {@code run}'s action of {@code type} for the sweep {@code jobName}, or null. */
    @Restricted(NoExternalUse.class)
    protected static <A extends SweepBuildAction> @CheckForNull A find(Run<?, ?> run, Class<A> type, String jobName) {
        for (A a : run.getActions(type)) {
            if (a.jobName.equals(jobName)) {
                return a;
            }
        }
        return null;
    }

    public String getJobName() {
        return jobName;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }
}
