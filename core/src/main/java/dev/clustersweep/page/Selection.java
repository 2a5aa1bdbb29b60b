package dev.clustersweep.page;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.tasks.TaskList;
import java.util.List;

/**
 * The tasks a user picked on the page, from any mix of the three ways the page offers: a typed
 * task list ({@code 1-3,5 8}), the checked rows, and "all failed". Typed lists take the task list
 * syntax of the command line ({@code N}, {@code N-M}, {@code N-M:STEP}), but items may also be
 * separated by spaces or new lines, as people type into a text box ({@link TaskList#parseTyped}).
 *
 * @param ids the typed list, or null/blank for none
 * @param checked the ids of the checked rows as the form posts them, or null
 * @param allFailed whether "all failed" (FAILED, TIMEOUT, CANCELLED, LOST, ERROR) was chosen
 */
public record Selection(String ids, List<String> checked, boolean allFailed) {

    public Selection {
        checked = checked == null ? List.of() : List.copyOf(checked);
    }

    /**
     * The selected tasks, checked against the sweep's tasks.
     *
     * @param sweepTasks the ids in the sweep's jobs.json ({@code Sweep.jobIds()})
     * @throws BadInputException for a bad list or id, an id the sweep does not have, or nothing selected
     */
    public TaskList resolve(TaskList sweepTasks, SweepStatus status) {
        TaskList typed = TaskList.parseTyped(ids);
        TaskList ticked = checked.isEmpty() ? TaskList.empty() : TaskList.parseTyped(String.join(",", checked));
        TaskList failed = allFailed ? status.unsuccessful() : TaskList.empty();
        TaskList selected = typed.union(ticked).union(failed);
        if (selected.isEmpty()) {
            if (allFailed && typed.isEmpty() && ticked.isEmpty()) {
                throw new BadInputException("no task ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR: "
                        + "expected some to select with 'all failed'");
            }
            throw new BadInputException("no tasks selected: expected task ids like 1-3,5, checked rows, "
                    + "or all failed");
        }
        return selected.checkWithin(sweepTasks);
    }
}
