package io.jenkins.plugins.clustersweep;

import hudson.model.Action;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import hudson.model.Run;
import java.util.List;
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
    private final String upstream;
    private final String node;
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
    static RelaunchAction of(Run<?, ?> run) {
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

    /** {@link Run#getExternalizableId()} of the build whose sweep is relaunched. */
    public String getUpstream() {
        return upstream;
    }

    /** The node the sweep ran on ("" for the built-in node). */
    public String getNode() {
        return node;
    }

    /** The sweep's directory there. */
    public String getSweepDir() {
        return sweepDir;
    }

    /** For messages: "build p#12, /ws/.sweep/x on node 'a'". */
    String origin() {
        return "first run in build " + upstream + ", " + sweepDir + " on "
                + (node == null || node.isEmpty() ? "the built-in node" : "node '" + node + "'");
    }
}
