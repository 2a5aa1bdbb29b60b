package io.jenkins.plugins.clustersweep.step;

import hudson.FilePath;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The build was aborted after the launch: cancel the sweep's active tasks, look (retrying nothing)
 * until their wrappers have recorded it or the kill grace and some have passed, keep what there is
 * and end the step with the cause. Runs on timer threads, never the caller's. Not saved: a step
 * stopped across a restart ends at once ({@link ClusterSweepStepExecution#onResume()}).
 */
final class StepStop {

    private static final Logger LOGGER = Logger.getLogger(StepStop.class.getName());

    private final ClusterSweepStepExecution execution;
    private final String jobName;
    private boolean begun;
    private long deadline;

    StepStop(ClusterSweepStepExecution execution, String jobName) {
        this.execution = execution;
        this.jobName = jobName;
    }

    /** Cancels on the agent and starts looking; stop() and a launch that just finished may both call it. */
    void begin() {
        if (execution.isDone() || !claim()) {
            return; // one cancel, one wait
        }
        try {
            FilePath work = execution.workspace();
            if (work != null) {
                SweepRunner.cancel(work, jobName, execution.listener());
            }
            deadline = System.currentTimeMillis() + SweepRunner.stopMillis(execution.launched());
            execution.schedule(this::awaitCancelled, 500);
        } catch (Throwable x) {
            LOGGER.log(Level.FINE, "cancelling sweep " + jobName, x);
            execution.listener().error(Messages.ClusterSweepStep_CancelFailed(jobName, x.toString()));
            end(false);
        }
    }

    private synchronized boolean claim() {
        if (begun) {
            return false;
        }
        begun = true;
        return true;
    }

    private void awaitCancelled() {
        if (execution.isDone()) {
            return;
        }
        boolean seen = false;
        try {
            seen = execution.look();
        } catch (Throwable x) {
            LOGGER.log(Level.FINE, "polling cancelled sweep " + jobName, x);
        }
        if (!(seen && execution.progress().finished()) && System.currentTimeMillis() < deadline) {
            execution.schedule(this::awaitCancelled, 1000);
            return;
        }
        end(seen);
    }

    /** Records what was seen as the aborted run's end, or with nothing seen fails with the cause. */
    private void end(boolean seen) {
        if (seen) {
            try {
                SweepRunner.log(execution.listener(), execution.progress().line());
                execution.finish(true);
                return;
            } catch (Throwable x) {
                LOGGER.log(Level.FINE, "recording aborted sweep " + jobName, x);
            }
        }
        execution.failStopped();
    }
}
