package io.jenkins.plugins.clustersweep.step;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import io.jenkins.plugins.clustersweep.configuration.ClusterSweepConfiguration;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Launches on the agent, then takes the engine's loop one turn at a time from {@link Timer} until the
 * run is over. Nothing blocks the CPS VM thread: {@link #start()} only binds the settings and
 * schedules. What must survive a restart is plain data: where (node name, working directory), the
 * settings, and the engine's {@link RunState}; {@link #onResume()} finds the directory again and
 * goes on, and the engine reads everything else from the sweep directory. Finding the directory
 * again is {@link AgentWorkspace}'s, the step's end (the returned map, the build result)
 * {@link StepOutcome}'s, an abort after the launch {@link StepStop}'s.
 */
@Restricted(NoExternalUse.class)
@SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
        justification = "the transient fields are caches and timers, set up again in onResume")
public final class ClusterSweepStepExecution extends StepExecution {

    private static final long serialVersionUID = 2L;
    private static final Logger LOGGER = Logger.getLogger(ClusterSweepStepExecution.class.getName());

    private final transient ClusterSweepStep step;
    /** The working directory, found again from {@link #node} and {@link #remote} after a restart. */
    private transient AgentWorkspace where;
    private transient volatile ScheduledFuture<?> task;
    private transient Throwable stopCause;
    /** Set by the first stop after the launch; not kept over a restart, where stop() may come again. */
    private transient volatile StepStop stopper;

    private String node;
    private String remote;
    /** Outside node ({@code agent:}): the step holds the lease on its directory itself. */
    private boolean detached;
    private SweepCallables.Start start;
    /** What the launch did; null until it is done. */
    private SweepCallables.Launched launched;
    /** The run's state for the next turn. */
    private RunState state;
    /** The run's tasks at the last turn that saw them. */
    private SweepProgress progress;
    private volatile boolean stopping;
    private volatile boolean done;

    ClusterSweepStepExecution(ClusterSweepStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        FilePath dir = context.get(FilePath.class);
        if (step.getAgent() != null) {
            if (dir != null) {
                throw new AbortException(Messages.ClusterSweepStep_AgentInsideNode(step.getAgent(),
                        SweepRunner.nodeName(FilePathUtils.getNodeName(dir))));
            }
            // Outside node: no executor is held; the agent's workspace for the job is found at the launch.
            node = AgentWorkspace.named(step.getAgent(), context.get(FlowNode.class).getExecution().getAuthentication2());
            detached = true;
            where = new AgentWorkspace(node, null, null, job());
        } else if (dir == null) {
            throw new AbortException(Messages.ClusterSweepStep_NoWorkspace());
        } else {
            node = FilePathUtils.getNodeName(dir);
            remote = dir.getRemote();
            where = new AgentWorkspace(node, remote, dir, null);
        }
        SweepSettings given;
        try {
            given = SettingsBinder.bind(step.given(), Caller.PIPELINE);
            if (step.getSpec() == null) {
                given.checkSweep(Caller.PIPELINE); // all of it is here: check it before anything reaches the agent
            }
        } catch (BadInputException e) {
            throw new AbortException(Messages.ClusterSweepStep_BadInput(e.getMessage()));
        }
        ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
        SiteDefaults site = config.toDefaults();
        start = new SweepCallables.Start(given, step.getSpec(), site, config.pollPolicy(),
                SweepRunner.relaunchOf(context.get(Run.class)));
        task = Timer.get().schedule(this::launch, 0, TimeUnit.MILLISECONDS);
        return false;
    }

    private PollPolicy policy() {
        return start.policy();
    }

    /** On a timer thread: write the grid and submit it on the agent. */
    private void launch() {
        task = null;
        try {
            FilePath work = workspace();
            if (work == null) {
                task = Timer.get().schedule(this::launch, 5, TimeUnit.SECONDS);
                return;
            }
            remote = work.getRemote(); // a step outside node learns it here
            Run<?, ?> run = getContext().get(Run.class);
            launched = SweepRunner.launch(run, work, start, node, listener());
            state = launched.state();
            progress = launched.progress();
            getContext().saveState();
            SweepAction.of(run, launched.jobName()).waitWith(this::wake);
            if (stopping) {
                beginStop();
            } else if (!launched.await() || state == null) {
                finish(false);
            } else {
                schedule(this::check, state.intervalMillis());
            }
        } catch (Throwable x) {
            done = true;
            releaseWorkspace();
            getContext().onFailure(SweepRunner.channelLost(x) ? new AbortException(Messages.ClusterSweepStep_AgentLostDuringLaunch(
                    SweepRunner.nodeName(node), jobName(), remote)) : x);
        }
    }

    /** On a timer thread: one turn of the loop; ends the step when the run is over. */
    private void check() {
        task = null;
        if (done || stopping) {
            return;
        }
        try {
            FilePath work = workspace();
            if (work == null) {
                schedule(this::check, Math.min(policy().maxMillis(), 15_000));
                return;
            }
            Run<?, ?> run = getContext().get(Run.class);
            RunState asked = SweepRunner.withQueued(run, state);
            if (asked != state) {
                state = asked;
                getContext().saveState(); // kept before the turn: a turn lost with its agent loses no relaunch
            }
            SweepLoop.Turn turn;
            try {
                turn = SweepRunner.turn(work, state, policy(), listener());
            } catch (AbortException e) {
                throw e; // the engine's own refusal, or a scheduler that has not answered for many polls
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.FINE, "could not poll " + remote + " on " + node, e);
                where.lost();
                schedule(this::check, policy().next(state.intervalMillis()));
                return;
            }
            state = turn.state();
            if (turn.progress() != null) {
                progress = turn.progress();
            }
            if (!turn.lines().isEmpty()) {
                getContext().saveState();
            }
            if (!state.done()) {
                schedule(this::check, state.intervalMillis());
            } else if (SweepAction.of(run, launched.jobName()).hasQueuedRelaunches()) {
                schedule(this::check, 0); // a relaunch came in since this turn began
            } else {
                finish(false);
            }
        } catch (Throwable x) {
            done = true;
            unregister();
            releaseWorkspace();
            getContext().onFailure(x);
        }
    }

    /** The page queued a relaunch: take a turn now rather than at the end of the interval. */
    private void wake() {
        ScheduledFuture<?> t = task;
        if (!done && !stopping && t != null && t.cancel(false)) {
            schedule(this::check, 0);
        }
    }

    void schedule(Runnable r, long millis) {
        task = Timer.get().schedule(r, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * The run is over (or the step does not wait): archive, record, and end the step
     * ({@link StepOutcome}: the returned map and the build result).
     */
    void finish(boolean aborted) throws Exception {
        done = true;
        Run<?, ?> run = getContext().get(Run.class);
        FilePath work = workspace();
        Launcher launcher = getContext().get(Launcher.class);
        if (launcher == null && work != null) {
            launcher = where.launcher(listener()); // outside node: the agent's own
        }
        RunResult result;
        try {
            result = SweepRunner.finish(run, work, launcher, listener(), launched, progress,
                    state == null ? null : state.lastLine(), node, aborted);
        } finally {
            releaseWorkspace();
        }
        StepOutcome.end(getContext(), run, result, listener(), stopCause, launched.jobName());
    }

    /**
     * The build was aborted: cancel the sweep's active tasks, wait a little for their wrappers to
     * record it, keep what there is, and end with the cause. Runs on timer threads, never the caller's.
     */
    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopCause = cause;
        stopping = true;
        ScheduledFuture<?> t = task;
        boolean unscheduled = t != null && t.cancel(false);
        if (done) {
            return;
        }
        if (launched == null) {
            if (unscheduled) {
                // The launch had not started: nothing was written or submitted.
                done = true;
                releaseWorkspace();
                getContext().onFailure(cause);
            }
            // Otherwise the launch is under way; it sees the flag and cancels what it submitted.
            return;
        }
        Timer.get().submit(this::beginStop);
    }

    /** The stop after the launch: one for the execution, whoever asks first (stop() or the launch). */
    private void beginStop() {
        StepStop stop;
        synchronized (this) {
            if (stopper == null) {
                stopper = new StepStop(this, launched.jobName());
            }
            stop = stopper;
        }
        stop.begin();
    }

    // ------------------------------------------------------------------ for StepStop

    boolean isDone() {
        return done;
    }

    SweepCallables.Launched launched() {
        return launched;
    }

    SweepProgress progress() {
        return progress;
    }

    /** The run's progress now, acting on nothing; false when its agent is offline or nothing was launched. */
    boolean look() throws IOException, InterruptedException {
        FilePath work = workspace();
        if (work == null || state == null) {
            return false;
        }
        progress = SweepRunner.look(work, state, policy());
        return true;
    }

    /** The stop saw nothing to record: end with its cause. */
    void failStopped() {
        done = true;
        unregister();
        releaseWorkspace();
        getContext().onFailure(stopCause);
    }

    private void unregister() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            if (run != null && launched != null) {
                SweepAction.of(run, launched.jobName()).stopWaiting();
            }
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, null, e);
        }
    }

    @Override
    public void onResume() {
        where = null; // found again by name: the agent may have reconnected
        if (done) {
            return;
        }
        if (stopping) {
            done = true;
            getContext().onFailure(new AbortException(Messages.ClusterSweepStep_StoppedAcrossRestart(jobName())));
        } else if (launched == null) {
            // The controller went down during the launch: we cannot tell what was submitted.
            done = true;
            getContext().onFailure(new AbortException(Messages.ClusterSweepStep_RestartDuringLaunch(jobName(),
                    remote != null ? remote : SweepRunner.nodeName(node))));
        } else {
            SweepRunner.log(listener(), Messages.ClusterSweepStep_Resumed(jobName()));
            try {
                SweepAction.of(getContext().get(Run.class), jobName()).waitWith(this::wake);
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.FINE, "no run for " + jobName(), e);
            }
            schedule(this::check, policy().initialMillis());
        }
    }

    /** The sweep's name, or before the launch the name given, or the spec file it is in. */
    private String jobName() {
        if (launched != null) {
            return launched.jobName();
        }
        Object name = start == null ? null : start.given().given().get(Settings.JOB_NAME.name());
        return name != null ? name.toString() : start != null && start.specFile() != null ? start.specFile() : "?";
    }

    @Override
    public String getStatus() {
        if (launched == null) {
            return "launching sweep" + (remote == null ? "" : " in " + remote) + " on " + SweepRunner.nodeName(node);
        }
        String last = state != null && state.lastLine() != null ? state.lastLine() : launched.jobName();
        return (done ? "done: " : "waiting for ") + last + " in " + remote + " on " + SweepRunner.nodeName(node);
    }

    /** The working directory; null while its agent is offline ({@link AgentWorkspace}). */
    @CheckForNull FilePath workspace() throws AbortException {
        if (where == null) {
            where = new AgentWorkspace(node, remote, null, detached ? job() : null);
        }
        return where.find(listener(), jobName());
    }

    /** The step is over: a lease it took on its directory ({@code agent:}) is given back. */
    private void releaseWorkspace() {
        AgentWorkspace w = where;
        if (w != null) {
            w.release();
        }
    }

    /** The job whose workspace a step outside {@code node} runs in. */
    @CheckForNull
    private hudson.model.TopLevelItem job() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            return run != null && run.getParent() instanceof hudson.model.TopLevelItem item ? item : null;
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, null, e);
            return null;
        }
    }

    TaskListener listener() {
        try {
            TaskListener l = getContext().get(TaskListener.class);
            return l != null ? l : TaskListener.NULL;
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, null, e);
            return TaskListener.NULL;
        }
    }
}
