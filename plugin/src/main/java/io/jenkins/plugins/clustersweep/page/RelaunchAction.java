package io.jenkins.plugins.clustersweep.page;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.InvisibleAction;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.ParameterizedJobMixIn;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Carried by a build started with "Relaunch selected" on an ended build's sweep page: which tasks
 * of which sweep to launch again. The {@code clusterSweep} step and the freestyle builder look for
 * it on their build and, for the sweep of that job name, relaunch those ids of the sweep directory
 * already in the working directory instead of starting afresh. Kept in build.xml, so the build's
 * page says what it relaunched.
 *
 * <p>As {@code ReplayFlowFactoryAction} of workflow-cps does, {@link #shouldSchedule} always says
 * yes: two relaunches (even of the same tasks) are two builds, never merged in the queue.
 */
public final class RelaunchAction extends InvisibleAction implements Queue.QueueAction {

    private final String jobName;
    private final String ids;
    /** {@link Run#getExternalizableId()} of the build whose sweep is relaunched. */
    private final String upstream;
    /** The node the sweep ran on ("" for the built-in node). */
    private final String node;
    /** The sweep's directory there. */
    private final String sweepDir;

    @Restricted(NoExternalUse.class)
    RelaunchAction(String jobName, String ids, Run<?, ?> upstream, String node, String sweepDir) {
        this.jobName = jobName;
        this.ids = ids;
        this.upstream = upstream.getExternalizableId();
        this.node = node;
        this.sweepDir = sweepDir;
    }

    /** The relaunch of {@code jobName} on {@code run}, or null. */
    /**
     * Schedules a new build of {@code upstream}'s job that relaunches {@code ids} of the sweep, with
     * the same parameters (as ReplayAction copies them); null when the job cannot be built now.
     */
    static Queue.Item schedule(Run<?, ?> upstream, String jobName, String ids, String node, String sweepDir) {
        List<Action> actions = new ArrayList<>();
        actions.add(new CauseAction(new Cause.UserIdCause(), new RelaunchCause(upstream, jobName, ids)));
        actions.add(new RelaunchAction(jobName, ids, upstream, node, sweepDir));
        actions.addAll(upstream.getActions(ParametersAction.class));
        return ParameterizedJobMixIn.scheduleBuild2(upstream.getParent(), 0, actions.toArray(new Action[0]));
    }

    @Restricted(NoExternalUse.class)
    public static RelaunchAction of(Run<?, ?> run) {
        return run.getAction(RelaunchAction.class);
    }

    @Override
    public boolean shouldSchedule(List<Action> actions) {
        return true; // never coalesce two relaunches
    }

    public String getJobName() {
        return jobName;
    }

    /** The task ids to relaunch, condensed ({@code 3,7-9}). */
    public String getIds() {
        return ids;
    }

    /** For messages: "build p#12, /ws/.sweep/x on node 'a'". */
    @Restricted(NoExternalUse.class)
    public String origin() {
        return "first run in build " + upstream + ", " + sweepDir + " on "
                + (node == null || node.isEmpty() ? "the built-in node" : "node '" + node + "'");
    }
}
