package io.jenkins.plugins.clustersweep.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A job page's links made from the newest build that holds actions of type {@code A}, looked for
 * only among the last {@link #LOOK_BACK} builds, so a job page never loads its whole history.
 *
 * @param <A> the build action the links are made from
 */
@Restricted(NoExternalUse.class)
public abstract class RecentBuildActions<A extends Action> extends TransientActionFactory<Job> {

    /** How many of the newest builds a job page's link looks at. */
    public static final int LOOK_BACK = 10;

    private final Class<A> found;

    protected RecentBuildActions(Class<A> found) {
        this.found = found;
    }

    /** The job's actions made from {@code build}'s actions of type {@code A} (there is one at least). */
    protected abstract Collection<? extends Action> linksTo(Job<?, ?> job, Run<?, ?> build, List<A> actions);

    @Override
    public final Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public final Collection<? extends Action> createFor(@NonNull Job target) {
        Run<?, ?> build = newestWith(target);
        return build == null ? List.of() : linksTo(target, build, build.getActions(found));
    }

    /** The newest of the job's last {@link #LOOK_BACK} builds that holds an action of type {@code A}, or null. */
    private @CheckForNull Run<?, ?> newestWith(Job<?, ?> job) {
        Run<?, ?> build = job.getLastBuild();
        for (int i = 0; build != null && i < LOOK_BACK; i++, build = build.getPreviousBuild()) {
            if (!build.getActions(found).isEmpty()) {
                return build;
            }
        }
        return null;
    }
}
