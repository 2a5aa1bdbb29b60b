package io.jenkins.plugins.clustersweep.page;

import dev.clustersweep.BadInputException;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.TaskAction;
import dev.clustersweep.tasks.TaskList;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.clustersweep.run.SweepCallables;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.support.concurrent.Timeout;

/**
 * What "Cancel selected" and "Relaunch selected" do once {@link SweepAction}'s web method has
 * checked the permission: while the step runs, a plan made on the agent (a cancel there, a relaunch
 * queued for the step); after the build, a new build that relaunches the selected tasks. Each answer
 * is the one line the page shows.
 */
final class TaskButtons {

    private static final Logger LOGGER = Logger.getLogger(TaskButtons.class.getName());

    private final SweepAction action;
    private final PageSource source;

    TaskButtons(SweepAction action, PageSource source) {
        this.action = action;
        this.source = source;
    }

    /** Cancels the selected PENDING and RUNNING tasks on their scheduler. */
    String cancel(Selection selection) throws IOException, InterruptedException {
        if (!action.isLive()) {
            return Messages.SweepAction_NothingActive(action.getJobName());
        }
        try {
            SweepCallables.Acted plan = onAgent(selection, TaskAction.CANCEL, false);
            source.clearLive();
            return plan.message();
        } catch (AbortException e) {
            return e.getMessage();
        }
    }

    /**
     * While the step runs, queued for it (it launches them at its next poll and waits for them);
     * after the build, a new build of the job that runs only those tasks.
     */
    String relaunch(Selection selection) throws IOException, InterruptedException {
        String jobName = action.getJobName();
        Run<?, ?> run = action.getRun();
        if (action.isLive()) {
            SweepCallables.Acted plan;
            try {
                plan = onAgent(selection, TaskAction.RELAUNCH, true);
            } catch (AbortException e) {
                return e.getMessage();
            }
            if (plan.nothing()) {
                return plan.message();
            }
            if (!action.queueRelaunch(plan.acted())) {
                return Messages.SweepAction_StepEnded(jobName);
            }
            action.wakeWaiter();
            return plan.message() + " " + Messages.SweepAction_RelaunchQueued();
        }
        if (run.isBuilding()) {
            return Messages.SweepAction_StepEnded(jobName);
        }
        ArchivedTable.Table a = source.archived();
        if (a == null) {
            return Messages.SweepAction_NoTable(jobName);
        }
        ActionPlan plan;
        try {
            TaskList selected = selection.resolve(a.sweep().ids(), a.sweep().status());
            plan = ActionPlan.relaunch(selected, a.sweep().status());
        } catch (BadInputException e) {
            return e.getMessage();
        }
        if (plan.nothingToDo()) {
            return plan.message();
        }
        String ids = plan.acted().toString();
        if (RelaunchAction.schedule(run, jobName, ids, action.node(), action.getSweepDir()) == null) {
            return Messages.SweepAction_NotBuildable(run.getParent().getFullDisplayName());
        }
        LOGGER.log(Level.FINE, "scheduled relaunch of {0} of {1} from {2}", new Object[] {ids, jobName, run});
        return plan.message() + " " + Messages.SweepAction_RelaunchScheduled();
    }

    /**
     * The plan for the selection, made on the agent that holds the sweep (and carried out there
     * unless {@code dryRun}).
     *
     * @throws AbortException with the line to show: the agent is offline, or the engine refused
     */
    private SweepCallables.Acted onAgent(Selection s, TaskAction what, boolean dryRun)
            throws IOException, InterruptedException {
        FilePath dir = source.workDirectory();
        if (dir == null) {
            throw new AbortException(action.agentOffline());
        }
        try (Timeout timeout = Timeout.limit(LivePages.AGENT_CALL_SECONDS, TimeUnit.SECONDS)) {
            return dir.act(new SweepCallables.Act(action.getJobName(), what, s.ids(), s.checked(), s.allFailed(),
                    dryRun));
        }
    }
}
