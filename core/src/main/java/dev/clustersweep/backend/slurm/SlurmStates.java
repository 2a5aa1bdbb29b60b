package dev.clustersweep.backend.slurm;

import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.TaskState;
import java.util.Locale;
import java.util.Set;

/**
 * Slurm's job states (squeue {@code %T}, sacct {@code State}) in our terms. Only used for a task
 * without an end record: the wrapper's record always wins (docs/layout.md).
 */
public final class SlurmStates {

    // Pending reasons that never clear on their own: shown as ERROR so that await does not wait forever.
    private static final Set<String> NEVER_RUNS = Set.of("BadConstraints", "PartitionConfig", "PartitionNodeLimit",
            "PartitionTimeLimit", "InvalidAccount", "InvalidQOS", "DependencyNeverSatisfied");

    private SlurmStates() {
    }

    /**
     * @param state e.g. {@code PENDING}, {@code CANCELLED by 0} (sacct)
     * @param reason squeue's {@code %r}, or null
     * @param exitCode sacct's {@code ExitCode} ({@code 3:0}, {@code 0:15}), or null
     */
    public static SchedulerTask map(String state, String reason, String exitCode) {
        String s = state.strip();
        int space = s.indexOf(' ');
        String name = (space < 0 ? s : s.substring(0, space)).toUpperCase(Locale.ROOT);
        Integer exit = exitStatus(exitCode);
        String why = reason == null || reason.isBlank() || reason.equals("None") ? null : reason.strip();
        return switch (name) {
            case "PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESV_DEL_HOLD", "RESIZING" ->
                why != null && NEVER_RUNS.contains(firstWord(why))
                        ? SchedulerTask.error("Slurm will not start it: " + why)
                        : SchedulerTask.PENDING;
            // Started: a suspended or stopped job still holds its node and resumes.
            case "RUNNING", "COMPLETING", "SUSPENDED", "STOPPED", "SIGNALING", "STAGE_OUT" -> SchedulerTask.RUNNING;
            case "COMPLETED" -> SchedulerTask.ended(TaskState.SUCCEEDED, exit == null ? 0 : exit, null);
            case "FAILED" -> SchedulerTask.ended(TaskState.FAILED, exit, detail("FAILED", why));
            case "OUT_OF_MEMORY" -> SchedulerTask.ended(TaskState.FAILED, exit, "OUT_OF_MEMORY: over its --mem");
            case "TIMEOUT", "DEADLINE" -> SchedulerTask.ended(TaskState.TIMEOUT, exit, detail(name, why));
            case "CANCELLED", "REVOKED" -> SchedulerTask.ended(TaskState.CANCELLED, exit, detail(s, why));
            // The node or the scheduler took it away: the task did not end on its own.
            case "NODE_FAIL", "BOOT_FAIL", "PREEMPTED" -> SchedulerTask.ended(TaskState.LOST, exit, detail(name, why));
            case "SPECIAL_EXIT" -> SchedulerTask.error("SPECIAL_EXIT: held after a requeue; release or cancel it");
            default -> SchedulerTask.UNKNOWN;
        };
    }

    /** sacct's {@code EXIT:SIGNAL} as one status: the exit code, or 128+signal when a signal ended it. */
    static Integer exitStatus(String exitCode) {
        if (exitCode == null || exitCode.isBlank()) {
            return null;
        }
        String[] parts = exitCode.strip().split(":");
        try {
            int code = Integer.parseInt(parts[0]);
            int signal = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return signal > 0 ? 128 + signal : code;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstWord(String reason) {
        int comma = reason.indexOf(',');
        return (comma < 0 ? reason : reason.substring(0, comma)).strip();
    }

    private static String detail(String state, String reason) {
        return "Slurm: " + state + (reason == null ? "" : " (" + reason + ")");
    }
}
