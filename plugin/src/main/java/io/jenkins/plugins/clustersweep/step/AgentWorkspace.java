package io.jenkins.plugins.clustersweep.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.model.TopLevelItem;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.springframework.security.core.Authentication;

/**
 * The step's working directory on its agent, found again by node name and path after a restart or
 * a reconnect. Only a cache: the execution saves the node name and the path, never this. A step
 * outside {@code node} ({@code agent:}) has no path until its agent is first online: it is then the
 * agent's workspace for the job, as {@code node} would give it.
 */
final class AgentWorkspace {

    private static final Logger LOGGER = Logger.getLogger(AgentWorkspace.class.getName());

    /** How long an agent may stay offline before the step gives up (the tasks go on; see the log). */
    static final long AGENT_TIMEOUT_MILLIS = SystemProperties.getLong(ClusterSweepStep.class.getName()
            + ".AGENT_TIMEOUT_MILLIS", TimeUnit.MINUTES.toMillis(5));

    /** The built-in node's name as a Pipeline writes it ({@code node('built-in')}); Jenkins names it "". */
    static final String BUILT_IN = "built-in";

    private final String node;
    private String remote;
    /** The job whose workspace a step outside {@code node} runs in, until its path is known. */
    @CheckForNull
    private final TopLevelItem job;
    private FilePath dir;
    private long offlineSince;

    /**
     * @param remote the directory's path, or null for a step outside {@code node} not launched yet
     * @param known the directory as the step's context gave it, or null to look it up
     * @param job the job whose workspace is meant when {@code remote} is null
     */
    AgentWorkspace(String node, @CheckForNull String remote, @CheckForNull FilePath known,
            @CheckForNull TopLevelItem job) {
        this.node = node;
        this.remote = remote;
        this.dir = known;
        this.job = job;
    }

    /**
     * The node a step outside {@code node} names, checked at the step's start: one that exists, on
     * which the build may run (as the queue checks for {@code node}).
     *
     * @return its name as Jenkins keeps it ("" for the built-in node)
     */
    static String named(String agent, Authentication build) throws AbortException {
        String name = agent.equals(BUILT_IN) ? "" : agent;
        Node n = node(name);
        if (n == null) {
            throw new AbortException(Messages.ClusterSweepStep_NoSuchAgent(agent));
        }
        if (!n.getACL().hasPermission2(build, Computer.BUILD)) {
            throw new AbortException(Messages.ClusterSweepStep_AgentNotPermitted(build.getName(), agent));
        }
        return name;
    }

    @CheckForNull
    private static Node node(String name) {
        return name.isEmpty() ? Jenkins.get() : Jenkins.get().getNode(name);
    }

    /** The directory's path; null for a step outside {@code node} whose agent has not been online yet. */
    @CheckForNull
    String remote() {
        return remote;
    }

    /**
     * The directory; null while its agent is offline (said once in the log), an error once it has
     * been offline longer than {@link #AGENT_TIMEOUT_MILLIS}.
     */
    @CheckForNull
    FilePath find(TaskListener listener, String jobName) throws AbortException {
        if (dir == null) {
            dir = remote != null ? FilePathUtils.find(node, remote) : jobWorkspace();
            if (dir == null) {
                long now = System.currentTimeMillis();
                if (offlineSince == 0) {
                    offlineSince = now;
                    SweepRunner.log(listener, Messages.ClusterSweepStep_AgentOffline(SweepRunner.nodeName(node),
                            Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS)));
                } else if (now - offlineSince > AGENT_TIMEOUT_MILLIS) {
                    throw new AbortException(Messages.ClusterSweepStep_AgentGone(SweepRunner.nodeName(node),
                            Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS), jobName, remote));
                }
                return null;
            }
            if (offlineSince != 0) {
                offlineSince = 0;
                SweepRunner.log(listener, Messages.ClusterSweepStep_AgentBack(SweepRunner.nodeName(node)));
            }
        }
        return dir;
    }

    /** The agent's workspace for the job, made if missing; null while the agent is offline. */
    @CheckForNull
    private FilePath jobWorkspace() throws AbortException {
        Node n = node(node);
        if (n == null) {
            throw new AbortException(Messages.ClusterSweepStep_NoSuchAgent(node));
        }
        FilePath ws = job == null ? null : n.getWorkspaceFor(job);
        if (ws == null) {
            return null;
        }
        try {
            ws.mkdirs();
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "could not make " + ws.getRemote() + " on " + node, e);
            return null; // gone again: looked up at the next turn
        }
        remote = ws.getRemote();
        return ws;
    }

    /** A launcher on the directory's node for archiving, where the step's context has none; null while offline. */
    @CheckForNull
    Launcher launcher(TaskListener listener) {
        Node n = node(node);
        return n == null || n.toComputer() == null ? null : n.createLauncher(listener);
    }

    /** A call to it failed: the agent may have gone, so look it up again next time. */
    void lost() {
        dir = null;
    }
}
