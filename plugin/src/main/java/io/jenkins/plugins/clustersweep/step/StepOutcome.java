package io.jenkins.plugins.clustersweep.step;

import dev.clustersweep.settings.RunResult;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.clustersweep.results.ResultsRecorder;
import io.jenkins.plugins.clustersweep.run.SweepRunner;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * How the step ends once its sweep is over (archived and recorded by {@link SweepRunner#finish}):
 * the map the Pipeline script receives, the build result (UNSTABLE as the {@code unstable} step sets
 * it, with a warning on the step's node) or a failure.
 */
final class StepOutcome {

    private StepOutcome() {
    }

    /** What {@code def r = clusterSweep(...)} receives: the counts, and the best task when a metric is set. */
    static Map<String, Object> returnedMap(Run<?, ?> run, RunResult result) {
        return ResultsRecorder.toMap(run, result);
    }

    /**
     * Ends the step from the run's result and {@code failOn} (already in {@code result.result()}).
     *
     * @param stopCause why the build was stopped, or null
     */
    static void end(StepContext context, Run<?, ?> run, RunResult result, TaskListener listener,
            Throwable stopCause, String jobName) throws IOException, InterruptedException {
        switch (result.result()) {
            case "SUCCESS" -> context.onSuccess(returnedMap(run, result));
            case "UNSTABLE" -> {
                String message = SweepRunner.unsuccessful(result);
                context.get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
                run.setResult(Result.UNSTABLE);
                SweepRunner.log(listener, "WARNING: " + message);
                context.onSuccess(returnedMap(run, result));
            }
            case "ABORTED" -> context.onFailure(stopCause != null ? stopCause
                    : new AbortException(Messages.ClusterSweepStep_Aborted(jobName)));
            default -> context.onFailure(new AbortException(SweepRunner.unsuccessful(result)));
        }
    }
}
