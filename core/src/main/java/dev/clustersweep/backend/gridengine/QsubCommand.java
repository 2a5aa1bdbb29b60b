package dev.clustersweep.backend.gridengine;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument list of one {@code qsub}: one array ({@code -t a-b:s}, Grid Engine takes one range
 * per submission) of the job script running wrapper.sh, or multiwrapper.sh when tasks are packed.
 * Paths are relative to the working directory ({@code -wd}) where that keeps user text out of
 * Grid Engine's path syntax ({@code $VAR} expansion, {@code host:path}).
 */
public final class QsubCommand {

    /** The job script under scripts/, written at each launch. */
    public static final String JOB_SCRIPT = "gridengine-job.sh";

    private QsubCommand() {
    }

    /**
     * @param indexes the array indexes of this qsub
     * @param offset task id (or group line) = index + offset
     * @param packed whether elements run groups through multiwrapper.sh
     */
    public static List<String> build(SweepDirectory dir, int submission, LaunchOptions options,
            GridEngineSettings settings, TaskRange indexes, long offset, boolean packed) {
        Resources r = options.resources();
        String sweep = SweepDirectory.ROOT + "/" + dir.jobName();
        List<String> args = new ArrayList<>(List.of("qsub", "-terse", "-N", jobName(dir.jobName()),
                "-wd", dir.workDir().toString(),
                "-o", sweep + "/logs/scheduler/$JOB_NAME.$JOB_ID.$TASK_ID.out",
                "-e", sweep + "/logs/scheduler/$JOB_NAME.$JOB_ID.$TASK_ID.err",
                "-S", "/bin/bash",
                // qdel warns with SIGUSR2 before SIGKILL: the job script stops the task cleanly.
                "-notify",
                // A request no queue can ever satisfy fails now instead of waiting forever.
                "-w", "e",
                "-v", "SWEEP_KILL_GRACE=" + options.killGraceSeconds(),
                "-t", indexes.toFullString()));
        if (options.maxTasks() > 0) {
            args.addAll(List.of("-tc", Integer.toString(options.maxTasks())));
        }
        if (r.cpus() > 1) {
            args.addAll(List.of("-pe", settings.parallelEnvironment(), Integer.toString(r.cpus())));
        }
        if (r.durationSeconds() > 0) {
            args.addAll(List.of("-l", "h_rt=" + dev.clustersweep.backend.Durations.clock(r.durationSeconds())));
        }
        if (r.memMegabytes() > 0) {
            // Grid Engine counts memory per slot: the element's total over its cpus slots.
            long perSlot = (r.memMegabytes() + Math.max(1, r.cpus()) - 1) / Math.max(1, r.cpus());
            args.addAll(List.of("-l", settings.memoryResource() + "=" + perSlot + "M"));
        }
        if (r.gpus() > 0) {
            args.addAll(List.of("-l", settings.gpuResource() + "=" + r.gpus()));
        }
        if (r.queue() != null && !r.queue().isBlank()) {
            args.addAll(List.of("-q", r.queue()));
        }
        args.addAll(r.extraOptions());
        args.add(dir.scriptsDir().resolve(JOB_SCRIPT).toString());
        args.add(Long.toString(stopAfterSeconds(options)));
        if (packed) {
            args.addAll(List.of(sweep + "/scripts/multiwrapper.sh", Integer.toString(submission),
                    Integer.toString(options.parallelPerElement()), Long.toString(offset)));
        } else {
            args.addAll(List.of(sweep + "/scripts/wrapper.sh", Integer.toString(submission), Long.toString(offset)));
        }
        return args;
    }

    /** Grid Engine refuses job names that start with a digit ("not a valid object name"). */
    public static String jobName(String sweepName) {
        return Character.isDigit(sweepName.charAt(0)) ? "s" + sweepName : sweepName;
    }

    /**
     * When the job script stops the task as timed out: early enough before h_rt's SIGKILL for the
     * wrapper's kill grace (and the --signal warning, if longer), but never before half the limit.
     */
    static long stopAfterSeconds(LaunchOptions options) {
        long limit = options.resources().durationSeconds();
        if (limit <= 0) {
            return 0;
        }
        long margin = Math.max(options.resources().signalSeconds(), options.killGraceSeconds() + 5L);
        return Math.max(limit - margin, (limit + 1) / 2);
    }
}
