package io.jenkins.plugins.clustersweep.results;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.RecentBuildActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The job's "Sweep trend" actions, one per sweep (job name) of the newest build that kept results,
 * among its last {@link RecentBuildActions#LOOK_BACK} builds, so that a job page never loads its whole history to
 * find them; the trends themselves read the last {@link SweepTrendAction#MAX_BUILDS} builds.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class SweepTrendActionFactory extends RecentBuildActions<SweepResultsAction> {

    public SweepTrendActionFactory() {
        super(SweepResultsAction.class);
    }

    @Override
    protected Collection<? extends Action> linksTo(Job<?, ?> job, Run<?, ?> build, List<SweepResultsAction> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.add(r.getJobName()));
        List<Action> actions = new ArrayList<>();
        for (String name : names) {
            actions.add(new SweepTrendAction(job, name));
        }
        return actions;
    }
}
