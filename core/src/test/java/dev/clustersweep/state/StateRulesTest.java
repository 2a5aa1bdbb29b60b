package dev.clustersweep.state;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class StateRulesTest {

    private static AttemptRecord started(int attempt, int submission) {
        return new AttemptRecord(7, attempt, submission, "123", "node1", 42, 1000, null, null, null);
    }

    private static AttemptRecord ended(int attempt, int submission, int exit, EndReason reason) {
        return new AttemptRecord(7, attempt, submission, "123", "node1", 42, 1000, exit, 1010L, reason);
    }

    private static TaskStatus derive(SchedulerTask scheduler, AttemptRecord latest) {
        return StateRules.derive(7, 2, scheduler, latest, false);
    }

    @Test
    public void endRecordWinsOverAnyScheduler() {
        for (SchedulerTask s : new SchedulerTask[] {SchedulerTask.PENDING, SchedulerTask.RUNNING,
                SchedulerTask.UNKNOWN, SchedulerTask.error("Eqw")}) {
            assertEquals(TaskState.SUCCEEDED, derive(s, ended(1, 2, 0, EndReason.EXIT)).state());
            TaskStatus failed = derive(s, ended(1, 2, 3, EndReason.EXIT));
            assertEquals(TaskState.FAILED, failed.state());
            assertEquals(Integer.valueOf(3), failed.exitCode());
            assertEquals(TaskState.TIMEOUT, derive(s, ended(1, 2, 143, EndReason.TIMEOUT)).state());
            assertEquals(TaskState.CANCELLED, derive(s, ended(1, 2, 143, EndReason.CANCELLED)).state());
        }
    }

    @Test
    public void recordsOfAnEarlierSubmissionDoNotCount() {
        // Attempt 1 failed in submission 1; the relaunch (submission 2) has not started yet.
        TaskStatus status = derive(SchedulerTask.PENDING, ended(1, 1, 3, EndReason.EXIT));
        assertEquals(TaskState.PENDING, status.state());
        assertNull(status.exitCode());
        assertEquals(1, status.attempts());
        assertEquals(0, status.attempt());
    }

    @Test
    public void schedulerErrorIsError() {
        TaskStatus status = derive(SchedulerTask.error("can't chdir to /nonexistent"), null);
        assertEquals(TaskState.ERROR, status.state());
        assertEquals("can't chdir to /nonexistent", status.detail());
    }

    @Test
    public void startRecordMakesPendingRunning() {
        assertEquals(TaskState.RUNNING, derive(SchedulerTask.PENDING, started(1, 2)).state());
        assertEquals(TaskState.PENDING, derive(SchedulerTask.PENDING, null).state());
        TaskStatus running = derive(SchedulerTask.RUNNING, started(3, 2));
        assertEquals(TaskState.RUNNING, running.state());
        assertEquals("node1", running.host());
        assertEquals(3, running.attempt());
    }

    @Test
    public void accountingTellsHowATaskWithoutEndRecordEnded() {
        TaskStatus status = derive(SchedulerTask.ended(TaskState.TIMEOUT, null, "TIMEOUT"), started(1, 2));
        assertEquals(TaskState.TIMEOUT, status.state());
    }

    @Test
    public void forgottenTaskIsLostUnlessCancelled() {
        assertEquals(TaskState.LOST, derive(SchedulerTask.UNKNOWN, started(1, 2)).state());
        assertEquals(TaskState.LOST, derive(SchedulerTask.UNKNOWN, null).state());
        assertEquals("never started, and the scheduler no longer knows it", derive(SchedulerTask.UNKNOWN, null).detail());
        assertEquals("started, no end record, and the scheduler no longer knows it",
                derive(SchedulerTask.UNKNOWN, started(1, 2)).detail());
        assertEquals(TaskState.CANCELLED, StateRules.derive(7, 2, SchedulerTask.UNKNOWN, null, true).state());
    }

    @Test
    public void unsuccessfulStatesAreWhatFailedRelaunches() {
        for (TaskState s : TaskState.values()) {
            boolean expected = s == TaskState.FAILED || s == TaskState.TIMEOUT || s == TaskState.CANCELLED
                    || s == TaskState.LOST || s == TaskState.ERROR;
            assertEquals(s.name(), expected, s.isUnsuccessful());
        }
    }

    @Test
    public void aTaskHeldInErrorThenCancelledIsCancelled() {
        // Grid Engine: Eqw (never started), qdel'd by a cancel; qacct then holds only its failed start.
        SchedulerTask accounting = SchedulerTask.ended(TaskState.ERROR, null, "failed 26: opening input/output file");
        assertEquals(TaskState.CANCELLED, StateRules.derive(7, 2, accounting, null, true).state());
        assertEquals(TaskState.ERROR, StateRules.derive(7, 2, accounting, null, false).state());
    }
}
