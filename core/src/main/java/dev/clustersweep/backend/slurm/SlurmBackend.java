package dev.clustersweep.backend.slurm;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.CancelElements;
import dev.clustersweep.backend.ClusterBackend;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.backend.GroupIndex;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.PlannedArray;
import dev.clustersweep.backend.PollRecords;
import dev.clustersweep.backend.SchedulerView;
import dev.clustersweep.backend.SubmitRequest;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.ArraySlice;
import dev.clustersweep.tasks.ArraySlices;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.tasks.TaskRange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a sweep as Slurm job arrays: sbatch with the wrapper as batch script, one squeue per poll,
 * sacct only for tasks squeue forgot without an end record, scancel of array elements. See the
 * Slurm section of docs/backends.md for the exact commands.
 */
public final class SlurmBackend extends ClusterBackend {

    public static final String NAME = "slurm";

    /** squeue hangs about 18 s and sbatch about 9 s when slurmctld is down: leave room for both. */
    static final Duration TIMEOUT = Duration.ofSeconds(45);
    /** A dry run asks for MaxArraySize briefly and falls back to Slurm's default. */
    static final Duration PLAN_TIMEOUT = Duration.ofSeconds(10);
    static final int SCANCEL_TARGETS_PER_CALL = 200;

    private static final Pattern JOB_ID = Pattern.compile("\\d+");
    // squeue prints array index lists only up to SLURM_BITSTR_LEN characters (64 by default, cut
    // with no closing bracket); 0 means the whole list.
    private static final Map<String, String> ENVIRONMENT = Map.of("SLURM_BITSTR_LEN", "0");

    /** For dry runs only: a short timeout and no retry (see {@link #PLAN_TIMEOUT}). */
    private final CommandRunner planRunner;
    private final int queryAttempts;
    private final Duration firstRetryWait;
    private SlurmConfig config;
    private boolean accountingDisabled;

    public SlurmBackend(SweepDirectory dir) {
        this(dir, new CommandRunner(TIMEOUT, ENVIRONMENT), new CommandRunner(PLAN_TIMEOUT, ENVIRONMENT), 3,
                Duration.ofSeconds(1));
    }

    SlurmBackend(SweepDirectory dir, CommandRunner runner, CommandRunner planRunner, int queryAttempts,
            Duration firstRetryWait) {
        super(NAME, dir, runner);
        this.planRunner = planRunner;
        this.queryAttempts = queryAttempts;
        this.firstRetryWait = firstRetryWait;
    }

    @Override
    public long schedulerCalls() {
        return super.schedulerCalls() + planRunner.calls();
    }

    // ---- submit -------------------------------------------------------------------------------

    @Override
    public List<String> plan(SubmitRequest request) {
        List<String> lines = new ArrayList<>();
        SlurmConfig limits = config;
        if (limits == null) {
            CommandRunner.Result r = planRunner.run(List.of("scontrol", "show", "config"));
            if (r.ok()) {
                limits = config = SlurmConfig.parse(r.stdout());
            } else {
                limits = SlurmConfig.DEFAULTS;
                lines.add("# scontrol show config failed (" + r.message() + "): assuming Slurm's default MaxArraySize="
                        + limits.maxArraySize());
            }
        }
        lines.addAll(planLines(arrays(request, limits)));
        return lines;
    }

    @Override
    public List<SchedulerJob> submit(SubmitRequest request) throws BackendException {
        SlurmConfig limits = config();
        List<PlannedArray> arrays = arrays(request, limits);
        checkJobCount(arrays, limits);
        try {
            writeSubmissionFiles(request);
        } catch (IOException | RuntimeException e) {
            throw fileProblem("write " + dir.root(), e);
        }
        return submitAll(arrays);
    }

    /** sbatch --parsable prints {@code 42} or {@code 42;cluster}. */
    @Override
    protected String jobIdOf(String parsable) {
        String jobId = parsable.strip().split(";", 2)[0];
        return JOB_ID.matcher(jobId).matches() ? jobId : null;
    }

    @Override
    protected BackendException refused(Refusal refusal) {
        CommandRunner.Result r = refusal.result();
        return new BackendException("sbatch failed" + (refusal.of() > 1 ? " for array " + refusal.number()
                + " of " + refusal.of() : "") + ": " + (r.ok() ? "unexpected output '" + r.stdout().strip()
                + "'" : r.message()) + refusal.withdrawal() + (r.timedOut() ? " (sbatch timed out: check squeue -n "
                + dir.jobName() + " for an array that was accepted anyway)" : ""));
    }

    /** The arrays of a submission: split at MaxArraySize; packed tasks go by groups-file line. */
    List<PlannedArray> arrays(SubmitRequest request, SlurmConfig limits) {
        LaunchOptions options = request.options();
        String submission = Integer.toString(request.submission());
        List<PlannedArray> arrays = new ArrayList<>();
        if (options.tasksPerNode() <= 1) {
            for (ArraySlice slice : ArraySlices.forSlurm(request.tasks(), limits.maxArraySize())) {
                List<String> script = List.of(dir.wrapper().toString(), submission, Long.toString(slice.offset()));
                arrays.add(new PlannedArray(SbatchCommand.build(dir, options, slice.indexes(), script), slice.ids(),
                        slice.offset(), 1, slice.ids().size()));
            }
            return arrays;
        }
        GroupIndex groups = new GroupIndex(request.tasks(), options.tasksPerNode());
        TaskList lines = TaskList.range(1, groups.lines());
        for (ArraySlice slice : ArraySlices.forSlurm(lines, limits.maxArraySize())) {
            TaskList ids = groups.tasksOfLines(slice.ids().first(), slice.ids().last());
            List<String> script = List.of(dir.multiWrapper().toString(), submission,
                    Integer.toString(options.parallelPerElement()), Long.toString(slice.offset()));
            arrays.add(new PlannedArray(SbatchCommand.build(dir, options, slice.indexes(), script), ids,
                    slice.offset(), options.tasksPerNode(), slice.ids().size()));
        }
        return arrays;
    }

    /** Past MaxJobCount sbatch sleeps and retries forever: refuse before submitting anything. */
    private void checkJobCount(List<PlannedArray> arrays, SlurmConfig limits) throws BackendException {
        long elements = arrays.stream().mapToLong(PlannedArray::elements).sum();
        // Asked even when the launch alone is too large: the refusal says how many Slurm holds, and a
        // made-up 0 would mislead anyone deciding whether to wait for the queue to drain.
        // Every job record slurmctld holds counts, finished ones too until MinJobAge purges them, and a
        // pending array by its size. Without -r squeue prints a pending array as one line (27_[5-10%4]),
        // so the output stays one line per record squeue shows, not one per pending element.
        CommandRunner.Result r = query(List.of("squeue", "-h", "-t", "all", "-o", "%i"));
        if (!r.ok()) {
            throw new BackendException("squeue failed: " + r.message());
        }
        long queued = jobRecords(r.stdout());
        if (queued + elements > limits.maxJobCount()) {
            throw new BackendException(tooMany(elements, queued, limits));
        }
    }

    /**
     * The job records squeue's {@code %i} lines stand for: one per job or array element, the size of
     * the index list for pending elements still held together ({@code 27_[1-3,7%2]}: 4). A line this
     * parser does not know (a heterogeneous job's {@code 30+1}) counts as one.
     */
    static long jobRecords(String squeueIds) {
        long count = 0;
        for (String line : squeueIds.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ArrayJobId id = ArrayJobId.parse(line);
                count += id.indexes() == null ? 1 : id.indexes().stream().mapToLong(TaskRange::size).sum();
            } catch (IllegalArgumentException e) {
                count++;
            }
        }
        return count;
    }

    private static String tooMany(long elements, long queued, SlurmConfig limits) {
        return "this launch needs " + elements + " array element(s) but Slurm holds " + queued
                + " job(s) and its MaxJobCount is " + limits.maxJobCount() + " (sbatch would wait forever): "
                + "launch part of the tasks with --tasklist, pack them with --tasks-per-node, "
                + "or wait until the queue drains";
    }

    private synchronized SlurmConfig config() throws BackendException {
        if (config == null) {
            // Someone waits at the prompt: one retry only (each try takes ~9 s when slurmctld is down).
            CommandRunner.Result r = runner.runWithRetries(List.of("scontrol", "show", "config"),
                    Math.min(2, queryAttempts), firstRetryWait, x -> true);
            if (!r.ok()) {
                throw new BackendException("scontrol show config failed: " + r.message());
            }
            config = SlurmConfig.parse(r.stdout());
        }
        return config;
    }

    /** One scancel of the arrays accepted before a failed sbatch. */
    @Override
    protected String withdraw(List<SchedulerJob> accepted) {
        List<String> ids = accepted.stream().map(SchedulerJob::jobId).toList();
        List<String> command = new ArrayList<>(List.of("scancel"));
        command.addAll(ids);
        CommandRunner.Result r = query(command);
        return r.ok() ? "; cancelled the array(s) already accepted: " + String.join(", ", ids)
                : "; could NOT cancel the array(s) already accepted (" + String.join(", ", ids) + "): " + r.message();
    }

    // ---- poll ---------------------------------------------------------------------------------

    @Override
    public SchedulerView poll(List<Submission> submissions, PollRecords records) throws BackendException {
        List<String> jobIds = List.copyOf(jobIdsOf(submissions));
        if (jobIds.isEmpty()) {
            return (submission, taskId) -> SchedulerTask.UNKNOWN;
        }
        return new View(squeue(jobIds), jobIds, records);
    }

    /** One squeue for these jobs; empty when Slurm knows none of them any more. */
    private ElementTable squeue(List<String> jobIds) throws BackendException {
        CommandRunner.Result r = query(List.of("squeue", "-h", "-t", "all", "-j", String.join(",", jobIds), "-o",
                ElementTable.SQUEUE_FORMAT));
        if (r.ok()) {
            try {
                return ElementTable.parseSqueue(r.stdout());
            } catch (IllegalArgumentException e) {
                throw new BackendException("unexpected squeue output: " + e.getMessage(), e);
            }
        }
        if (unknownJobs(r)) {
            return ElementTable.empty(); // squeue says so when it knows none of the ids: all gone
        }
        throw new BackendException("squeue failed: " + r.message());
    }

    private static boolean unknownJobs(CommandRunner.Result r) {
        return !r.timedOut() && r.message().contains("Invalid job id specified");
    }

    /** The answer of one poll: squeue's table, and accounting asked at most once, when needed. */
    private final class View extends ElementView {
        private final ElementTable queue;
        private final List<String> jobIds;
        private final PollRecords records;
        private ElementTable accounting;

        View(ElementTable queue, List<String> jobIds, PollRecords records) {
            this.queue = queue;
            this.jobIds = jobIds;
            this.records = records;
        }

        @Override
        protected synchronized SchedulerTask lookup(Submission submission, long taskId, SchedulerJob job,
                long index) {
            SchedulerTask task = index < 0 ? null : queue.find(job.jobId(), index);
            if (task != null) {
                return task;
            }
            // Gone from squeue. An end record decides anyway; otherwise accounting may know how it ended.
            if (records.ended(submission, taskId)) {
                return SchedulerTask.UNKNOWN;
            }
            task = index < 0 ? null : accounting().find(job.jobId(), index);
            // A finished element leaves squeue after MinJobAge; accounting still saying it runs is stale.
            return task != null && task.kind() == SchedulerTask.Kind.ENDED ? task : SchedulerTask.UNKNOWN;
        }

        private ElementTable accounting() {
            if (accounting == null) {
                accounting = askAccounting(jobIds);
            }
            return accounting;
        }
    }

    /** sacct, or an empty table when accounting is off (remembered) or failed this time. */
    private synchronized ElementTable askAccounting(List<String> jobIds) {
        if (accountingDisabled) {
            return ElementTable.empty();
        }
        CommandRunner.Result r = query(List.of("sacct", "-X", "-P", "-n", "-j", String.join(",", jobIds), "-o",
                ElementTable.SACCT_FIELDS));
        if (!r.ok()) {
            if (accountingOff(r)) {
                accountingDisabled = true;
            }
            return ElementTable.empty();
        }
        try {
            return ElementTable.parseSacct(r.stdout());
        } catch (IllegalArgumentException e) {
            return ElementTable.empty();
        }
    }

    // ---- cancel -------------------------------------------------------------------------------

    /**
     * Pending elements are removed with a plain scancel. Running ones only get SIGTERM in their batch
     * shell (the wrapper): a plain scancel signals every process of the job at once, and a task killed
     * before its wrapper's trap ran was recorded as FAILED 143 instead of CANCELLED (seen about one
     * cancel in four). The wrapper stops its task, records the cancel and exits, which ends the element.
     * A packed element is cancelled only when all its tasks are selected or have ended; when a selected
     * task shares its element with unselected unfinished ones, nothing is cancelled and the exception
     * names those tasks.
     */
    @Override
    public void cancel(Submission submission, TaskList tasks) throws BackendException {
        List<CancelElements> elements = elementsToCancel(submission, tasks); // may refuse: before any scancel
        if (!elements.isEmpty()) {
            List<String> jobIds = elements.stream().map(e -> e.job().jobId()).distinct().toList();
            ElementTable queue = squeue(jobIds);
            List<String> pending = new ArrayList<>();
            List<String> running = new ArrayList<>();
            elements.forEach(e -> split(e, queue, pending, running));
            scancel(List.of(), pending);
            scancel(List.of("--batch", "--signal=TERM"), running);
        }
    }

    /** Sorts a job's selected elements into pending and running targets, by what squeue says of them. */
    private static void split(CancelElements elements, ElementTable queue, List<String> pending,
            List<String> running) {
        TaskList.Builder toCancel = TaskList.builder();
        TaskList.Builder toSignal = TaskList.builder();
        var it = elements.ids().iterator();
        while (it.hasNext()) {
            long id = it.nextLong();
            SchedulerTask task = queue.find(elements.job().jobId(), elements.indexOf(id));
            if (task == null || task.kind() == SchedulerTask.Kind.ENDED) {
                continue; // gone or ended already
            }
            (task.kind() == SchedulerTask.Kind.RUNNING ? toSignal : toCancel).add(id);
        }
        pending.addAll(targets(elements, toCancel.build()));
        running.addAll(targets(elements, toSignal.build()));
    }

    private static List<String> targets(CancelElements elements, TaskList ids) {
        return ids.isEmpty() ? List.of() : ScancelTargets.of(elements.job().jobId(), elements.indexRanges(ids));
    }

    private void scancel(List<String> options, List<String> targets) throws BackendException {
        for (int i = 0; i < targets.size(); i += SCANCEL_TARGETS_PER_CALL) {
            List<String> command = new ArrayList<>(List.of("scancel"));
            command.addAll(options);
            command.addAll(targets.subList(i, Math.min(targets.size(), i + SCANCEL_TARGETS_PER_CALL)));
            // Idempotent, so retried like a query, except for answers that leave nothing to do.
            CommandRunner.Result r = runner.runWithRetries(command, queryAttempts, firstRetryWait,
                    x -> !nothingToDo(x));
            if (!r.ok() && !nothingToDo(r)) {
                throw new BackendException("scancel failed: " + r.message());
            }
        }
    }

    /**
     * An element that ended since squeue makes scancel say "Invalid job id" or "already completing"
     * (rc 1). {@code scancel --batch --signal} of an element of an array that still has pending
     * elements signals it but exits 229 with no message (ESLURM_JOB_PENDING, 2021, modulo 256).
     */
    private static boolean nothingToDo(CommandRunner.Result r) {
        if (r.timedOut()) {
            return false;
        }
        String m = r.message();
        return m.contains("Invalid job id") || m.contains("already completing")
                || (r.exitCode() == 229 && r.stderr().isBlank());
    }

    // ---- commands -----------------------------------------------------------------------------

    /** Queries are retried with backoff, except for answers that will not change by asking again. */
    private CommandRunner.Result query(List<String> command) {
        return runner.runWithRetries(command, queryAttempts, firstRetryWait, r -> !unknownJobs(r) && !accountingOff(r));
    }

    private static boolean accountingOff(CommandRunner.Result r) {
        return r.message().contains("accounting storage is disabled");
    }

    /** For tests: plan and check with these limits instead of asking scontrol. */
    synchronized void useLimits(SlurmConfig limits) {
        config = limits;
    }

    /** For tests and reports: the limits this backend read, or null before the first submit. */
    SlurmConfig limits() {
        return config;
    }
}
