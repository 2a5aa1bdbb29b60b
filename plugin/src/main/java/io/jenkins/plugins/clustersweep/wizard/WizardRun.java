package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.engine.SweepProgress;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.RunResult;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SweepSettings;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.clustersweep.configuration.ClusterSweepConfiguration;
import io.jenkins.plugins.clustersweep.page.SweepAction;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.FilePathUtils;

/**
 * The wizard's sweep in a freestyle build: launched on the agent, then the engine's loop one turn
 * at a time as the Pipeline step takes it, but blocking the build's executor between turns (a
 * relaunch queued on the page wakes it); an abort cancels the tasks and waits for their records.
 */
final class WizardRun {

    private WizardRun() {
    }

    /**
     * Runs the sweep of the wizard's {@code settings} (by name, as a Pipeline would give them; read
     * from the form here, where a value the engine cannot read fails the build in one line) and sets
     * the build's result from its outcome.
     */
    static void run(Supplier<Map<String, Object>> settings, Run<?, ?> run, FilePath workspace, Launcher launcher,
            TaskListener listener) throws InterruptedException, IOException {
        SweepSettings given;
        try {
            // The whole sweep is here: check it before anything reaches the agent.
            given = SettingsBinder.bind(settings.get(), Caller.PIPELINE).checkSweep(Caller.PIPELINE);
        } catch (BadInputException e) {
            throw new AbortException(Messages.ClusterSweepBuilder_BadInput(e.getMessage()));
        }
        ClusterSweepConfiguration config = ClusterSweepConfiguration.get();
        PollPolicy policy = config.pollPolicy();
        String node = FilePathUtils.getNodeName(workspace);
        SweepCallables.Launched launched = SweepRunner.launch(run, workspace, new SweepCallables.Start(given, null,
                config.toDefaults(), policy, SweepRunner.relaunchOf(run)), node, listener);
        String name = launched.jobName();
        BlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
        SweepAction.of(run, name).waitWith(() -> wakeups.add(Boolean.TRUE)); // unbounded: never full
        RunState state = launched.state();
        SweepProgress progress = launched.progress();
        InterruptedException interruption = null;
        try {
            // The engine's loop, one turn at a time, blocking this executor between turns.
            while (launched.await() && state != null
                    && (!state.done() || SweepAction.of(run, name).hasQueuedRelaunches())) {
                state = SweepRunner.withQueued(run, state);
                SweepLoop.Turn turn = SweepRunner.turn(workspace, state, policy, listener);
                state = turn.state();
                progress = turn.progress() != null ? turn.progress() : progress;
                if (!state.done()) {
                    wakeups.poll(state.intervalMillis(), TimeUnit.MILLISECONDS); // a relaunch from the page wakes it
                }
            }
        } catch (InterruptedException e) {
            // The build was aborted: cancel what is active, give the wrappers a moment to record it.
            interruption = e;
            progress = stop(workspace, listener, launched, state, policy, progress);
        } finally {
            SweepAction.of(run, name).stopWaiting();
        }
        RunResult result = SweepRunner.finish(run, workspace, launcher, listener, launched, progress,
                state == null ? null : state.lastLine(), node, interruption != null);
        switch (result.result()) {
            case "SUCCESS" -> { }
            case "UNSTABLE" -> {
                listener.getLogger().println("WARNING: " + SweepRunner.unsuccessful(result));
                run.setResult(Result.UNSTABLE);
            }
            case "ABORTED" -> throw interruption != null ? interruption : new InterruptedException();
            default -> throw new AbortException(SweepRunner.unsuccessful(result));
        }
    }

    /** Cancels on abort and looks (uninterruptibly, bounded) until the tasks recorded it. */
    private static SweepProgress stop(FilePath workspace, TaskListener listener, SweepCallables.Launched launched,
            RunState state, PollPolicy policy, SweepProgress last) {
        long deadline = System.currentTimeMillis() + SweepRunner.stopMillis(launched);
        SweepProgress progress = last;
        try {
            SweepRunner.cancel(workspace, launched.jobName(), listener);
            while (state != null && System.currentTimeMillis() < deadline) {
                progress = SweepRunner.look(workspace, state, policy);
                if (progress.finished()) {
                    break;
                }
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            listener.error(Messages.ClusterSweepBuilder_CancelFailed(launched.jobName(), e.toString()));
        }
        if (progress != null) {
            SweepRunner.log(listener, progress.line());
        }
        return progress;
    }
}
