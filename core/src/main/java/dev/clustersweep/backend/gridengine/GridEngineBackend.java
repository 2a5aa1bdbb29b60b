package dev.clustersweep.backend.gridengine;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.CancelElements;
import dev.clustersweep.backend.ClusterBackend;
import dev.clustersweep.backend.CommandRunner;
import dev.clustersweep.backend.GroupIndex;
import dev.clustersweep.backend.PlannedArray;
import dev.clustersweep.backend.PollRecords;
import dev.clustersweep.backend.SchedulerView;
import dev.clustersweep.backend.SubmitRequest;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.scripts.ScriptTemplate;
import dev.clustersweep.shell.ShellQuote;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.ArraySlice;
import dev.clustersweep.tasks.ArraySlices;
import dev.clustersweep.tasks.TaskList;
import dev.clustersweep.tasks.TaskRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a sweep as Grid Engine array jobs. See docs/backends.md (Grid Engine) for the commands, the state
 * mapping and why the job script exists.
 *
 * <p>Costs: a launch is one qsub per range of the task list (plus one qstat before and the qdels after
 * when a relaunch takes tasks over from jobs in Eqw); a poll is one {@code qstat -xml}, plus one
 * {@code qstat -j} when some task is in error and one {@code qacct -j} when some task left the
 * queue without an end record or a recorded cancel.
 */
public final class GridEngineBackend extends ClusterBackend {

    public static final String NAME = "gridengine";

    private final GridEngineSettings settings;
    /** The previous poll's queue, to tell a task that left it just now from one long gone. */
    private volatile QueueSnapshot previous;
    /** Tasks ("JOB.INDEX") seen leaving the queue without a trace yet, and when (System.nanoTime). */
    private final Map<String, Long> vanished = new ConcurrentHashMap<>();

    /**
     * qacct lags qstat (about 1 s here, up to the accounting flush_time, 15 s by default): a task
     * that this object saw listed at its previous poll and that has no record yet is still RUNNING
     * for this long, so that a waiting launch does not take it for LOST.
     */
    static final long ACCOUNTING_LAG_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    public GridEngineBackend(SweepDirectory dir) {
        this(dir, new CommandRunner(Duration.ofSeconds(60)), GridEngineSettings.fromEnvironment(System.getenv()));
    }

    public GridEngineBackend(SweepDirectory dir, CommandRunner runner, GridEngineSettings settings) {
        super(NAME, dir, runner);
        this.settings = settings;
    }

    // ---- submit ---------------------------------------------------------------------------------

    /** One qsub per range of array indexes: a qsub takes one {@code -t} range. */
    private List<PlannedArray> planned(SubmitRequest request) {
        int perNode = request.options().tasksPerNode();
        List<PlannedArray> plan = new ArrayList<>();
        if (perNode <= 1) {
            for (ArraySlice slice : ArraySlices.split(request.tasks(), 1, settings.maxArrayTasks())) {
                for (TaskRange indexes : slice.indexRanges()) {
                    plan.add(new PlannedArray(command(request, indexes, slice.offset(), false),
                            TaskList.of(List.of(indexes.shift(slice.offset()))), slice.offset(), 1, indexes.size()));
                }
            }
            return plan;
        }
        GroupIndex groups = new GroupIndex(request.tasks(), perNode);
        for (ArraySlice slice : ArraySlices.split(TaskList.range(1, groups.lines()), 1, settings.maxArrayTasks())) {
            TaskList held = groups.tasksOfLines(slice.ids().first(), slice.ids().last());
            TaskRange indexes = slice.indexRanges().get(0); // consecutive lines: one range
            plan.add(new PlannedArray(command(request, indexes, slice.offset(), true), held, slice.offset(), perNode,
                    indexes.size()));
        }
        return plan;
    }

    private List<String> command(SubmitRequest request, TaskRange indexes, long offset, boolean packed) {
        return QsubCommand.build(request.dir(), request.submission(), request.options(), settings, indexes, offset,
                packed);
    }

    @Override
    public List<String> plan(SubmitRequest request) {
        return planLines(planned(request));
    }

    @Override
    public List<SchedulerJob> submit(SubmitRequest request) throws BackendException {
        List<PlannedArray> plan = planned(request);
        try {
            writeJobScript();
            writeSubmissionFiles(request);
        } catch (IOException | RuntimeException e) {
            throw fileProblem("prepare " + dir.root(), e);
        }
        // Found before the qsubs, deleted only once they were accepted: a failed launch changes nothing.
        Map<String, TaskList> inError = errorsOf(request.tasks());
        List<SchedulerJob> jobs = submitAll(plan);
        try {
            for (Map.Entry<String, TaskList> e : inError.entrySet()) {
                qdel(e.getKey(), e.getValue().ranges());
            }
        } catch (BackendException e) {
            // The old tasks would run a second time after a qmod -cj: take the relaunch back instead.
            String undo = withdraw(jobs);
            throw new BackendException(e.getMessage() + " (deleting the tasks in Eqw that this launch replaces);"
                    + " deleted the " + jobs.size() + " new job(s) again" + undo, e);
        }
        return jobs;
    }

    @Override
    protected String jobIdOf(String terse) {
        return jobId(terse);
    }

    /** qsub -terse prints {@code 43} for a job, {@code 3.1-20:1} for an array. */
    static String jobId(String terse) {
        String line = terse.strip();
        int dot = line.indexOf('.');
        String id = dot < 0 ? line : line.substring(0, dot);
        return id.matches("\\d+") ? id : null;
    }

    @Override
    protected BackendException refused(Refusal refusal) {
        return new BackendException("qsub failed: " + refusal.result().message()
                + (refusal.accepted() == 0 ? "" : "; deleted the " + refusal.accepted() + " job(s) it had accepted"
                        + refusal.withdrawal())
                + " (command: " + ShellQuote.join(refusal.array().command()) + ")");
    }

    /** One qdel per job; returns what failed, for the error message. */
    @Override
    protected String withdraw(List<SchedulerJob> jobs) {
        StringBuilder problems = new StringBuilder();
        for (SchedulerJob job : jobs) {
            CommandRunner.Result r = runner.run(List.of("qdel", job.jobId()));
            if (!r.ok()) {
                problems.append("; qdel ").append(job.jobId()).append(" failed: ").append(r.message());
            }
        }
        return problems.toString();
    }

    private void writeJobScript() throws IOException {
        String text = ScriptTemplate.render(GridEngineBackend.class, QsubCommand.JOB_SCRIPT, Map.of());
        var target = dir.scriptsDir().resolve(QsubCommand.JOB_SCRIPT);
        AtomicFiles.writeString(target, text);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * A relaunch takes tasks over from older submissions; those that Grid Engine holds in an error
     * state (Eqw) would run twice if someone cleared the error later (qmod -cj), so they are deleted
     * once the new job(s) are accepted. One qstat, before the qsubs; then (in {@link #submit}) one
     * qdel per range of such tasks. Nothing when no older Grid Engine job holds any of the tasks.
     *
     * @return the array indexes in an error state, by job id
     */
    private Map<String, TaskList> errorsOf(TaskList tasks) throws BackendException {
        List<SweepRecords.Holding> older = new ArrayList<>();
        for (SweepRecords.Holding h : SweepRecords.holdings(submissions())) {
            if (NAME.equals(h.submission().backend()) && !h.tasks().intersect(tasks).isEmpty()) {
                older.add(h);
            }
        }
        if (older.isEmpty()) {
            return Map.of();
        }
        QueueSnapshot queue = qstat();
        Map<String, TaskList.Builder> inError = new LinkedHashMap<>();
        for (SweepRecords.Holding h : older) {
            var ids = h.tasks().intersect(tasks).iterator();
            while (ids.hasNext()) {
                long id = ids.nextLong();
                SchedulerJob job = h.submission().jobOf(id);
                if (job == null) {
                    continue;
                }
                long index = indexes.of(h.submission(), job, id);
                String state = index < 0 ? null : queue.state(job.jobId(), index);
                if (state != null && GridEngineStates.kind(state) == SchedulerTask.Kind.ERROR) {
                    inError.computeIfAbsent(job.jobId(), j -> TaskList.builder()).add(index);
                }
            }
        }
        Map<String, TaskList> built = new LinkedHashMap<>();
        inError.forEach((job, b) -> built.put(job, b.build()));
        return built;
    }

    private List<Submission> submissions() throws BackendException {
        try {
            return new SweepRecords(dir).submissions();
        } catch (RuntimeException e) {
            throw fileProblem("read the submissions of " + dir.root(), e);
        }
    }

    // ---- poll -----------------------------------------------------------------------------------

    private QueueSnapshot qstat() throws BackendException {
        CommandRunner.Result r = runner.run(List.of("qstat", "-xml", "-u", settings.user()));
        if (!r.ok()) {
            throw new BackendException("qstat failed: " + r.message());
        }
        try {
            return QstatXml.parse(r.stdout());
        } catch (IllegalArgumentException e) {
            throw new BackendException("qstat -xml: " + e.getMessage(), e);
        }
    }

    @Override
    public SchedulerView poll(List<Submission> submissions, PollRecords records) throws BackendException {
        QueueSnapshot queue = qstat();
        Poll poll = new Poll(queue, previous, jobIdsOf(submissions), records);
        previous = queue;
        return poll;
    }

    /**
     * One poll's answers. The extra calls are lazy and made at most once: {@code qstat -j} for the
     * jobs with tasks in error, {@code qacct -j} for tasks gone without a trace in the records.
     */
    private final class Poll extends ElementView {
        private final QueueSnapshot queue;
        private final QueueSnapshot before;
        /** Job ids of the polled submissions, so qstat -j is not asked about other people's errors. */
        private final Set<String> ours;
        private final PollRecords records;
        private Map<String, String> errors;
        private Map<String, QacctRecords.Record> accounting;

        Poll(QueueSnapshot queue, QueueSnapshot before, Set<String> ours, PollRecords records) {
            this.queue = queue;
            this.before = before;
            this.ours = ours;
            this.records = records;
        }

        @Override
        protected SchedulerTask lookup(Submission submission, long taskId, SchedulerJob job, long index) {
            String state = index < 0 ? null : queue.state(job.jobId(), index);
            if (state != null) {
                SchedulerTask.Kind kind = GridEngineStates.kind(state);
                return switch (kind) {
                    case ERROR -> SchedulerTask.error(errorReason(job.jobId(), index, state));
                    case RUNNING -> SchedulerTask.RUNNING;
                    default -> SchedulerTask.PENDING;
                };
            }
            if (index < 0 || records.ended(submission, taskId) || records.cancelRequested(submission, taskId)) {
                return SchedulerTask.UNKNOWN; // the records decide; accounting would add nothing
            }
            String key = QacctRecords.key(job.jobId(), index);
            QacctRecords.Record record = accounting().get(key);
            if (record != null) {
                vanished.remove(key);
                return GridEngineStates.ended(record, job.groupSize() > 1);
            }
            long now = System.nanoTime();
            Long since = vanished.get(key);
            if (since == null && before != null && before.state(job.jobId(), index) != null) {
                vanished.put(key, now);
                since = now;
            }
            return since != null && now - since < ACCOUNTING_LAG_NANOS ? SchedulerTask.RUNNING : SchedulerTask.UNKNOWN;
        }

        private String errorReason(String jobId, long index, String state) {
            if (errors == null) {
                errors = Map.of();
                List<String> inError = queue.jobs().entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(en -> en.state().indexOf('E') >= 0))
                        .map(Map.Entry::getKey).filter(ours::contains).toList();
                if (!inError.isEmpty()) {
                    CommandRunner.Result r = runner.run(List.of("qstat", "-j", String.join(",", inError)));
                    errors = QstatErrors.parse(r.stdout());
                }
            }
            String reason = QstatErrors.reason(errors, jobId, index);
            return "Grid Engine state " + state + (reason == null ? "" : ": " + reason);
        }

        private Map<String, QacctRecords.Record> accounting() {
            if (accounting == null) {
                // By job name: one call for all of the sweep's jobs (other sweeps of the same name are
                // told apart by job number). Unknown name: rc 1, "job name X not found".
                CommandRunner.Result r = runner.run(List.of("qacct", "-j", QsubCommand.jobName(dir.jobName())));
                accounting = r.ok() ? QacctRecords.parse(r.stdout()) : Map.of();
            }
            return accounting;
        }
    }

    // ---- cancel ---------------------------------------------------------------------------------

    /**
     * qdel per job: the whole job when every task it holds is selected, else one qdel per range of
     * array indexes. A packed element runs several tasks and cannot be stopped in part: it is deleted
     * only when every one of its tasks is selected or has ended in this submission. When some selected
     * task shares its element with unselected unfinished ones, nothing at all is deleted and the
     * cancel fails naming those tasks (as for Slurm).
     */
    @Override
    public void cancel(Submission submission, TaskList tasks) throws BackendException {
        for (CancelElements elements : elementsToCancel(submission, tasks)) { // may refuse: before any qdel
            qdel(elements.job().jobId(), elements.wholeJob() ? null : elements.indexRanges(elements.ids()));
        }
    }

    /** qdel a job (indexes null), or these array indexes of it; a job or task that is already gone is fine. */
    private void qdel(String jobId, List<TaskRange> indexes) throws BackendException {
        List<List<String>> commands = new ArrayList<>();
        if (indexes == null) {
            commands.add(List.of("qdel", jobId));
        } else {
            for (TaskRange range : indexes) {
                commands.add(List.of("qdel", jobId, "-t", range.toString()));
            }
        }
        for (List<String> command : commands) {
            CommandRunner.Result r = runner.run(command);
            if (!r.ok() && !r.message().contains("does not exist")) {
                throw new BackendException(ShellQuote.join(command) + " failed: " + r.message());
            }
        }
    }
}
