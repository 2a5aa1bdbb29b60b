package io.jenkins.plugins.clustersweep.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.TaskListener;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.util.concurrent.TimeUnit;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.FilePathUtils;

/**
 * The step's working directory on its agent, found again by node name and path after a restart or
 * a reconnect. Only a cache: the execution saves the node name and the path, never this.
 */
final class AgentWorkspace {

    /** How long an agent may stay offline before the step gives up (the tasks go on; see the log). */
    static final long AGENT_TIMEOUT_MILLIS = SystemProperties.getLong(ClusterSweepStep.class.getName()
            + ".AGENT_TIMEOUT_MILLIS", TimeUnit.MINUTES.toMillis(5));

    private final String node;
    private final String remote;
    private FilePath dir;
    private long offlineSince;

    /**
     * @param known the directory as the step's context gave it, or null to look it up
     */
    AgentWorkspace(String node, String remote, @CheckForNull FilePath known) {
        this.node = node;
        this.remote = remote;
        this.dir = known;
    }

    /**
     * The directory; null while its agent is offline (said once in the log), an error once it has
     * been offline longer than {@link #AGENT_TIMEOUT_MILLIS}.
     */
    @CheckForNull
    FilePath find(TaskListener listener, String jobName) throws AbortException {
        if (dir == null) {
            dir = FilePathUtils.find(node, remote);
            if (dir == null) {
                long now = System.currentTimeMillis();
                if (offlineSince == 0) {
                    offlineSince = now;
                    SweepRunner.log(listener, Messages.ClusterSweepStep_AgentOffline(node,
                            Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS)));
                } else if (now - offlineSince > AGENT_TIMEOUT_MILLIS) {
                    throw new AbortException(Messages.ClusterSweepStep_AgentGone(node,
                            Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS), jobName, remote));
                }
                return null;
            }
            if (offlineSince != 0) {
                offlineSince = 0;
                SweepRunner.log(listener, Messages.ClusterSweepStep_AgentBack(node));
            }
        }
        return dir;
    }

    /** A call to it failed: the agent may have gone, so look it up again next time. */
    void lost() {
        dir = null;
    }
}
