package dev.clustersweep.spec;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepStatus;
import dev.clustersweep.grid.Prelaunch;
import dev.clustersweep.jobfile.JobFileIndex;
import dev.clustersweep.page.ActionPlan;
import dev.clustersweep.page.PageRequest;
import dev.clustersweep.page.Selection;
import dev.clustersweep.page.SweepPage;
import dev.clustersweep.page.SweepPages;
import dev.clustersweep.page.TaskAction;
import dev.clustersweep.page.TaskFilter;
import dev.clustersweep.page.TaskTableFile;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
    /** One page builder per sweep directory, so that its tag index outlives a request. */
    private static final Map<SweepDirectory, SweepPages> PAGES = new ConcurrentHashMap<>();

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
        // The grid and the task list too, before an earlier run's directory is deleted.
        long size = spec.grid().size();
        TaskList tasks = spec.taskList();
        if (tasks != null) {
            tasks.checkWithin(size);
        }
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
        PAGES.remove(dir);
        Sweep sweep = Sweep.open(workDir, spec.jobName());
        OPEN.put(dir, sweep);
        new Prelaunch(spec.gridSpec(), dir.jobFile(), false, true).run(workDir, new PrintStream(OutputStream.nullOutputStream()));
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
        return advance(workDir, jobName, retries, 1, null);
    }

    /**
     * {@link #advance(Path, String, int)} for a run that is not the sweep's first launch alone: a
     * relaunch of some tasks (in a later Jenkins build), or a run whose tasks were also relaunched by
     * hand. Retries used are the submissions after the first {@code base} ones, and the summary (and
     * what is retried) covers only {@code scope}.
     *
     * @param base submissions that do not count as retries (1 for a plain run, plus one per relaunch
     *     by hand; for a relaunch build, the number of submissions once its relaunch was submitted)
     * @param scope the tasks the run is about, or null for the whole sweep
     */
    public static SweepSummary advance(Path workDir, String jobName, int retries, int base, TaskList scope)
            throws BackendException, IOException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        Sweep sweep = sweep(dir);
        SweepStatus whole = sweep.status();
        SweepStatus status = scope == null ? whole : whole.only(scope);
        int submissions = new SweepRecords(dir).submissions().size();
        TaskList retry = retryable(status);
        if (!status.isFinished() || retry.isEmpty() || submissions - base >= retries) {
            if (whole.isFinished()) {
                OPEN.remove(dir); // nothing runs in this process any more: a long-lived agent keeps no handle
            }
            return summary(sweep, status, base, null);
        }
        LaunchOptions saved = sweep.savedOptions();
        if (saved == null) {
            throw new BadInputException("sweep '" + jobName + "' has no saved settings in " + dir.settingsFile()
                    + ": expected a sweep launched by this run");
        }
        var result = sweep.launch(new LaunchRequest(null, null, retry, true, saved, false));
        SweepStatus after = sweep.status();
        return summary(sweep, scope == null ? after : after.only(scope), base,
                result.tasks().isEmpty() ? null : result.tasks().toString());
    }

    /**
     * What a relaunch of some tasks of an existing sweep did, for a run that does only that (a
     * Jenkins build started by "Relaunch selected" on an earlier build's page).
     *
     * @param plan which of the asked tasks were launched again, which skipped (still active) and why
     * @param base submissions once the relaunch was submitted: pass it to
     *     {@link #advance(Path, String, int, int, TaskList)} with {@code plan.acted()} as the scope
     * @param summary the relaunched tasks just after the launch
     */
    public record Relaunch(ActionPlan plan, int base, SweepSummary summary) {
    }

    /**
     * Launches {@code ids} of the sweep already in {@code workDir/.sweep/jobName} again, with its own
     * jobs.json and saved settings, instead of starting afresh. Tasks still active are skipped (the
     * plan says so); tasks never launched are launched for the first time.
     *
     * @throws BadInputException when there is no such sweep there (deleted, or another machine), when
     *     an id is not in its jobs.json, or when every asked task is still active
     */
    public static Relaunch relaunch(Path workDir, String jobName, TaskList ids) throws BackendException, IOException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        Sweep sweep = existing(dir);
        SweepStatus status = sweep.status();
        TaskList selected = ids.checkWithin(sweep.jobIds());
        ActionPlan plan = ActionPlan.relaunch(selected, status);
        if (plan.nothingToDo()) {
            throw new BadInputException(plan.message());
        }
        perform(sweep, plan);
        int base = new SweepRecords(dir).submissions().size();
        return new Relaunch(plan, base, summary(sweep, sweep.status().only(plan.acted()), base, null));
    }

    /**
     * Resolves a selection made on the build page against the sweep and, unless {@code dryRun},
     * cancels or relaunches the tasks the plan acts on (a relaunch with the saved settings).
     *
     * @return the plan: what was (or would be) done and what was skipped
     * @throws BadInputException for a bad selection, or when the sweep directory is missing
     */
    public static ActionPlan act(Path workDir, String jobName, TaskAction action, Selection selection, boolean dryRun)
            throws BackendException, IOException {
        Sweep sweep = existing(new SweepDirectory(workDir, jobName));
        SweepStatus status = sweep.status();
        TaskList selected = selection.resolve(sweep.jobIds(), status);
        ActionPlan plan = ActionPlan.of(action, selected, status);
        if (!dryRun && !plan.nothingToDo()) {
            perform(sweep, plan);
        }
        return plan;
    }

    private static void perform(Sweep sweep, ActionPlan plan) throws BackendException, IOException {
        if (plan.action() == TaskAction.CANCEL) {
            sweep.cancel(plan.acted());
            return;
        }
        LaunchOptions saved = sweep.savedOptions();
        if (saved == null) {
            throw new BadInputException("sweep '" + sweep.directory().jobName() + "' has no saved settings in "
                    + sweep.directory().settingsFile() + ": expected a sweep launched before");
        }
        sweep.launch(new LaunchRequest(null, null, plan.acted(), false, saved, false));
    }

    /** One page of the build page's task table, from the sweep directory (tags read by offset index). */
    public static SweepPage page(Path workDir, String jobName, TaskFilter filter, PageRequest request)
            throws BackendException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        Sweep sweep = existing(dir);
        return PAGES.computeIfAbsent(dir, SweepPages::new).page(sweep.status(), filter, request);
    }

    private static Sweep existing(SweepDirectory dir) {
        Sweep sweep = sweep(dir);
        if (!sweep.exists()) {
            throw new BadInputException("no sweep '" + dir.jobName() + "' in " + dir.root()
                    + ": expected the sweep directory an earlier run left there; it was deleted (workspace wiped?) "
                    + "or this is another machine or working directory");
        }
        return sweep;
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
     * Writes every launched task's state and tag in the {@link TaskTableFile} format (header
     * {@code id state exit attempts attempt submission host start end detail tag}, after
     * {@code #jobName} and {@code #notLaunched} lines): what a Jenkins build keeps to show its page
     * once the sweep directory is gone. Tags are read by offset index, a batch at a time.
     */
    public static void writeTaskTable(Path workDir, String jobName, OutputStream out)
            throws BackendException, IOException {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        SweepStatus status = sweep(dir).status();
        TaskTableFile.write(status, new JobFileIndex(dir.jobFile())::tags, out);
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static Sweep sweep(SweepDirectory dir) {
        Sweep open = OPEN.get(dir);
        return open != null ? open : Sweep.open(dir.workDir(), dir.jobName());
    }

    private static SweepSummary summary(Sweep sweep, String relaunched) throws BackendException {
        return summary(sweep, sweep.status(), 1, relaunched);
    }

    /** {@code submissions} in the summary counts this run's own: those after the first {@code base}, plus one. */
    private static SweepSummary summary(Sweep sweep, SweepStatus status, int base, String relaunched) {
        SweepDirectory dir = sweep.directory();
        var submissions = new SweepRecords(dir).submissions();
        String backend = submissions.isEmpty() ? null : submissions.get(submissions.size() - 1).backend();
        return SweepSummary.of(status, dir.root().toString(), backend, Math.max(0, submissions.size() - base + 1),
                relaunched);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
