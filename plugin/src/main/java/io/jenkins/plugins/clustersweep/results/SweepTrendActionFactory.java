package io.jenkins.plugins.clustersweep.results;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.RecentBuilds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The job's "Sweep trend" actions, one per sweep (job name) of the newest build that kept results,
 * among its last {@link RecentBuilds#LOOK_BACK} builds, so that a job page never loads its whole history to
 * find them; the trends themselves read the last {@link SweepTrendAction#MAX_BUILDS} builds.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class SweepTrendActionFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Run<?, ?> build = RecentBuilds.newestWith(target, SweepResultsAction.class);
        if (build == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        build.getActions(SweepResultsAction.class).forEach(r -> names.add(r.getJobName()));
        List<Action> actions = new ArrayList<>();
        for (String name : names) {
            actions.add(new SweepTrendAction(target, name));
        }
        return actions;
    }
}
