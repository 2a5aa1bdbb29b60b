package io.jenkins.plugins.clustersweep.run;

import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.tasks.TaskList;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.clustersweep.page.RelaunchAction;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import io.jenkins.plugins.clustersweep.results.ResultsRecorder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The parts of a build's run of a sweep that the Pipeline step and the freestyle builder share: the
 * launch on the agent, one turn of the engine's {@link SweepLoop} there, and the end (the last
 * line, the archive, the page's record). What differs is only who waits between turns: the step
 * from a timer, surviving restarts; the builder blocking its executor.
 */
@Restricted(NoExternalUse.class)
public final class SweepRunner {

    /** Limit on one launch (writing a large grid, submitting many arrays). */
    public static final long LAUNCH_TIMEOUT_SECONDS = SystemProperties.getLong(SweepRunner.class.getName()
            + ".LAUNCH_TIMEOUT_SECONDS", 600L);
    /** Limit on one poll, cancel or artifact listing. */
    public static final long REMOTE_TIMEOUT_SECONDS = SystemProperties.getLong(SweepRunner.class.getName()
            + ".REMOTE_TIMEOUT_SECONDS", 300L);

    private SweepRunner() {
    }

    /** What a build started by "Relaunch selected" relaunches, or null for a build that runs afresh. */
    public static SweepCallables.RelaunchOf relaunchOf(Run<?, ?> run) {
        RelaunchAction relaunch = RelaunchAction.of(run);
        return relaunch == null ? null
                : new SweepCallables.RelaunchOf(relaunch.getJobName(), relaunch.getIds(), relaunch.origin());
    }

    /** Launches on the agent, says so in the log and shows the live sweep on the build's page. */
    public static SweepCallables.Launched launch(Run<?, ?> run, FilePath work, SweepCallables.Start start, String node,
            TaskListener listener) throws IOException, InterruptedException {
        SweepCallables.Launched launched;
        try (Timeout timeout = Timeout.limit(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            launched = work.act(start);
        }
        if (launched.relaunched() != null) {
            log(listener, Messages.SweepRunner_Relaunched(launched.jobName(), start.relaunch().origin(),
                    launched.relaunched()));
        } else {
            log(listener, Messages.SweepRunner_Launched(launched.progress() == null ? 0 : launched.progress().tasks(),
                    launched.jobName(), launched.backend(), nodeName(node), launched.sweepDir()));
        }
        SweepAction.of(run, launched.jobName()).started(launched, node, work.getRemote());
        run.save();
        return launched;
    }

    /**
     * The state with the relaunches asked on the build page since the last turn: the caller keeps it
     * (the step saves it) before the turn, so a turn lost with its agent loses no relaunch.
     */
    public static RunState withQueued(Run<?, ?> run, RunState state) throws IOException {
        String queued = SweepAction.of(run, state.jobName()).takeRelaunches();
        return queued == null ? state : state.withQueued(TaskList.parse(queued));
    }

    /** One turn of the loop on the agent, its lines logged. */
    public static SweepLoop.Turn turn(FilePath work, RunState state, PollPolicy policy, TaskListener listener)
            throws IOException, InterruptedException {
        SweepLoop.Turn turn;
        try (Timeout timeout = Timeout.limit(REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            turn = work.act(new SweepCallables.Turn(state, policy));
        }
        turn.lines().forEach(line -> log(listener, line));
        return turn;
    }

    /** Asks the agent to cancel the sweep's active tasks; the wait for them is the caller's. */
    public static void cancel(FilePath work, String jobName, TaskListener listener) throws IOException, InterruptedException {
        log(listener, Messages.SweepRunner_Cancelling(jobName));
        try (Timeout timeout = Timeout.limit(REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            work.act(new SweepCallables.Cancel(jobName));
        }
    }

    /** How long after a cancel the build waits for the wrappers to record it: the kill grace and some. */
    public static long stopMillis(SweepCallables.Launched launched) {
        return TimeUnit.SECONDS.toMillis(launched.killGrace() + 20L);
    }

    /** The run's progress, acting on nothing. */
    public static SweepProgress look(FilePath work, RunState state, PollPolicy policy) throws IOException, InterruptedException {
        try (Timeout timeout = Timeout.limit(REMOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            return work.act(new SweepCallables.Look(state, policy));
        }
    }

    /**
     * The run is over (or its step does not wait): the last line when it adds to the progress line
     * already logged, the sweep's files archived under {@code sweep/JOBNAME/}, the page's record.
     * Archiving failures are logged, never fatal: the sweep's outcome stands.
     *
     * @param work the working directory, or null when its agent is gone (nothing is archived)
     * @param lastLine the last progress line logged, or null
     */
    public static RunResult finish(Run<?, ?> run, FilePath work, Launcher launcher, TaskListener listener,
            SweepCallables.Launched launched, SweepProgress progress, String lastLine, String node, boolean aborted)
            throws IOException {
        RunResult result = new RunResult(progress, launched.sweepDir(), launched.failOn(), launched.await(), aborted);
        String line = result.line();
        if (lastLine == null || !(line.equals(lastLine) || line.startsWith(lastLine + "; unsuccessful tasks"))) {
            log(listener, line);
        }
        String jobName = launched.jobName();
        if (work != null) {
            // Before the archive: the results files it writes into the sweep directory are archived too.
            ResultsRecorder.record(run, work, listener, launched, progress, aborted);
        }
        try {
            if (work != null) {
                SweepArchive.keep(run, work, launcher, listener, jobName, REMOTE_TIMEOUT_SECONDS);
            }
        } catch (Exception e) {
            listener.error(Messages.SweepRunner_KeepFailed(jobName, e.toString()));
        }
        SweepAction action = SweepAction.of(run, jobName);
        action.update(result, node);
        action.stopWaiting();
        run.save();
        return result;
    }

    /** Why the build is unstable or failed: "2 task(s) of sweep 'lr' did not succeed: 3,7". */
    public static String unsuccessful(RunResult result) {
        return Messages.SweepRunner_Unsuccessful(result.summary().unsuccessful(), result.summary().jobName(),
                result.summary().unsuccessfulIds());
    }

    /** The agent's channel closed under a remote call (seen as a ClosedChannelException, often proxied). */
    public static boolean channelLost(Throwable x) {
        for (Throwable t = x; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof hudson.remoting.ChannelClosedException
                    || String.valueOf(t.getMessage()).contains("ClosedChannelException")) {
                return true;
            }
        }
        return false;
    }

    public static String nodeName(String node) {
        return node.isEmpty() ? Messages.SweepRunner_BuiltInNode() : node;
    }

    public static void log(TaskListener listener, String line) {
        listener.getLogger().println("[clusterSweep] " + line);
    }
}
