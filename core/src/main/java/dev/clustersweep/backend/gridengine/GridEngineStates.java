package dev.clustersweep.backend.gridengine;

import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.TaskState;

/** Grid Engine's words for a task (qstat state codes, qacct failure codes) in the engine's terms. */
public final class GridEngineStates {

    private GridEngineStates() {
    }

    /**
     * A qstat state code: any {@code E} is an error (Eqw: it cannot start until someone clears or
     * deletes it); running, transferring, suspended or deleting a running task is RUNNING (it still
     * holds a slot and its wrapper may still write the end record); queued or held is PENDING.
     */
    public static SchedulerTask.Kind kind(String state) {
        if (state.indexOf('E') >= 0) {
            return SchedulerTask.Kind.ERROR;
        }
        if (state.indexOf('r') >= 0 || state.indexOf('t') >= 0 || state.indexOf('s') >= 0
                || state.indexOf('S') >= 0 || state.indexOf('T') >= 0) {
            return SchedulerTask.Kind.RUNNING;
        }
        if (state.indexOf('q') >= 0 || state.indexOf('w') >= 0 || state.indexOf('h') >= 0) {
            return SchedulerTask.Kind.PENDING;
        }
        // "d" alone: being deleted; it leaves qstat once the execd confirmed.
        return SchedulerTask.Kind.RUNNING;
    }

    /**
     * How a task that left qstat without an end record ended, from its last accounting record.
     * Only consulted when the wrapper could not write the record (killed by SIGKILL, node lost, never
     * started), so the codes mean:
     * <ul>
     * <li>failed 37 (qmaster enforced h_rt, h_cpu or h_vmem): TIMEOUT, with GE's words;</li>
     * <li>failed 100 (assumedly after job) with a kill status (137, 143): CANCELLED, e.g. qdel;</li>
     * <li>failed 1-36 except 19-21: GE could not start it (26 output file, 28 working directory...):
     *     ERROR with GE's words;</li>
     * <li>failed 0: the job script's exit status is the wrapper's, so FAILED with that code (0 means
     *     the wrapper exited without a record: LOST);</li>
     * <li>anything else (19-21 shepherd or execd lost the job, ...): LOST with GE's words.</li>
     * </ul>
     * A packed element's status is multiwrapper's (0 or 1), not a task's: then only the failure code
     * is used.
     */
    public static SchedulerTask ended(QacctRecords.Record r, boolean packed) {
        String words = "Grid Engine accounting: failed " + r.failed()
                + (r.failedText().isEmpty() ? "" : " (" + r.failedText() + ")") + ", exit status " + r.exitStatus();
        if (r.failed() == 37) {
            return SchedulerTask.ended(TaskState.TIMEOUT, r.exitStatus(), words);
        }
        if (r.failed() == 100 && (r.exitStatus() == 137 || r.exitStatus() == 143)) {
            return SchedulerTask.ended(TaskState.CANCELLED, r.exitStatus(), words);
        }
        if (r.failed() >= 1 && r.failed() <= 36 && (r.failed() < 19 || r.failed() > 21)) {
            return SchedulerTask.ended(TaskState.ERROR, null, words);
        }
        if (r.failed() == 0 && r.exitStatus() != 0 && !packed) {
            return SchedulerTask.ended(TaskState.FAILED, r.exitStatus(), words);
        }
        return SchedulerTask.ended(TaskState.LOST, null, words);
    }
}
