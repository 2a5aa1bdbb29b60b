package dev.clustersweep.page;

import static dev.clustersweep.page.Tasks.task;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.clustersweep.BadInputException;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.tasks.TaskList;
import java.util.List;
import org.junit.Test;

public class SelectionTest {

    /** Tasks 1-8 launched (1 SUCCEEDED, 2 FAILED, 3 RUNNING, 4 PENDING, 5 TIMEOUT, 6 LOST, 7 CANCELLED, 8 ERROR); 9-10 not. */
    private static final SweepStatus STATUS = Tasks.of(task(1, TaskState.SUCCEEDED), task(2, TaskState.FAILED),
            task(3, TaskState.RUNNING), task(4, TaskState.PENDING), task(5, TaskState.TIMEOUT), task(6, TaskState.LOST),
            task(7, TaskState.CANCELLED), task(8, TaskState.ERROR));
    private static final TaskList SWEEP = TaskList.parse("1-10");

    private static TaskList resolve(String ids, List<String> checked, boolean allFailed) {
        return new Selection(ids, checked, allFailed).resolve(SWEEP, STATUS);
    }

    private static void refused(String ids, List<String> checked, boolean allFailed, String start) {
        try {
            resolve(ids, checked, allFailed);
            fail("accepted " + ids + " " + checked);
        } catch (BadInputException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(start));
            assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
        }
    }

    @Test
    public void typedListsTakeCommasSpacesAndLines() {
        assertEquals(TaskList.parse("1-3,5"), resolve("1-3,5", null, false));
        assertEquals(TaskList.parse("1-3,5,7"), resolve(" 1-3, 5\n7 ", null, false));
        assertEquals(TaskList.parse("2,4,6"), resolve("2-6:2", List.of(), false));
        assertEquals(TaskList.parse("1,3"), resolve(",3,,1,", null, false));
    }

    @Test
    public void checkedRowsAndAllFailedAddUp() {
        assertEquals(TaskList.parse("4,9"), resolve("", List.of("9", "4"), false));
        assertEquals(TaskList.parse("2,5-8"), resolve(null, null, true));
        assertEquals(TaskList.parse("1-2,5-9"), resolve("9", List.of("1"), true));
        assertEquals(TaskList.parse("1-2"), resolve("1-2", List.of("2", " 1 "), false));
    }

    @Test
    public void badInputNamesTheValue() {
        refused("1-x", null, false, "bad task list '1-x'");
        refused("0", null, false, "bad task list '0'");
        refused(null, List.of("3", "abc"), false, "bad task list '3,abc'");
        refused("5-12", null, false, "task list '5-12' is out of range: the jobfile has no tasks 11-12 (it has tasks 1-10)");
        refused("", List.of(), false, "no tasks selected: expected task ids like 1-3,5, checked rows, or all failed");
        refused(" \n ", null, false, "no tasks selected");
    }

    @Test
    public void allFailedWithNoneFailedSaysSo() {
        SweepStatus fine = Tasks.of(task(1, TaskState.SUCCEEDED), task(2, TaskState.RUNNING));
        try {
            new Selection(null, null, true).resolve(TaskList.parse("1-2"), fine);
            fail();
        } catch (BadInputException e) {
            assertEquals("no task ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR: expected some to select with "
                    + "'all failed'", e.getMessage());
        }
    }

    @Test
    public void cancelActsOnActiveTasksOnly() {
        ActionPlan plan = ActionPlan.cancel(TaskList.parse("1-4,9"), STATUS);
        assertEquals(TaskList.parse("3-4"), plan.acted());
        assertEquals(List.of(TaskState.PENDING, TaskState.RUNNING),
                plan.actedGroups().stream().map(ActionPlan.Group::state).toList());
        assertEquals(3, plan.skipped().stream().mapToLong(ActionPlan.Group::size).sum());
        assertEquals("Cancel 2 tasks: 1 PENDING (4), 1 RUNNING (3). Skipped 3 tasks: 1 SUCCEEDED (1), 1 FAILED (2), "
                + "1 not launched (9) (only PENDING and RUNNING tasks can be cancelled).", plan.message());
        assertEquals("already ended SUCCEEDED: nothing to cancel", plan.skipped().get(0).reason());
        assertEquals("never launched: nothing to cancel", plan.skipped().get(2).reason());
    }

    @Test
    public void relaunchSkipsActiveTasksAndLaunchesUnlaunchedOnes() {
        ActionPlan plan = ActionPlan.relaunch(TaskList.parse("1-10"), STATUS);
        assertEquals(TaskList.parse("1-2,5-10"), plan.acted());
        assertEquals(TaskList.parse("3-4"), TaskList.unionAll(plan.skipped().stream().map(ActionPlan.Group::ids).toList()));
        assertEquals("Relaunch 8 tasks: 1 SUCCEEDED (1), 1 FAILED (2), 1 TIMEOUT (5), 1 CANCELLED (7), 1 LOST (6), "
                + "1 ERROR (8), 2 not launched (9-10). Skipped 2 tasks: 1 PENDING (4), 1 RUNNING (3) "
                + "(still active: cancel them or let them end first).", plan.message());
        assertEquals("still RUNNING: cancel it or let it end first", plan.skipped().get(1).reason());
        assertEquals("never launched: launched now for the first time", plan.actedGroups().get(6).reason());
    }

    @Test
    public void nothingToDoIsExplained() {
        ActionPlan cancel = ActionPlan.cancel(TaskList.parse("1-2"), STATUS);
        assertTrue(cancel.nothingToDo());
        assertTrue(cancel.acted().isEmpty());
        assertTrue(cancel.message(), cancel.message().startsWith(
                "Nothing to cancel: none of the 2 tasks selected is PENDING or RUNNING. Skipped 2 tasks"));
        ActionPlan relaunch = ActionPlan.relaunch(TaskList.parse("3"), STATUS);
        assertTrue(relaunch.nothingToDo());
        assertTrue(relaunch.message(), relaunch.message().startsWith(
                "Nothing to relaunch: all 1 task selected are still PENDING or RUNNING."));
    }

    @Test
    public void largeSelectionsAreOneMergeWalk() {
        java.util.List<dev.clustersweep.state.TaskStatus> tasks = new java.util.ArrayList<>();
        for (long id = 1; id <= 100_000; id++) {
            tasks.add(task(id, id % 10 == 0 ? TaskState.RUNNING : TaskState.SUCCEEDED));
        }
        SweepStatus big = new SweepStatus("big", tasks, 0);
        ActionPlan plan = ActionPlan.cancel(TaskList.parse("1-200000"), big);
        assertEquals(TaskList.parse("10-100000:10"), plan.acted());
        assertEquals(TaskList.parse("100001-200000"), plan.skipped().get(1).ids());
    }
}
