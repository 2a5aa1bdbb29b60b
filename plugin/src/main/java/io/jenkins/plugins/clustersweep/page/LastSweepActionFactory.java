package io.jenkins.plugins.clustersweep.page;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.RecentBuildActions;
import java.util.Collection;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * "Last cluster sweep" on a job's page: a link to the sweep page of the newest build that ran a
 * sweep, among its last {@link RecentBuildActions#LOOK_BACK} builds (so that a job page never loads its whole
 * history).
 */
@Extension
@Restricted(NoExternalUse.class)
public final class LastSweepActionFactory extends RecentBuildActions<SweepAction> {

    public LastSweepActionFactory() {
        super(SweepAction.class);
    }

    @Override
    protected Collection<? extends Action> linksTo(Job<?, ?> job, Run<?, ?> build, List<SweepAction> sweeps) {
        return List.of(new LastSweepAction(build, sweeps.get(sweeps.size() - 1)));
    }

    /** The link; its URL is relative to the job: {@code 12/sweep-JOBNAME/}. */
    public record LastSweepAction(Run<?, ?> build, SweepAction sweep) implements Action {

        @Override
        public String getIconFileName() {
            return "symbol-analytics";
        }

        @Override
        public String getDisplayName() {
            return Messages.LastSweepAction_DisplayName(sweep.getJobName(), build.getNumber());
        }

        @Override
        public String getUrlName() {
            return build.getNumber() + "/" + sweep.getUrlName() + "/";
        }
    }
}
