package dev.clustersweep.backend.local;

import dev.clustersweep.backend.Backend;
import dev.clustersweep.backend.PollRecords;
import dev.clustersweep.backend.SchedulerView;
import dev.clustersweep.backend.SubmitRequest;
import dev.clustersweep.shell.ShellQuote;
import dev.clustersweep.state.AttemptRecord;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.StatusReader;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.Cancellation;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs tasks on this machine's cores. The pool lives in the launching process; another process
 * (sweep status, sweep cancel) tells what happens from the records and the wrappers' pids.
 */
public final class LocalBackend implements Backend {

    public static final String NAME = "local";

    /**
     * Why a task is LOST that never started because the process running its pool ended first (a
     * {@code sweep launch} killed, a Jenkins agent's JVM gone with its connection): nothing will ever
     * run it, and since it never ran, a loop that carries the run on submits it again by itself
     * ({@link dev.clustersweep.engine.SweepLoop}).
     */
    public static final String POOL_ENDED = "local: not started when the process running its pool ended";

    /**
     * The pools this process runs, by sweep directory and submission. Process-wide, because the pool
     * is: whichever handle on the sweep a caller holds (a Jenkins agent opens one per remote call),
     * its polls must see this process's own pool, not guess from the records.
     */
    private static final Map<PoolKey, LocalPool> RUNNING = new ConcurrentHashMap<>();

    private record PoolKey(Path sweepRoot, int submission) {
    }

    /**
     * The slots of a sweep's running pools, by sweep directory: a relaunch while a submission still
     * runs gets a pool of its own, and without a shared limit the two would run twice
     * {@code --max-tasks} at once. A launch joins the slots while any pool of the sweep runs and
     * replaces them otherwise, so a later launch with another limit starts afresh (one entry per
     * sweep directory this process launched).
     */
    private static final Map<Path, LocalSlots> SLOTS = new ConcurrentHashMap<>();

    private final SweepDirectory dir;
    private final StatusReader statusReader;

    public LocalBackend(SweepDirectory dir) {
        this.dir = dir;
        this.statusReader = new StatusReader(dir);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Default parallelism: as many tasks as the cores allow at {@code cpus} cores each. */
    public static int defaultWorkers(int cpus) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, cpus));
    }

    private static int workers(SubmitRequest request) {
        int max = request.options().maxTasks();
        int workers = max > 0 ? max : defaultWorkers(request.options().resources().cpus());
        return (int) Math.max(1, Math.min(workers, request.tasks().size()));
    }

    @Override
    public List<String> plan(SubmitRequest request) {
        return List.of("run tasks " + request.tasks() + ", at most " + workers(request) + " at once, through as many "
                + "pool workers: bash " + ShellQuote.quote(request.dir().wrapper().toString()) + " --pool "
                + request.submission() + " (task ids on its input)");
    }

    @Override
    public List<SchedulerJob> submit(SubmitRequest request) {
        int workers = workers(request);
        LocalSlots slots;
        synchronized (SLOTS) {
            boolean anyRunning = RUNNING.entrySet().stream()
                    .anyMatch(e -> e.getKey().sweepRoot().equals(root()) && !e.getValue().isDone());
            slots = anyRunning ? SLOTS.computeIfAbsent(root(), r -> new LocalSlots(workers)) : new LocalSlots(workers);
            SLOTS.put(root(), slots);
        }
        RUNNING.put(key(request.submission()), new LocalPool(request.dir(), request.submission(), request.tasks(),
                request.options(), workers, slots));
        return List.of(new SchedulerJob(NAME, request.tasks(), 0, 1));
    }

    @Override
    public void recorded(Submission submission) {
        LocalPool pool = RUNNING.get(key(submission.number()));
        if (pool != null) {
            pool.start();
        }
    }

    @Override
    public SchedulerView poll(List<Submission> submissions) {
        return poll(submissions, new PollRecords(statusReader::latestAttempts, () -> new SweepRecords(dir).cancellations()));
    }

    /**
     * The records the engine reads for the same poll, read once for both (as the cluster backends
     * do): a sweep of 100,000 tasks is 200,000 status files, and reading them twice doubled the
     * time of every status.
     */
    @Override
    public SchedulerView poll(List<Submission> submissions, PollRecords read) {
        Map<Integer, Boolean> launcherAlive = new HashMap<>();
        // A launcher on another host (a working directory shared over NFS) may be alive: not known here.
        Map<Integer, Boolean> launcherHere = new HashMap<>();
        Map<Integer, LocalPool.Snapshot> snapshots = new HashMap<>();
        Map<Long, AttemptRecord> records = null;
        for (Submission s : submissions) {
            LocalPool own = RUNNING.get(key(s.number()));
            if (own != null) {
                if (own.isDone()) {
                    RUNNING.remove(key(s.number()), own); // every task has its end record: forget the pool
                }
                snapshots.put(s.number(), own.snapshot());
            } else {
                launcherAlive.put(s.number(), s.launcher() != null && s.launcher().isAlive());
                launcherHere.put(s.number(), s.launcher() != null
                        && dev.clustersweep.sweep.Launcher.hostName().equals(s.launcher().host()));
                if (records == null) {
                    records = read.attempts();
                }
            }
        }
        Map<Long, AttemptRecord> startRecords = records == null ? Map.of() : records;
        // Another process's pool skips a cancelled task when it reaches it; until then it is not pending.
        List<Cancellation> cancels = records == null ? List.of() : read.cancellations();
        long now = Instant.now().getEpochSecond();
        return (submission, taskId) -> {
            LocalPool.Snapshot pool = snapshots.get(submission.number());
            if (pool != null) {
                return pool.lookup(taskId);
            }
            AttemptRecord record = startRecords.get(taskId);
            boolean started = record != null && record.submission() == submission.number();
            if (started && !record.ended() && wrapperAlive(record, now)) {
                return SchedulerTask.RUNNING;
            }
            if (started || SweepRecords.cancelRequested(cancels, submission.number(), taskId)) {
                return SchedulerTask.UNKNOWN; // a wrapper that died without its end record; a skipped cancel
            }
            if (launcherAlive.getOrDefault(submission.number(), false)) {
                return SchedulerTask.PENDING;
            }
            return launcherHere.getOrDefault(submission.number(), false)
                    ? SchedulerTask.ended(TaskState.LOST, null, POOL_ENDED) : SchedulerTask.UNKNOWN;
        };
    }

    @Override
    public void cancel(Submission submission, TaskList tasks) {
        LocalPool pool = RUNNING.get(key(submission.number()));
        if (pool != null) {
            pool.cancel(tasks);
            return;
        }
        // Another process runs the pool: it skips the cancelled ids from the cancel record; stop the
        // running wrappers here.
        long now = Instant.now().getEpochSecond();
        for (AttemptRecord record : statusReader.latestAttempts().values()) {
            if (record.submission() == submission.number() && !record.ended() && tasks.contains(record.taskId())
                    && wrapperAlive(record, now)) {
                // The request first: a pool worker that runs its tasks itself takes the signal only
                // for the attempt it names.
                StopRequest.write(dir, record.taskId(), record.attempt());
                LocalPool.signal(record.pid(), "TERM");
            }
        }
    }

    /** Waits for this process's pools of this sweep to finish, e.g. after a cancel at shutdown. */
    @Override
    public boolean awaitOwnTasks(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        boolean waited = false;
        for (Map.Entry<PoolKey, LocalPool> e : RUNNING.entrySet()) {
            if (e.getKey().sweepRoot().equals(root()) && !e.getValue().isDone()) {
                waited = true;
                e.getValue().awaitDone(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
        return waited;
    }

    private Path root() {
        return dir.root().toAbsolutePath().normalize();
    }

    private PoolKey key(int submission) {
        return new PoolKey(root(), submission);
    }

    /** True when the wrapper of this record runs here; a reused pid started after the record is not it. */
    private static boolean wrapperAlive(AttemptRecord record, long nowSeconds) {
        if (record.host() != null && !record.host().equals(dev.clustersweep.sweep.Launcher.hostName())) {
            return false;
        }
        return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(start -> start.getEpochSecond() <= record.start() + 1)
                .orElse(false);
    }
}
