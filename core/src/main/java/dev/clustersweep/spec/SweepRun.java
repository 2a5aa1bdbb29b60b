package dev.clustersweep.spec;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.grid.Prelaunch;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A sweep run from a {@link SweepSpec}, in steps a caller can spread over time (and over a Jenkins
 * controller restart): {@link #launch} writes the grid and submits it, {@link #advance} polls and
 * relaunches unsuccessful tasks while retries are left, {@link #cancel} stops what is active.
 * Every step starts from the sweep directory alone, so any process on the machine that holds the
 * directory can take the next one; only small {@link SweepSummary summaries} come back.
 *
 * <p>A run starts afresh: a sweep directory left by an earlier run of the same job name is deleted
 * (a Jenkins build has archived it), unless it still has active tasks, which is an error.
 *
 * <p>The number of retries used is the number of submissions after the first, read from the
 * directory, so a caller persists nothing but the work directory, the job name and the limit.
 *
 * <p>Local backend: its pool of task threads lives in the process that launched, so polls in that
 * process must ask the same {@link Sweep} object, kept here until the next launch of the same
 * directory replaces it (a fresh object in a live launcher would take cancelled tasks that never
 * started for PENDING). From another process the engine tells states from the records and the
 * wrappers' pids.
 */
public final class SweepRun {

    private static final Map<SweepDirectory, Sweep> OPEN = new ConcurrentHashMap<>();

    private SweepRun() {
    }

    /**
     * Validates, writes {@code jobs.json} for the grid (as {@code sweep prelaunch} would), and
     * launches {@code spec.tasks()} (or every task). Nothing is written or submitted when the spec or
     * the defaults are bad.
     */
    public static SweepSummary launch(Path workDir, SweepSpec spec, SweepDefaults defaults)
            throws IOException, BackendException {
        LaunchOptions options = spec.launchOptions(defaults); // checks backend, memory, duration first
        SweepDirectory dir = new SweepDirectory(workDir, spec.jobName());
        Sweep previous = sweep(dir);
        if (previous.exists()) {
            if (!new SweepRecords(dir).submissions().isEmpty()) {
                SweepStatus status = previous.status();
                if (status.active() > 0) {
                    throw new BadInputException("sweep '" + spec.jobName() + "' in " + dir.root() + " still has "
                            + status.active() + " active task(s) " + status.activeIds()
                            + " from an earlier run: expected them to end first, or another jobName");
                }
            }
            deleteTree(dir.root());
        }
        Sweep sweep = Sweep.open(workDir, spec.jobName());
        OPEN.put(dir, sweep);
        new Prelaunch(spec.gridSpec(), dir.jobFile(), false, true).run(workDir, new PrintStream(OutputStream.nullOutputStream()));
        TaskList tasks = spec.taskList();
        sweep.launch(new LaunchRequest(null, null, tasks, false, options, false));
        return summary(sweep, null);
    }

    /** The sweep's state now. */
    public static SweepSummary poll(Path workDir, String jobName) throws BackendException {
        return summary(sweep(new SweepDirectory(workDir, jobName)), null);
    }

    /**
     * Polls; when every task has ended, some unsuccessfully, and fewer than {@code retries} retries
     * were used, relaunches the tasks that ended FAILED, TIMEOUT, LOST or ERROR (with the saved
     * settings) and says so in {@link SweepSummary#relaunchedIds()}. CANCELLED tasks are not retried:
     * someone stopped them on purpose. A finished summary without relaunched ids is the end.
     */
    public static SweepSummary advance(Path workDir, String jobName, int retries) throws BackendException, IOException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        Sweep sweep = sweep(dir);
        SweepStatus status = sweep.status();
        int submissions = new SweepRecords(dir).submissions().size();
        TaskList retry = retryable(status);
        if (!status.isFinished() || retry.isEmpty() || submissions - 1 >= retries) {
            return summary(sweep, status, null);
        }
        LaunchOptions saved = sweep.savedOptions();
        if (saved == null) {
            throw new BadInputException("sweep '" + jobName + "' has no saved settings in " + dir.settingsFile()
                    + ": expected a sweep launched by this run");
        }
        var result = sweep.launch(new LaunchRequest(null, null, retry, true, saved, false));
        return summary(sweep, result.tasks().isEmpty() ? null : result.tasks().toString());
    }

    private static TaskList retryable(SweepStatus status) {
        TaskList.Builder ids = TaskList.builder();
        for (TaskStatus task : status.tasks()) {
            if (task.state().isUnsuccessful() && task.state() != TaskState.CANCELLED) {
                ids.add(task.id());
            }
        }
        return ids.build();
    }

    /** Cancels every active task (pending ones never start, running ones are stopped). */
    public static SweepSummary cancel(Path workDir, String jobName) throws BackendException, IOException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        Sweep sweep = sweep(dir);
        if (sweep.exists()) {
            sweep.cancel(null);
        }
        return summary(sweep, null);
    }

    /**
     * Launches and waits, relaunching for retries, telling {@code log} a line each time the counts
     * change: the whole run in one call, for callers that may block (tests, a freestyle build step).
     */
    public static SweepResult run(Path workDir, SweepSpec spec, SweepDefaults defaults, PollPolicy policy,
            Consumer<String> log) throws IOException, BackendException, InterruptedException {
        ProgressLine progress = new ProgressLine();
        SweepSummary summary = launch(workDir, spec, defaults);
        log.accept("launched " + summary.tasks() + " task(s) of sweep '" + spec.jobName() + "' on " + summary.backend());
        long interval = policy.initialMillis();
        boolean polled = false; // the launch's own summary never ends the run: advance decides on retries
        while (spec.await()) {
            String line = progress.next(summary);
            if (line != null) {
                log.accept(line);
            }
            if (summary.relaunchedIds() != null) {
                log.accept("retry " + summary.retriesUsed() + " of " + spec.retries() + ": relaunched tasks "
                        + summary.relaunchedIds());
                interval = policy.initialMillis();
            } else if (summary.finished() && polled) {
                break;
            }
            if (!summary.finished()) {
                Thread.sleep(interval);
                interval = policy.next(interval);
            }
            summary = advance(workDir, spec.jobName(), spec.retries());
            polled = true;
        }
        return new SweepResult(summary, spec.failOn(), spec.await(), false);
    }

    /**
     * The files of a sweep worth keeping with a build: the jobfile, settings, scripts, submission and
     * cancel records, groups, status records and every log. Keys are archive paths under
     * {@code prefix} ({@code sweep/JOBNAME/logs/3.1.out}), values are paths relative to the work
     * directory ({@code .sweep/JOBNAME/logs/3.1.out}), '/'-separated.
     */
    public static Map<String, String> artifacts(Path workDir, String jobName, String prefix) throws IOException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir.root())) {
            return files;
        }
        String base = prefix.endsWith("/") || prefix.isEmpty() ? prefix : prefix + "/";
        try (Stream<Path> walk = Files.walk(dir.root())) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                Path inSweep = dir.root().relativize(file);
                String first = inSweep.getName(0).toString();
                if (first.equals("commands") || file.equals(dir.launchLock()) || first.startsWith(".")) {
                    return; // commands/ repeats jobs.json; the lock is empty; temporary files are half-written
                }
                String relative = slashes(dir.workDir().relativize(file));
                files.put(base + slashes(inSweep), relative);
            });
        }
        return files;
    }

    /**
     * Writes every launched task's state as tab-separated lines (header first): {@code id state exit
     * attempts attempt submission host start end detail}, empty fields for unknowns. For a page that
     * shows large sweeps a screen at a time without holding them in memory.
     */
    public static void writeTaskTable(Path workDir, String jobName, OutputStream out) throws BackendException {
        SweepStatus status = sweep(new SweepDirectory(workDir, jobName)).status();
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("id\tstate\texit\tattempts\tattempt\tsubmission\thost\tstart\tend\tdetail\n");
            for (TaskStatus t : status.tasks()) {
                w.write(t.id() + "\t" + t.state() + "\t" + field(t.exitCode()) + "\t" + t.attempts() + "\t"
                        + t.attempt() + "\t" + t.submission() + "\t" + field(t.host()) + "\t" + field(t.start()) + "\t"
                        + field(t.end()) + "\t" + field(t.detail()) + "\n");
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Object value) {
        return value == null ? "" : value.toString().replace('\t', ' ').replace('\n', ' ');
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static Sweep sweep(SweepDirectory dir) {
        Sweep open = OPEN.get(dir);
        return open != null ? open : Sweep.open(dir.workDir(), dir.jobName());
    }

    private static SweepSummary summary(Sweep sweep, String relaunched) throws BackendException {
        return summary(sweep, sweep.status(), relaunched);
    }

    private static SweepSummary summary(Sweep sweep, SweepStatus status, String relaunched) {
        SweepDirectory dir = sweep.directory();
        var submissions = new SweepRecords(dir).submissions();
        String backend = submissions.isEmpty() ? null : submissions.get(submissions.size() - 1).backend();
        return SweepSummary.of(status, dir.root().toString(), backend, submissions.size(), relaunched);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
