package dev.clustersweep.backend.slurm;

import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.sweep.SweepDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The sbatch argument list for one array of a submission. The wrapper itself is the batch script
 * (it has a bash shebang), so {@code --signal=B:USR1@N} reaches the shell that traps it, and user
 * values are single arguments that no shell ever reads.
 */
public final class SbatchCommand {

    /** Warning before the time limit when --signal-before is not given (Slurm may send it up to 60 s early). */
    public static final int DEFAULT_SIGNAL_SECONDS = 15;

    private SbatchCommand() {
    }

    /**
     * @param indexes the array indexes, in sbatch's {@code --array} syntax (no throttle)
     * @param script the batch script and its arguments: wrapper.sh SUBMISSION OFFSET, or
     *     multiwrapper.sh SUBMISSION MAXPARALLEL OFFSET
     */
    public static List<String> build(SweepDirectory dir, LaunchOptions options, String indexes, List<String> script) {
        Resources r = options.resources();
        List<String> args = new ArrayList<>();
        args.add("sbatch");
        args.add("--parsable");
        args.add("--array=" + indexes + (options.maxTasks() > 0 ? "%" + options.maxTasks() : ""));
        args.add("--job-name=" + dir.jobName());
        args.add("--chdir=" + dir.workDir());
        // Slurm does not create directories: the launch does. Append, so that a requeued element
        // keeps what its first run printed.
        String logs = dir.schedulerLogsDir() + "/%x_%A_%a";
        args.add("--output=" + logs + ".out");
        args.add("--error=" + logs + ".err");
        args.add("--open-mode=append");
        args.add("--cpus-per-task=" + Math.max(1, r.cpus()));
        if (r.gpus() > 0) {
            // --gres works on every Slurm with GPUs configured; --gpus needs select/cons_tres.
            args.add("--gres=gpu:" + r.gpus());
        }
        if (r.memMegabytes() > 0) {
            args.add("--mem=" + r.memMegabytes() + "M");
        }
        if (r.durationSeconds() > 0) {
            args.add("--time=" + Durations.slurm(r.durationSeconds()));
        }
        addIf(args, "--partition=", r.partition());
        addIf(args, "--account=", r.account());
        addIf(args, "--qos=", r.qos());
        addIf(args, "--constraint=", r.constraint());
        addIf(args, "--exclude=", r.exclude());
        addIf(args, "--nodelist=", r.nodelist());
        // Always: at its time limit (ours, or the partition's default) Slurm sends the same SIGTERM as
        // scancel, and only a SIGUSR1 before it lets the wrapper record TIMEOUT rather than CANCELLED.
        args.add("--signal=B:USR1@" + (r.signalSeconds() > 0 ? r.signalSeconds() : DEFAULT_SIGNAL_SECONDS));
        // The wrapper's grace between TERM and KILL of a stopped task; the rest of the environment as
        // sbatch passes it by default (an --export in the extra options, later, wins).
        args.add("--export=ALL,SWEEP_KILL_GRACE=" + options.killGraceSeconds());
        args.addAll(r.extraOptions());
        args.addAll(script);
        return args;
    }

    private static void addIf(List<String> args, String option, String value) {
        if (value != null && !value.isEmpty()) {
            args.add(option + value);
        }
    }
}
