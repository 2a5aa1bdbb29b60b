package dev.clustersweep.engine;

import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.gridengine.GridEngineBackend;
import dev.clustersweep.backend.local.LocalBackend;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one follow-up loop of a run: poll, relaunch what was asked for by hand, retry what ended
 * unsuccessfully while retries are left, and tell when it is over. One {@link #turn} is one poll,
 * so a Jenkins step drives it from a timer (and after a restart from its saved {@link RunState}),
 * while the freestyle step and {@code sweep launch --wait} drive it blocking with {@link #run}.
 * A turn and its state are serializable: a Jenkins agent takes the turn and sends it back whole.
 */
public final class SweepLoop {

    /** How many scheduler failures in a row end a wait. */
    public static final int MAX_FAILURES = 10;

    /**
     * What one turn did.
     *
     * @param state the state for the next turn
     * @param progress the run's tasks as this turn's poll saw them, or null when the scheduler did not answer
     * @param lines what to log, in order (progress lines only when they changed, retries, warnings)
     */
    public record Turn(RunState state, SweepProgress progress, List<String> lines) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Turn {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A run just launched.
     *
     * @param launch what the launch submitted (its submission is null when there was nothing to launch);
     *     for the parts of a sweep, all of them as one (the first submission, every task and plan)
     * @param state the state for the first turn, or null when nothing was launched
     */
    public record Started(LaunchResult launch, RunState state) {
    }

    private final Sweep sweep;
    private final PollPolicy policy;

    public SweepLoop(Sweep sweep, PollPolicy policy) {
        this.sweep = sweep;
        this.policy = policy;
    }

    /**
     * Launches a run. A {@code fresh} run (a Jenkins build) first clears a finished earlier run's
     * directory and is about the whole sweep; otherwise (the command line) the run is about the tasks
     * this launch submits, beside the sweep's earlier ones.
     *
     * @param recorded told of the submission once recorded, before any local task starts
     */
    public Started start(LaunchRequest request, int retries, boolean fresh, Consumer<Submission> recorded)
            throws BackendException, IOException {
        return start(List.of(request), retries, fresh, recorded);
    }

    /**
     * A run of several launches, one sweep: the parts of a sweep, each its own submission with its
     * own resources, in order; the run is about the tasks of all of them.
     */
    public Started start(List<LaunchRequest> requests, int retries, boolean fresh, Consumer<Submission> recorded)
            throws BackendException, IOException {
        if (fresh && !requests.get(0).dryRun()) {
            sweep.clearFinished();
        }
        return launch(requests, retries, fresh, recorded);
    }

    /**
     * A fresh run whose directory the caller has cleared ({@link Sweep#clearFinished}) and prepared:
     * the code frozen at launch is copied into it, so the clear must come before, not after.
     */
    public Started startCleared(LaunchRequest request, int retries, Consumer<Submission> recorded)
            throws BackendException, IOException {
        return launch(List.of(request), retries, true, recorded);
    }

    /** As {@link #startCleared(LaunchRequest, int, Consumer)}, for the parts of a sweep. */
    public Started startCleared(List<LaunchRequest> requests, int retries, Consumer<Submission> recorded)
            throws BackendException, IOException {
        return launch(requests, retries, true, recorded);
    }

    /**
     * Starts a search ({@link SearchPlan}): its first samples launched with {@code options}; the
     * turns that follow tell the optimiser how they did and launch the next ones, until the budget
     * is spent. The run is about the whole sweep, whose tasks the search adds as it goes.
     *
     * @param fresh clear a finished earlier run's directory first (a Jenkins build)
     */
    public Started startSearch(SearchPlan plan, LaunchOptions options, boolean fresh, Consumer<Submission> recorded)
            throws BackendException, IOException {
        if (fresh) {
            sweep.clearFinished();
        }
        LaunchResult launch = SearchTurn.start(sweep, plan, options, recorded);
        return new Started(launch, RunState.started(sweep.directory().jobName(), 0, launch.submission().number(),
                null, policy));
    }

    private Started launch(List<LaunchRequest> requests, int retries, boolean fresh, Consumer<Submission> recorded)
            throws BackendException, IOException {
        sweep.checkLaunches(requests);
        List<LaunchResult> each = new ArrayList<>();
        for (LaunchRequest request : requests) {
            each.add(sweep.launch(request, recorded));
        }
        LaunchResult launch = LaunchResult.of(each);
        if (launch.submission() == null) {
            return new Started(launch, null);
        }
        return new Started(launch, RunState.started(sweep.directory().jobName(), retries,
                launch.submission().number(), fresh ? null : launch.tasks(), policy));
    }

    /**
     * One poll. A scheduler that does not answer is a warning line until {@link #MAX_FAILURES} in a
     * row, then the exception.
     */
    public Turn turn(RunState state) throws BackendException, IOException {
        List<String> lines = new ArrayList<>();
        String scope = state.scope();
        long interval = state.intervalMillis();
        if (state.queued() != null) {
            scope = relaunchQueued(state, lines);
            interval = policy.initialMillis();
        }
        SweepStatus status;
        try {
            status = sweep.status();
        } catch (BackendException e) {
            int failures = state.failures() + 1;
            if (failures >= MAX_FAILURES) {
                throw e;
            }
            lines.add("scheduler did not answer (" + failures + "/" + MAX_FAILURES + "): " + e.getMessage());
            RunState next = state.next(scope, state.retriesUsed(), null, state.lastLine(), policy.next(interval),
                    failures, false);
            return new Turn(next, null, lines);
        }
        SweepStatus ours = scope == null ? status : status.only(TaskList.parse(scope));
        SweepProgress progress = progress(ours, state, state.retriesUsed());
        String line = progress.line();
        String lastLine = state.lastLine();
        if (!line.equals(lastLine)) {
            lines.add(line); // before any retry line: it tells how the tasks ended that are retried
            lastLine = line;
        }
        TaskList resume = resumable(ours, state);
        if (!resume.isEmpty()) {
            // Asked to be continued (exit_for_resume): a new attempt at once, before the others end.
            sweep.relaunch(resume, Submission.Cause.RESUME);
            lines.add("resumed tasks " + resume + " (exit " + state.resumeCode() + "; at most " + state.maxResumes()
                    + " time(s) each)");
            return new Turn(state.next(scope, state.retriesUsed(), null, lastLine, policy.initialMillis(), 0, false),
                    progress, lines);
        }
        // A search relaunches its never-started samples itself (SearchTurn, with its own limit).
        TaskList orphans = state.watchOnly() || SearchPlan.exists(sweep.directory()) ? TaskList.empty()
                : orphans(ours);
        if (!orphans.isEmpty()) {
            // They never ran, and nothing else will run them: not a retry, the launch carried on.
            sweep.relaunch(orphans, Submission.Cause.ORPHANS);
            lines.add("relaunched tasks " + orphans + ": they had not started when the process running their"
                    + " local pool ended");
            return new Turn(state.next(scope, state.retriesUsed(), null, lastLine, policy.initialMillis(), 0, false),
                    progress, lines);
        }
        SearchTurn search = state.watchOnly() ? null : SearchTurn.of(sweep);
        if (search != null) {
            // A search's samples are told as they end and never retried: a failure is part of what
            // it learns (and counts against its budget); it is over when the budget is spent.
            SearchTurn.Result r = search.advance(status);
            lines.addAll(r.lines());
            long next = r.launched() ? policy.initialMillis() : policy.next(interval);
            return new Turn(state.next(scope, state.retriesUsed(), null, lastLine, next, 0, r.done()), progress, lines);
        }
        if (!ours.isFinished()) {
            return new Turn(state.next(scope, state.retriesUsed(), null, lastLine, policy.next(interval), 0, false),
                    progress, lines);
        }
        TaskList retry = retryable(ours);
        if (retry.isEmpty() || state.retriesUsed() >= state.retries()) {
            return new Turn(state.next(scope, state.retriesUsed(), null, lastLine, interval, 0, true), progress, lines);
        }
        sweep.relaunch(retry, Submission.Cause.RETRY);
        int used = state.retriesUsed() + 1;
        lines.add("retry " + used + " of " + state.retries() + ": relaunched tasks " + retry);
        // The progress is the one the lines tell of; the relaunched tasks show from the next turn on.
        return new Turn(state.next(scope, used, null, lastLine, policy.initialMillis(), 0, false), progress, lines);
    }

    /**
     * Turns until the run is over, sleeping between polls, telling {@code each} every turn.
     *
     * @return the last turn
     */
    public Turn run(RunState state, Consumer<Turn> each) throws BackendException, IOException, InterruptedException {
        Turn turn = turn(state);
        each.accept(turn);
        while (!turn.state().done()) {
            sweep.pause(turn.state().intervalMillis());
            turn = turn(turn.state());
            each.accept(turn);
        }
        return turn;
    }

    /** The run's progress now, without acting: a poll for a page or a caller that only looks. */
    public SweepProgress progress(RunState state) throws BackendException {
        SweepStatus status = sweep.status();
        return progress(state.scope() == null ? status : status.only(TaskList.parse(state.scope())), state,
                state.retriesUsed());
    }

    private String relaunchQueued(RunState state, List<String> lines) throws BackendException, IOException {
        TaskList asked = TaskList.parse(state.queued());
        TaskList active = sweep.status().activeIds();
        TaskList ids = asked.minus(active);
        if (!asked.intersect(active).isEmpty()) {
            lines.add("not relaunched, still active: tasks " + asked.intersect(active));
        }
        if (ids.isEmpty()) {
            return state.scope();
        }
        sweep.relaunch(ids, Submission.Cause.RELAUNCH);
        lines.add("relaunched tasks " + ids + " as asked");
        return state.scope() == null ? null : TaskList.parse(state.scope()).union(ids).toString();
    }

    private SweepProgress progress(SweepStatus status, RunState state, int retriesUsed) {
        List<Submission> submissions = sweep.submissions();
        String backend = submissions.isEmpty() ? null : submissions.get(submissions.size() - 1).backend();
        int ours = (int) submissions.stream().filter(s -> s.number() >= state.firstSubmission()).count();
        return SweepProgress.of(status, backend, ours, retriesUsed);
    }

    /**
     * Tasks that ended asking to go on ({@link #asksToResume}) and have resumed fewer than
     * {@code maxResumes} times. The count is {@link Sweep#resumes}: the resume submissions that hold
     * the task, the same number `sweep status` shows ("resumed N times"); retries and relaunches by
     * hand are not counted. Read only when a task asks.
     */
    private TaskList resumable(SweepStatus status, RunState state) {
        if (state.maxResumes() <= 0) {
            return TaskList.empty();
        }
        java.util.Set<Integer> gridEngine = new java.util.HashSet<>();
        for (Submission s : sweep.submissions()) {
            if (GridEngineBackend.NAME.equals(s.backend())) {
                gridEngine.add(s.number());
            }
        }
        TaskList.Builder ids = TaskList.builder();
        Map<Long, Integer> resumed = null;
        for (TaskStatus task : status.tasks()) {
            if (asksToResume(task, state.resumeCode(), gridEngine.contains(task.submission()))) {
                if (resumed == null) {
                    resumed = sweep.resumes();
                }
                if (resumed.getOrDefault(task.id(), 0) < state.maxResumes()) {
                    ids.add(task.id());
                }
            }
        }
        return ids.build();
    }

    /**
     * The exit status by which a Grid Engine job asks to be requeued. The job script turns it into 1
     * (Grid Engine would requeue the job itself, outside the sweep's records: docs/backends.md); the
     * loop resumes the task instead, as a new attempt.
     */
    static final int GRID_ENGINE_REQUEUE = 99;

    /**
     * Whether the task ended wanting to go on: it exited with the resume code (or, on Grid Engine,
     * with its requeue status 99), or the scheduler took its node away (Slurm's PREEMPTED,
     * NODE_FAIL, BOOT_FAIL: LOST, not the task's doing).
     */
    static boolean asksToResume(TaskStatus task, int resumeCode, boolean onGridEngine) {
        if (task.state() == TaskState.FAILED) {
            return task.exitCode() != null && (task.exitCode() == resumeCode
                    || (onGridEngine && task.exitCode() == GRID_ENGINE_REQUEUE));
        }
        String detail = task.detail();
        return task.state() == TaskState.LOST && detail != null && (detail.startsWith("Slurm: PREEMPTED")
                || detail.startsWith("Slurm: NODE_FAIL") || detail.startsWith("Slurm: BOOT_FAIL"));
    }

    /**
     * Local tasks left behind by a pool whose process ended before they started (a Jenkins agent's
     * JVM gone with its connection, a controller restart that took it): on a cluster the scheduler
     * would still hold them.
     */
    private TaskList orphans(SweepStatus status) {
        TaskList.Builder found = TaskList.builder();
        for (TaskStatus task : status.tasks()) {
            if (task.state() == TaskState.LOST && LocalBackend.POOL_ENDED.equals(task.detail())) {
                found.add(task.id());
            }
        }
        TaskList ids = found.build();
        if (ids.isEmpty()) {
            return ids;
        }
        // Each at most MAX_ORPHAN_RELAUNCHES times: a loop whose own process keeps dying leaves them
        // LOST then, for retries (or a person) to decide.
        java.util.Map<Long, Integer> times = new java.util.HashMap<>();
        for (Submission s : sweep.submissions()) {
            if (s.cause() == Submission.Cause.ORPHANS) {
                s.tasks().intersect(ids).forEach(id -> times.merge(id, 1, Integer::sum));
            }
        }
        TaskList.Builder left = TaskList.builder();
        ids.forEach(id -> {
            if (times.getOrDefault(id, 0) < MAX_ORPHAN_RELAUNCHES) {
                left.add(id);
            }
        });
        return left.build();
    }

    /** How many times a never-started local task is submitted again by the loop ({@link #orphans}). */
    static final int MAX_ORPHAN_RELAUNCHES = 3;

    /** CANCELLED tasks are never retried: someone stopped them on purpose. */
    private static TaskList retryable(SweepStatus status) {
        TaskList.Builder ids = TaskList.builder();
        for (TaskStatus task : status.tasks()) {
            if (task.state().isUnsuccessful() && task.state() != TaskState.CANCELLED) {
                ids.add(task.id());
            }
        }
        return ids.build();
    }
}
