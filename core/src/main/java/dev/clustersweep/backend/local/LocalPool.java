package dev.clustersweep.backend.local;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.StatusFiles;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local backend's scheduler for one submission: {@code workers} threads take task ids in
 * increasing order and run each through wrapper.sh. Ids are taken from the task list's iterator, so
 * a million-task submission holds no per-task objects beyond the running ones.
 */
final class LocalPool {

    private final SweepDirectory dir;
    private final int submission;
    private final LaunchOptions options;
    private final PrimitiveIterator.OfLong queue;
    private final Map<Long, Process> running = new ConcurrentHashMap<>();
    /** Taken from the queue and not finished: covers the moment before the process exists. */
    private final Set<Long> taken = ConcurrentHashMap.newKeySet();
    private final Map<Long, Boolean> timedOut = new ConcurrentHashMap<>();
    private final Map<Long, String> startFailures = new ConcurrentHashMap<>();
    private final CountDownLatch finished;
    private final ScheduledExecutorService timers;
    private final int workers;
    private boolean started;
    private volatile long nextId;
    private volatile TaskList cancelled = TaskList.empty();
    private int cancelRecordsSeen = -1;

    LocalPool(SweepDirectory dir, int submission, TaskList tasks, LaunchOptions options, int workers) {
        this.dir = dir;
        this.submission = submission;
        this.options = options;
        this.queue = tasks.iterator();
        this.nextId = queue.hasNext() ? -1 : Long.MAX_VALUE;
        this.finished = new CountDownLatch(workers);
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("sweep-local-timer"));
        this.workers = workers;
    }

    /** Starts the workers; until then every task is pending. */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "sweep-local-" + submission + "-" + i);
            worker.start();
        }
    }

    /**
     * What the pool knows now, frozen: the engine asks the scheduler before it reads the records,
     * so a task that starts and ends in between is seen with its end record, never as gone.
     */
    Snapshot snapshot() {
        synchronized (this) {
            return new Snapshot(Set.copyOf(taken), nextId, cancelled, Set.copyOf(timedOut.keySet()),
                    Map.copyOf(startFailures));
        }
    }

    record Snapshot(Set<Long> taken, long nextId, TaskList cancelled, Set<Long> timedOut,
            Map<Long, String> startFailures) {

        SchedulerTask lookup(long taskId) {
            if (taken.contains(taskId)) {
                return SchedulerTask.RUNNING;
            }
            String failure = startFailures.get(taskId);
            if (failure != null) {
                return SchedulerTask.error(failure);
            }
            if (timedOut.contains(taskId)) {
                return SchedulerTask.ended(TaskState.TIMEOUT, null, "killed at the time limit");
            }
            boolean queued = nextId == -1 || taskId >= nextId;
            if (queued && !cancelled.contains(taskId)) {
                return SchedulerTask.PENDING;
            }
            return SchedulerTask.UNKNOWN; // done: its end record tells how
        }
    }

    void cancel(TaskList tasks) {
        synchronized (this) {
            cancelled = cancelled.union(tasks);
        }
        for (Map.Entry<Long, Process> entry : running.entrySet()) {
            if (tasks.contains(entry.getKey())) {
                entry.getValue().destroy(); // SIGTERM: the wrapper stops its task group and records it
            }
        }
    }


    /** Every worker has stopped: no task of this pool will start or run any more. */
    boolean isDone() {
        return finished.getCount() == 0;
    }

    /** Waits until every worker has stopped, or the timeout passed. */
    boolean awaitDone(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    private void work() {
        try {
            long id;
            while ((id = take()) > 0) {
                try {
                    if (!isCancelled(id)) {
                        runTask(id);
                    }
                } finally {
                    synchronized (this) {
                        taken.remove(id);
                    }
                }
            }
        } finally {
            finished.countDown();
            if (finished.getCount() == 0) {
                timers.shutdownNow();
            }
        }
    }

    private synchronized long take() {
        if (!queue.hasNext()) {
            nextId = Long.MAX_VALUE;
            return -1;
        }
        long id = queue.nextLong();
        taken.add(id);
        nextId = id + 1;
        return id;
    }

    private synchronized boolean isCancelled(long id) {
        refreshCancels();
        return cancelled.contains(id);
    }

    /**
     * Cancels may come from another process (sweep cancel): re-read the records when their number
     * changed. Under the pool's lock, so no worker starts a task another one just learnt is cancelled.
     */
    private synchronized void refreshCancels() {
        String[] names = dir.cancelsDir().toFile().list();
        int count = names == null ? 0 : names.length;
        if (count == cancelRecordsSeen) {
            return;
        }
        TaskList fromRecords = TaskList.empty();
        for (var c : new SweepRecords(dir).cancellations()) {
            if (c.submission() == submission) {
                fromRecords = fromRecords.union(c.tasks());
            }
        }
        cancelled = cancelled.union(fromRecords);
        cancelRecordsSeen = count;
    }

    private void runTask(long id) {
        ProcessBuilder builder = new ProcessBuilder("bash", dir.wrapper().toString(), Integer.toString(submission),
                "0");
        builder.environment().put("SWEEP_ARRAY_INDEX", Long.toString(id));
        builder.environment().put("SWEEP_KILL_GRACE", Integer.toString(options.killGraceSeconds()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path log = dir.schedulerLogsDir().resolve(String.format("local-%06d.log", submission));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException e) {
            startFailures.put(id, "cannot start wrapper.sh: " + e.getMessage());
            return;
        }
        running.put(id, process);
        if (cancelled.contains(id)) {
            process.destroy(); // cancelled between the check and the start
        }
        var timer = options.resources().durationSeconds() > 0
                ? timers.schedule(() -> timeOut(id, process), options.resources().durationSeconds(), TimeUnit.SECONDS)
                : null;
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            running.remove(id);
        }
    }

    /** The time limit: warn (USR1), then stop (TERM); the wrapper records a timeout. */
    private void timeOut(long id, Process process) {
        if (!process.isAlive()) {
            return;
        }
        timedOut.put(id, true);
        signal(process.pid(), "USR1");
        // Bash may run a TERM trap before a USR1 trap that arrived just before it: wait until the
        // wrapper marked the warning, so that it records a timeout, not a cancel.
        Path warned = dir.statusDir().resolve(id + "." + StatusFiles.attemptCount(dir, id) + ".warned");
        for (int i = 0; i < 250 && process.isAlive() && !Files.exists(warned); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroy();
        // The wrapper kills the task group after its grace period; make sure the wrapper goes too.
        timers.schedule(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }, options.killGraceSeconds() + 5L, TimeUnit.SECONDS);
    }

    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the process is gone or kill is missing: nothing left to signal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
