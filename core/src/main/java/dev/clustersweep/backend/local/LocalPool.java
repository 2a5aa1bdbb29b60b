package dev.clustersweep.backend.local;

import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local backend's scheduler for one submission: {@code workers} pool workers ({@code bash
 * wrapper.sh --pool SUBMISSION}, one long-lived shell each) take task ids in increasing order, one
 * at a time. A worker runs each task itself (or, with a set-up or a footer, in a subshell of its
 * own), so a task costs a fork or two, not a new bash parsing wrapper.sh (see wrapper.sh, "the pool
 * worker"). Every stop is a stop request first ({@link StopRequest}), then a signal.
 * Ids are taken from the task list's iterator, so a million-task submission holds no per-task
 * objects beyond the running ones.
 *
 * <p>A task is RUNNING once its wrapper said "started" (its traps set, its attempt recorded): before
 * that it is still pending, and a stop sent to it then would have nothing to record.
 */
final class LocalPool {

    private final SweepDirectory dir;
    private final int submission;
    private final LaunchOptions options;
    private final PrimitiveIterator.OfLong queue;
    /** Started tasks, by id: who takes each one's stop signals (the pid its start record names). */
    private final Map<Long, Started> running = new ConcurrentHashMap<>();
    /**
     * Held while a signal is sent to a running task and while a task leaves {@link #running}: a
     * worker is handed its next task only after its last one left, so no signal meant for one task
     * reaches a worker that has moved on to the next.
     */
    private final Object signals = new Object();
    /** Handed to a worker and not started yet. */
    private final Set<Long> taken = ConcurrentHashMap.newKeySet();
    private final Map<Long, Boolean> timedOut = new ConcurrentHashMap<>();
    private final Map<Long, String> startFailures = new ConcurrentHashMap<>();
    private final CountDownLatch finished;
    private final ScheduledExecutorService timers;
    private final int workers;
    private final LocalSlots slots;
    private boolean started;
    private volatile long nextId;
    private volatile TaskList cancelled = TaskList.empty();
    private int cancelRecordsSeen = -1;
    /** Tasks a later submission holds (see {@link #isHeldLater}), and the submission records they are from. */
    private TaskList heldLater = TaskList.empty();
    private int submissionRecordsSeen = -1;

    /** @param slots shared by the pools of one sweep: at most that many of their tasks at once */
    LocalPool(SweepDirectory dir, int submission, TaskList tasks, LaunchOptions options, int workers,
            LocalSlots slots) {
        this.dir = dir;
        this.submission = submission;
        this.options = options;
        this.queue = tasks.iterator();
        this.nextId = queue.hasNext() ? -1 : Long.MAX_VALUE;
        this.finished = new CountDownLatch(workers);
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("sweep-local-timer"));
        this.workers = workers;
        this.slots = slots;
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
            return new Snapshot(Set.copyOf(running.keySet()), Set.copyOf(taken), nextId, cancelled,
                    Set.copyOf(timedOut.keySet()), Map.copyOf(startFailures));
        }
    }

    record Snapshot(Set<Long> running, Set<Long> taken, long nextId, TaskList cancelled, Set<Long> timedOut,
            Map<Long, String> startFailures) {

        SchedulerTask lookup(long taskId) {
            if (running.contains(taskId)) {
                return SchedulerTask.RUNNING;
            }
            String failure = startFailures.get(taskId);
            if (failure != null) {
                return SchedulerTask.error(failure);
            }
            if (timedOut.contains(taskId)) {
                return SchedulerTask.ended(TaskState.TIMEOUT, null, "killed at the time limit");
            }
            boolean queued = taken.contains(taskId) || nextId == -1 || taskId >= nextId;
            if (queued && !cancelled.contains(taskId)) {
                return SchedulerTask.PENDING;
            }
            return SchedulerTask.UNKNOWN; // done, or cancelled before it started: the records tell how
        }
    }

    void cancel(TaskList tasks) {
        synchronized (this) {
            cancelled = cancelled.union(tasks);
        }
        // A task taken but not started yet is stopped as soon as its wrapper says it started.
        running.forEach((id, task) -> {
            if (tasks.contains(id)) {
                stop(id, task);
            }
        });
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
        Worker worker = null;
        try {
            long id;
            while ((id = take()) > 0) {
                try {
                    slots.acquire(); // before the cancel check: a cancel may come while it waits
                    try {
                        if (isCancelled(id) || isHeldLater(id)) {
                            continue;
                        }
                        if (worker == null) {
                            worker = Worker.start(dir, submission, options);
                        }
                        if (!runTask(worker, id)) {
                            worker.stop();
                            worker = null; // it died under the task: the next task gets a new one
                        }
                    } finally {
                        slots.release();
                    }
                } catch (IOException e) {
                    startFailures.put(id, "cannot start the local pool's wrapper.sh: " + e.getMessage());
                    if (worker != null) {
                        worker.stop(); // gone (a broken pipe): the next task gets a new one
                        worker = null;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    synchronized (this) {
                        taken.remove(id);
                    }
                }
            }
        } finally {
            if (worker != null) {
                worker.stop();
            }
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
     * Whether a later submission holds the task: another process took the run on (a Jenkins agent's
     * new connection, whose loop submitted again the tasks it found this pool's process had left)
     * while this pool still runs, in a process it thought gone. The task is theirs now: not run twice.
     * The records are read again only when their number changed.
     */
    private synchronized boolean isHeldLater(long id) {
        String[] names = dir.submissionsDir().toFile().list();
        int count = names == null ? 0 : names.length;
        if (count != submissionRecordsSeen) {
            TaskList later = TaskList.empty();
            for (var s : new SweepRecords(dir).submissions()) {
                if (s.number() > submission) {
                    later = later.union(s.tasks());
                }
            }
            heldLater = later;
            submissionRecordsSeen = count;
        }
        return heldLater.contains(id);
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

    /**
     * Hands one task to the worker and follows it to its end. False when the worker is gone (it
     * died, or its output made no sense), so that the caller starts another.
     */
    private boolean runTask(Worker worker, long id) throws IOException {
        worker.send(id);
        ScheduledFuture<?> timer = null;
        boolean started = false;
        try {
            while (true) {
                String line = worker.readLine();
                if (line == null) {
                    if (!started) {
                        startFailures.put(id, "the local pool's wrapper.sh ended before task " + id + " started; see "
                                + worker.log());
                    }
                    return false;
                }
                String[] words = line.split(" ");
                if (words.length != (words[0].equals("started") ? 4 : 3) || !words[1].equals(Long.toString(id))) {
                    startFailures.putIfAbsent(id, "the local pool's wrapper.sh said '" + line + "' for task " + id);
                    return false;
                }
                if (words[0].equals("started")) {
                    Started task = new Started(Long.parseLong(words[2]), Integer.parseInt(words[3]));
                    synchronized (this) {
                        running.put(id, task);
                        taken.remove(id);
                    }
                    started = true;
                    if (isCancelled(id)) { // also a `sweep cancel` from another process meanwhile
                        stop(id, task); // cancelled while the worker was starting it
                    }
                    long limit = options.resources().durationSeconds();
                    if (limit > 0) {
                        timer = timers.schedule(() -> timeOut(id, task), limit, TimeUnit.SECONDS);
                    }
                } else if (words[0].equals("ended")) {
                    if (!started) {
                        // Misuse or an unwritable sweep directory: the message is in the worker's log.
                        startFailures.put(id, "wrapper.sh exited " + words[2] + " before task " + id + " started; see "
                                + worker.log());
                    }
                    return true;
                } else {
                    startFailures.putIfAbsent(id, "the local pool's wrapper.sh said '" + line + "' for task " + id);
                    return false;
                }
            }
        } catch (NumberFormatException e) {
            startFailures.putIfAbsent(id, "the local pool's wrapper.sh gave a bad pid for task " + id);
            return false;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            synchronized (signals) {
                running.remove(id);
            }
        }
    }

    /** The time limit: warn (USR1), then stop (TERM); the wrapper records a timeout. */
    private void timeOut(long id, Started task) {
        synchronized (signals) {
            if (!task.equals(running.get(id))) {
                return;
            }
            timedOut.put(id, true);
            signal(task.pid(), "USR1");
        }
        // Bash may run a TERM trap before a USR1 trap that arrived just before it: wait until the
        // wrapper marked the warning, so that it records a timeout, not a cancel.
        Path warned = dir.statusDir().resolve(id + "." + task.attempt() + ".warned");
        for (int i = 0; i < 250 && running.containsKey(id) && !Files.exists(warned); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop(id, task);
        // The wrapper kills the task group after its grace period; make sure the wrapper goes too.
        timers.schedule(() -> {
            synchronized (signals) {
                if (task.equals(running.get(id))) {
                    ProcessHandle.of(task.pid()).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }, options.killGraceSeconds() + 5L, TimeUnit.SECONDS);
    }

    /**
     * Stops a started task, if it still runs: its stop request, then SIGTERM to whoever takes its
     * signals, which stops the task's process group and records the stop.
     */
    private void stop(long id, Started task) {
        synchronized (signals) {
            if (task.equals(running.get(id))) {
                StopRequest.write(dir, id, task.attempt());
                ProcessHandle.of(task.pid()).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    /** A started task: the pid its start record names (a wrapper, or the worker running it itself) and its attempt. */
    private record Started(long pid, int attempt) {
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

    /** One {@code bash wrapper.sh --pool SUBMISSION}: ids go to its stdin, its lines come back. */
    private record Worker(Process process, OutputStream in, BufferedReader out, Path log) {

        static Worker start(SweepDirectory dir, int submission, LaunchOptions options) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", dir.wrapper().toString(), "--pool",
                    Integer.toString(submission));
            builder.environment().put("SWEEP_KILL_GRACE", Integer.toString(options.killGraceSeconds()));
            Path log = dir.schedulerLogsDir().resolve(String.format("local-%06d.log", submission));
            Files.createDirectories(log.getParent());
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            return new Worker(process, process.getOutputStream(),
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)),
                    log);
        }

        void send(long id) throws IOException {
            in.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        }

        String readLine() {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }

        /** End of input: the worker exits after its task (there is none running when we get here). */
        void stop() {
            try {
                in.close();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
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
