package dev.clustersweep.engine;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import org.junit.Test;

/** Which ended tasks a run with maxResumes continues. */
public class ResumeRulesTest {

    private static TaskStatus task(TaskState state, Integer exit, String detail) {
        return new TaskStatus(1, state, exit, 1, 1, 1, "h", 0L, 1L, detail);
    }

    @Test
    public void theResumeCodeAndALostNodeAskToGoOn() {
        assertTrue(SweepLoop.asksToResume(task(TaskState.FAILED, 3, null), 3, false));
        assertTrue(SweepLoop.asksToResume(task(TaskState.FAILED, 42, null), 42, false));
        assertTrue(SweepLoop.asksToResume(task(TaskState.LOST, null, "Slurm: PREEMPTED"), 3, false));
        assertTrue(SweepLoop.asksToResume(task(TaskState.LOST, null, "Slurm: NODE_FAIL (node017)"), 3, false));
        assertTrue(SweepLoop.asksToResume(task(TaskState.LOST, null, "Slurm: BOOT_FAIL"), 3, false));
    }

    @Test
    public void onGridEngineItsRequeueStatusAsksToGoOnAsWell() {
        assertTrue(SweepLoop.asksToResume(task(TaskState.FAILED, 99, null), 3, true));
        assertTrue(SweepLoop.asksToResume(task(TaskState.FAILED, 3, null), 3, true));
        assertFalse("99 is a failure elsewhere", SweepLoop.asksToResume(task(TaskState.FAILED, 99, null), 3, false));
        assertFalse(SweepLoop.asksToResume(task(TaskState.FAILED, 100, null), 3, true));
    }

    @Test
    public void otherEndingsDoNot() {
        assertFalse(SweepLoop.asksToResume(task(TaskState.FAILED, 1, null), 3, false));
        assertFalse(SweepLoop.asksToResume(task(TaskState.FAILED, null, "Slurm: OUT_OF_MEMORY"), 3, false));
        assertFalse(SweepLoop.asksToResume(task(TaskState.SUCCEEDED, 0, null), 0, false));
        assertFalse(SweepLoop.asksToResume(task(TaskState.TIMEOUT, 3, null), 3, false));
        assertFalse(SweepLoop.asksToResume(task(TaskState.CANCELLED, 3, null), 3, false));
        assertFalse(SweepLoop.asksToResume(task(TaskState.LOST, null, null), 3, false));
    }
}
