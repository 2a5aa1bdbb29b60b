package dev.clustersweep.page;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.jobfile.JobFileIndex;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the build page does with a sweep on the machine that holds it: one page of the task table,
 * the cancel and relaunch of a selection, the task table kept with a build. Every call starts from
 * the sweep directory, through the engine's {@link Sweep}.
 */
public final class PageActions {

    /**
     * The page builders of the sweeps this process has shown, so a sweep's tag index (a scan of its
     * jobs.json) outlives one request. A cache: the index notices a replaced jobfile itself.
     */
    private static final Map<SweepDirectory, SweepPages> PAGES = new ConcurrentHashMap<>();

    private final Sweep sweep;

    public PageActions(Sweep sweep) {
        this.sweep = sweep;
    }

    /**
     * The sweep must be there: the page acts on the directory an earlier run left.
     *
     * @throws BadInputException when it is not (a wiped workspace, another machine)
     */
    public static PageActions existing(Sweep sweep) {
        if (!sweep.exists()) {
            SweepDirectory dir = sweep.directory();
            throw new BadInputException("no sweep '" + dir.jobName() + "' in " + dir.root()
                    + ": expected the sweep directory an earlier run left there; it was deleted (workspace wiped?) "
                    + "or this is another machine or working directory");
        }
        return new PageActions(sweep);
    }

    /** One page of the task table, from the sweep directory (tags read by offset index). */
    public SweepPage page(TaskFilter filter, PageRequest request) throws BackendException {
        return PAGES.computeIfAbsent(sweep.directory(), SweepPages::new).page(sweep.status(), filter, request);
    }

    /**
     * Resolves a selection made on the page and, unless {@code dryRun}, cancels or relaunches the
     * tasks the plan acts on (a relaunch with the saved settings).
     *
     * @return the plan: what was (or would be) done and what was skipped
     */
    public ActionPlan act(TaskAction action, Selection selection, boolean dryRun) throws BackendException, IOException {
        SweepStatus status = sweep.status();
        ActionPlan plan = ActionPlan.of(action, selection.resolve(sweep.jobIds(), status), status);
        if (!dryRun && !plan.nothingToDo()) {
            perform(plan);
        }
        return plan;
    }

    /**
     * A run that relaunches some tasks: what a build started by "Relaunch selected" on an earlier
     * build's page runs.
     *
     * @param plan which of the asked tasks were launched again, which skipped (still active) and why
     * @param state the run's first state: about those tasks only, from the relaunch's submission on
     */
    public record Relaunch(ActionPlan plan, RunState state) {
    }

    /**
     * Launches {@code ids} again with the sweep's own jobs.json and saved settings. Tasks still
     * active are skipped; tasks never launched are launched for the first time.
     *
     * @throws BadInputException when an id is not in the jobfile, or every asked task is still active
     */
    public Relaunch relaunch(TaskList ids, int retries, PollPolicy policy) throws BackendException, IOException {
        SweepStatus status = sweep.status();
        ActionPlan plan = ActionPlan.relaunch(ids.checkWithin(sweep.jobIds()), status);
        if (plan.nothingToDo()) {
            throw new BadInputException(plan.message());
        }
        perform(plan);
        List<Submission> submissions = sweep.submissions();
        int number = submissions.get(submissions.size() - 1).number();
        return new Relaunch(plan, RunState.started(sweep.directory().jobName(), retries, number, plan.acted(), policy));
    }

    private void perform(ActionPlan plan) throws BackendException, IOException {
        if (plan.action() == TaskAction.CANCEL) {
            sweep.cancel(plan.acted());
            return;
        }
        sweep.relaunch(plan.acted());
    }

    /**
     * Writes every launched task's state and tag in the {@link TaskTableFile} format: what a build
     * keeps to show its page once the sweep directory is gone.
     */
    public void writeTaskTable(OutputStream out) throws BackendException, IOException {
        TaskTableFile.write(sweep.status(), new JobFileIndex(sweep.directory().jobFile())::tags, out);
    }
}
