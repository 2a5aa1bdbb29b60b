package io.jenkins.plugins.clustersweep.page;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.RecentBuilds;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * "Last cluster sweep" on a job's page: a link to the sweep page of the newest build that ran a
 * sweep, among its last {@link RecentBuilds#LOOK_BACK} builds (so that a job page never loads its whole
 * history).
 */
@Extension
@Restricted(NoExternalUse.class)
public final class LastSweepActionFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Run<?, ?> build = RecentBuilds.newestWith(target, SweepAction.class);
        if (build == null) {
            return List.of();
        }
        List<SweepAction> sweeps = build.getActions(SweepAction.class);
        return List.of(new LastSweepAction(build, sweeps.get(sweeps.size() - 1)));
    }

    /** The link; its URL is relative to the job: {@code 12/sweep-JOBNAME/}. */
    public static final class LastSweepAction implements Action {

        private final Run<?, ?> build;
        private final SweepAction sweep;

        LastSweepAction(Run<?, ?> build, SweepAction sweep) {
            this.build = build;
            this.sweep = sweep;
        }

        public Run<?, ?> getBuild() {
            return build;
        }

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
