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
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
    /** Outside node: this holds the lease on the directory. */
    private final boolean detached;
    private FilePath dir;
    /** The step's hold on the directory, as node has on its workspace: another build gets {@code @2}. */
    @CheckForNull
    private WorkspaceList.Lease lease;
    private long offlineSince;

    /**
     * @param remote the directory's path, or null for a step outside {@code node} not launched yet
     * @param known the directory as the step's context gave it, or null to look it up
     * @param job for a step outside {@code node}: the job whose workspace is meant; null inside node
     */
    AgentWorkspace(String node, @CheckForNull String remote, @CheckForNull FilePath known,
            @CheckForNull TopLevelItem job) {
        this.node = node;
        this.remote = remote;
        this.dir = known;
        this.job = job;
        this.detached = job != null;
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
        // What the queue would refuse for node('NAME') is refused here too: a node its administrator
        // keeps from builds (no executors, the built-in node's default in a secured controller) or
        // that takes no new tasks. Node properties that veto builds (job restrictions) see only
        // queue items, which this step makes none of: docs/jenkins.md says so.
        Computer c = n.toComputer();
        if (n.getNumExecutors() <= 0 || (c != null && !c.isAcceptingTasks())) {
            throw new AbortException(Messages.ClusterSweepStep_AgentTakesNoBuilds(agent));
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
            dir = remote != null ? FilePathUtils.find(node, remote) : jobWorkspace(listener);
            if (dir != null && detached && remote != null && lease == null) {
                leaseAgain(dir);
            }
            if (dir == null) {
                long now = System.currentTimeMillis();
                if (offlineSince == 0) {
                    offlineSince = now;
                    SweepRunner.log(listener, Messages.ClusterSweepStep_AgentOffline(SweepRunner.nodeName(node),
                            Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS)));
                } else if (now - offlineSince > AGENT_TIMEOUT_MILLIS) {
                    throw new AbortException(Messages.ClusterSweepStep_AgentGone(SweepRunner.nodeName(node),
                            Util.getTimeSpanString(AGENT_TIMEOUT_MILLIS), jobName,
                            remote != null ? remote : Messages.ClusterSweepStep_JobWorkspace()));
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

    /**
     * The agent's workspace for the job, leased as {@code node} leases it (so a concurrent build's
     * {@code node} gets {@code @2} rather than this directory) and made if missing; null while the
     * agent is offline.
     */
    @CheckForNull
    private FilePath jobWorkspace(TaskListener listener) throws AbortException {
        Node n = node(node);
        if (n == null) {
            throw new AbortException(Messages.ClusterSweepStep_NoSuchAgent(node));
        }
        FilePath ws = job == null ? null : n.getWorkspaceFor(job);
        Computer c = n.toComputer();
        if (ws == null || c == null) {
            return null;
        }
        try {
            WorkspaceList.Lease taken = c.getWorkspaceList().allocate(ws);
            try {
                taken.path.mkdirs();
            } catch (IOException e) {
                taken.release();
                SweepRunner.log(listener, Messages.ClusterSweepStep_NoAgentWorkspace(taken.path.getRemote(),
                        SweepRunner.nodeName(node), e.getMessage()));
                return null; // said; looked up again at the next turn
            }
            lease = taken;
            remote = taken.path.getRemote();
            return taken.path;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * After a restart: the lease on the directory found again, as the step held it before (leases
     * live in memory only). Inside node, node's own lease covers it, and nothing is taken here.
     */
    private void leaseAgain(FilePath found) {
        Node n = node(node);
        Computer c = n == null ? null : n.toComputer();
        if (c != null && lease == null) {
            lease = c.getWorkspaceList().record(found);
        }
    }

    /** The step is over: another build may have the directory. */
    void release() {
        if (lease != null) {
            lease.release();
            lease = null;
        }
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
