package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.backend.local.LocalBackend;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.LaunchResult;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "launch", sortOptions = false,
        description = {"Launch a sweep's tasks (all, a task list, or the failed ones) on a backend.",
                "The local backend runs the tasks here and waits for them; cluster backends submit job arrays"
                        + " and return, unless --wait."})
final class LaunchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    WaitOptions waiting;

    @Option(names = "--backend", required = true, paramLabel = "NAME",
            description = "Where tasks run: local, slurm or gridengine.")
    String backend;

    @Option(names = "--jobfile", paramLabel = "PATH",
            description = "Take the tasks from this jobfile (onager's jobs.json works) instead of the sweep's own.")
    Path jobFile;

    @Option(names = "--command", paramLabel = "CMD", description = "Launch this one command as a one-task sweep.")
    String command;

    @Option(names = {"--tasklist", "-t"}, paramLabel = "LIST", converter = TaskListConverter.class,
            description = "Only these task ids, e.g. 1-3:1,5,8-9 (a relaunch of them when they ran before).")
    TaskList tasks;

    @Option(names = "--failed", description = "Only tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR.")
    boolean failed;

    @Option(names = {"--max-tasks", "-max"}, paramLabel = "N", defaultValue = "0",
            description = "At most N array elements at once (local: default cores / cpus).")
    int maxTasks;

    @Option(names = "--tasks-per-node", paramLabel = "N", defaultValue = "1",
            description = "Pack N tasks into each array element (run on one node by multiwrapper.sh).")
    int tasksPerNode;

    @Option(names = "--max-tasks-per-node", paramLabel = "N", defaultValue = "0",
            description = "At most N of an element's packed tasks at once (default: all).")
    int maxTasksPerNode;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "1", description = "CPUs per array element.")
    int cpus;

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "0", description = "GPUs per array element.")
    int gpus;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per array element: 500M, 4G (bare number: GB).")
    String mem;

    @Option(names = "--duration", paramLabel = "TIME",
            description = "Time limit per element: D-HH:MM:SS, HH:MM:SS, or 90s, 30m, 2h; the task ends TIMEOUT.")
    String duration;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition.")
    String partition;

    @Option(names = "--queue", paramLabel = "NAME", description = "Grid Engine queue.")
    String queue;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account.")
    String account;

    @Option(names = "--qos", paramLabel = "NAME", description = "Slurm quality of service.")
    String qos;

    @Option(names = "--constraint", paramLabel = "EXPR", description = "Slurm node features.")
    String constraint;

    @Option(names = "--exclude", paramLabel = "NODES", description = "Slurm nodes to avoid.")
    String exclude;

    @Option(names = "--nodelist", paramLabel = "NODES", description = "Slurm nodes to use.")
    String nodelist;

    @Option(names = "--signal-before", paramLabel = "SECONDS", defaultValue = "0",
            description = "Warn the wrapper this long before the time limit (Slurm --signal=B:USR1@N).")
    int signalBefore;

    @Option(names = "--extra", paramLabel = "OPTION",
            description = "Pass this option to sbatch or qsub as it is (repeatable).")
    List<String> extra = new ArrayList<>();

    @Option(names = "--venv", paramLabel = "PATH", description = "Activate this Python virtualenv before each task.")
    String venv;

    @Option(names = "--conda", paramLabel = "ENV", description = "Activate this conda environment before each task.")
    String conda;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set this environment variable for each task.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = {"--dry-run", "-d"}, description = "Print what would be submitted; submit and write nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait for every task to end (the local backend always waits).")
    boolean await;

    @Option(names = "--kill-grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "After a cancel or time limit, seconds before a task is killed.")
    int killGrace;

    @Override
    public Integer call() throws Exception {
        Backends.check(backend);
        Sweep sweep = job.open();
        LaunchOptions options = new LaunchOptions(backend, resources(), positive("--max-tasks", maxTasks, true),
                positive("--tasks-per-node", tasksPerNode, false), positive("--max-tasks-per-node", maxTasksPerNode, true),
                new EnvironmentSetup(List.of(), List.of(), venv, conda, env), killGrace);
        var out = spec.commandLine().getOut();
        boolean local = LocalBackend.NAME.equals(backend);
        // Registered before the launch so no moment is uncovered, but armed only with this launch's
        // own tasks, once recorded and before the first starts: a refused launch touches nothing.
        AtomicReference<TaskList> ours = new AtomicReference<>();
        Thread cancelOnExit = local && !dryRun ? cancelOnSignal(sweep, ours) : null;
        LaunchResult result;
        try {
            result = sweep.launch(new LaunchRequest(jobFile, command, tasks, failed, options, dryRun),
                    submission -> ours.set(submission.tasks()));
        } catch (RuntimeException | java.io.IOException | dev.clustersweep.backend.BackendException e) {
            removeHook(cancelOnExit);
            throw e;
        }
        if (!local || result.submission() == null) {
            removeHook(cancelOnExit);
        }
        if (result.tasks().isEmpty()) {
            out.println(failed ? "nothing to launch: no task of '" + job.jobName + "' ended unsuccessfully"
                    : "nothing to launch");
            return 0;
        }
        result.plan().forEach(out::println);
        if (dryRun) {
            return 0;
        }
        out.println("submission " + result.submission().number() + ": " + result.tasks().size() + " task(s) "
                + result.tasks() + " of sweep '" + job.jobName + "' on " + backend);
        if (!local && !await) {
            return 0;
        }
        try {
            SweepStatus status = new Progress(out).await(sweep, waiting.pollPolicy(backend));
            if (!local) {
                out.println(sweep.backends().schedulerCalls() + " scheduler command(s) for "
                        + result.tasks().size() + " task(s)");
            }
            // This launch's tasks decide: a relaunch of three tasks succeeds when those three do.
            return StatusCommand.exitStatus(status.only(result.tasks()), out);
        } finally {
            removeHook(cancelOnExit);
        }
    }

    private static void removeHook(Thread hook) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs
            }
        }
    }

    /** Ctrl-C or SIGTERM: cancel this launch's running tasks and wait until their wrappers recorded it. */
    private Thread cancelOnSignal(Sweep sweep, AtomicReference<TaskList> ours) {
        Thread hook = new Thread(() -> {
            TaskList tasks = ours.get();
            if (tasks == null) {
                return;
            }
            try {
                sweep.cancel(tasks);
                ((LocalBackend) sweep.backends().get(LocalBackend.NAME)).awaitPools((killGrace + 5L) * 1000);
            } catch (Exception e) {
                System.err.println("sweep: could not cancel all tasks: " + e.getMessage());
            }
        }, "sweep-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private Resources resources() {
        return new Resources(positive("--cpus", cpus, false), positive("--gpus", gpus, true),
                mem == null ? 0 : Memory.parseMegabytes(mem), duration == null ? 0 : Durations.parseSeconds(duration),
                partition, account, qos, constraint, exclude, nodelist, queue, positive("--signal-before", signalBefore, true),
                extra);
    }

    private static int positive(String option, int value, boolean zeroAllowed) {
        if (value < 0 || (!zeroAllowed && value == 0)) {
            throw new BadInputException("bad " + option + " '" + value + "': expected a whole number "
                    + (zeroAllowed ? "of 0 or more" : "of 1 or more"));
        }
        return value;
    }

}
