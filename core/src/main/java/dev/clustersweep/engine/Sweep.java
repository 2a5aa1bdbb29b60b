package dev.clustersweep.engine;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Backend;
import dev.clustersweep.backend.BackendException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.PollRecords;
import dev.clustersweep.backend.SchedulerView;
import dev.clustersweep.backend.SubmitRequest;
import dev.clustersweep.config.SweepConfig;
import dev.clustersweep.io.AtomicFiles;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridFile;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.io.FileProblems;
import dev.clustersweep.jobfile.JobFile;
import dev.clustersweep.scripts.CommandChunks;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.scripts.WrapperScripts;
import dev.clustersweep.state.AttemptRecord;
import dev.clustersweep.state.StateRules;
import dev.clustersweep.state.SchedulerTask;
import dev.clustersweep.state.StatusReader;
import dev.clustersweep.state.TaskStatus;
import dev.clustersweep.sweep.Cancellation;
import dev.clustersweep.sweep.Launcher;
import dev.clustersweep.sweep.SchedulerJob;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.sweep.SweepJson;
import dev.clustersweep.sweep.SweepRecords;
import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One sweep and what can be done with it: launch (or relaunch) tasks, tell their states, cancel
 * them, wait for them. The command line and the Jenkins plugin both call this; it keeps no state of
 * its own beyond the backends' objects, so any process can pick a sweep up from its directory.
 */
public final class Sweep {

    private final SweepDirectory dir;
    private final SweepRecords records;
    private final Backends backends;
    private final SweepConfig config;
    private final StatusReader statusReader;
    private TaskList jobIds;
    private long jobIdsStamp = -1;
    private int dryRuns;

    public Sweep(SweepDirectory dir, SweepConfig config) {
        this.dir = dir;
        this.records = new SweepRecords(dir);
        this.backends = new Backends(dir);
        this.config = config;
        this.statusReader = new StatusReader(dir);
    }

    public static Sweep open(Path workDir, String jobName) {
        SweepDirectory dir = new SweepDirectory(workDir, jobName);
        return new Sweep(dir, SweepConfig.forWorkDir(dir.workDir()));
    }

    public SweepDirectory directory() {
        return dir;
    }

    public Backends backends() {
        return backends;
    }

    public boolean exists() {
        // Not Files.exists: it says false when .sweep cannot be searched, and the sweep is not absent.
        return FileProblems.exists(dir.jobFile()) || !records.submissions().isEmpty();
    }

    /** Launches (or relaunches) tasks; see {@link LaunchRequest}. */
    public LaunchResult launch(LaunchRequest request) throws BackendException, IOException {
        return launch(request, submission -> { });
    }

    /**
     * As {@link #launch(LaunchRequest)}, telling {@code recorded} of the submission once it is
     * recorded and before any local task starts: the moment a caller's Ctrl-C handler must cover.
     */
    public LaunchResult launch(LaunchRequest request, Consumer<Submission> recorded)
            throws BackendException, IOException {
        return launch(request, recorded, null);
    }

    /** As above; {@code grid}, when the tasks were expanded from one, is kept beside jobs.json. */
    private LaunchResult launch(LaunchRequest request, Consumer<Submission> recorded, GridSpec grid)
            throws BackendException, IOException {
        return launch(request, recorded, grid, null);
    }

    /** As above, for a submission the loop makes by itself ({@code cause}), or null. */
    private LaunchResult launch(LaunchRequest request, Consumer<Submission> recorded, GridSpec grid,
            Submission.Cause cause) throws BackendException, IOException {
        if (request.grid() != null) {
            // The grid becomes a jobfile outside the sweep (a dry run writes nothing in it), then is
            // launched like one: a relaunch of the same grid is a relaunch, another grid is refused.
            Path expanded = Files.createTempFile("sweep-grid-", ".json");
            try {
                JobFile.write(expanded, Grid.of(request.grid()).iterator());
                return launch(request.fromJobFile(expanded), recorded, request.grid(), cause);
            } finally {
                Files.deleteIfExists(expanded);
            }
        }
        if (request.options() == null) {
            return launchAgain(request, recorded, cause);
        }
        LaunchOptions options = request.options();
        Backend backend = backends.get(options.backend());
        Path source = request.jobFile() != null ? request.jobFile().toAbsolutePath().normalize() : dir.jobFile();
        boolean replacesJobs = !source.equals(dir.jobFile());
        if (!Files.exists(source)) {
            throw new BadInputException("no jobfile for sweep '" + dir.jobName() + "' at " + source
                    + ": expected its tasks first ('sweep prelaunch +jobname " + dir.jobName() + " ...', a jobfile or a grid)");
        }
        TaskList ids = JobFile.idsInOrder(source);
        if (ids.isEmpty()) {
            throw new BadInputException("jobfile " + source + " has no tasks: expected at least one");
        }
        TaskList selected = request.tasks() == null ? ids : checkWithin(request.tasks(), ids);
        // The configured header and footer are read before anything is written, dry run included:
        // a corrupt config.json refuses the launch instead of failing halfway through it.
        withConfig(options.environment(), options.backend());

        // A dry run writes nothing, not even the lock file.
        try (LaunchLock lock = request.dryRun() ? null : LaunchLock.take(dir, false)) {
            List<Submission> history = records.submissions();
            if (replacesJobs && !history.isEmpty() && !sameJobs(source)) {
                throw new BadInputException("sweep '" + dir.jobName() + "' was already launched with other tasks: "
                        + "expected another job name, or a relaunch of its own tasks");
            }
            if (!history.isEmpty()) {
                SweepStatus current = status();
                if (request.failedOnly()) {
                    selected = selected.intersect(current.unsuccessful());
                }
                refuseBusy(selected.intersect(current.activeIds()));
                checkSameSetUp(current.activeIds(), options);
            } else if (request.failedOnly()) {
                selected = TaskList.empty();
            }
            // Dry runs of several launches in a row (the parts of a sweep) would each be the next
            // submission: numbered as they would be submitted, one after the other.
            int number = records.nextSubmissionNumber() + (request.dryRun() ? dryRuns++ : 0);
            SubmitRequest submit = new SubmitRequest(dir, number, selected, options);
            if (selected.isEmpty()) {
                return new LaunchResult(selected, null, List.of());
            }
            if (request.dryRun()) {
                return new LaunchResult(selected, null, backend.plan(submit));
            }
            prepareOrUndo(source, options, grid);
            // Only what the scheduler accepted becomes the settings a relaunch repeats; written before
            // the submit, put in place after it, so a full disk refuses before anything is queued.
            // The submission's own copy is what a relaunch of its tasks repeats (a part's resources);
            // sweep.json stays the latest launch's, for the submissions made before the copies.
            try (AtomicFiles.Staged settings = AtomicFiles.stage(dir.settingsFile(),
                    out -> SweepJson.mapper().writeValue(out, options));
                    AtomicFiles.Staged own = AtomicFiles.stage(dir.submissionSettings(number),
                            out -> SweepJson.mapper().writeValue(out, options))) {
                List<SchedulerJob> jobs = backend.submit(submit);
                Submission submission = new Submission(number, backend.name(), System.currentTimeMillis(),
                        selected, Launcher.current(), jobs, cause, request.part());
                own.commit();
                records.write(submission);
                settings.commit();
                recorded.accept(submission);
                backend.recorded(submission);
                return new LaunchResult(selected, submission, backend.plan(submit));
            }
        }
    }

    /**
     * Writes what the wrappers read: jobs.json, the command chunks, the scripts and settings; and
     * the grid the tasks came from, if any, for results to name their parameters.
     */
    private void prepare(Path source, LaunchOptions options, GridSpec grid) throws IOException {
        if (!source.equals(dir.jobFile())) {
            Path target = dir.jobFile();
            AtomicFiles.write(target, out -> out.write(Files.readString(source)));
            // The grids beside a jobfile (another sweep's jobs.json) name its tasks' parameters; without
            // them results would read the parameters back from the commands, losing positional
            // arguments and flags. Grids of the jobs replaced no longer describe anything.
            Path grids = GridFile.beside(source);
            if (grid == null && FileProblems.exists(grids)) {
                AtomicFiles.write(GridFile.beside(target), out -> out.write(Files.readString(grids)));
            } else if (grid == null) {
                Files.deleteIfExists(GridFile.beside(target));
            }
        }
        if (grid != null) {
            GridFile.write(dir.jobFile(), List.of(new GridFile.Entry(1, grid)));
        }
        jobIds = null;
        try (var jobs = JobFile.open(dir.jobFile())) {
            CommandChunks.write(dir, jobs);
        }
        WrapperScripts.render(dir, withConfig(options.environment(), options.backend()));
    }

    /**
     * As {@link #prepare}, taking back what it created when it fails (a full disk, say): a refused
     * launch leaves no partial commands/ or scripts/ behind. What existed before stays.
     */
    private void prepareOrUndo(Path source, LaunchOptions options, GridSpec grid) throws IOException {
        List<Path> fresh = new ArrayList<>();
        for (Path p : List.of(dir.jobFile(), GridFile.beside(dir.jobFile()), dir.commandsDir(), dir.scriptsDir())) {
            if (!FileProblems.exists(p)) {
                fresh.add(p);
            }
        }
        try {
            prepare(source, options, grid);
        } catch (IOException | RuntimeException e) {
            for (Path p : fresh) {
                AtomicFiles.deleteTree(p);
            }
            jobIds = null;
            throw e;
        }
    }

    /**
     * Queued and running tasks read the one wrapper.sh by its path when they start: while any is
     * active, a launch must not change the set-up they were launched with.
     */
    private void checkSameSetUp(TaskList active, LaunchOptions options) throws IOException {
        if (active.isEmpty() || !Files.exists(dir.wrapper())) {
            return;
        }
        String wanted = WrapperScripts.wrapperText(dir, withConfig(options.environment(), options.backend()));
        if (!wanted.equals(Files.readString(dir.wrapper()))) {
            throw new BadInputException("sweep '" + dir.jobName() + "' has " + active.size() + " active task(s) ("
                    + active + ") set up otherwise (--venv, --conda, --env or the backend's header and footer): "
                    + "expected the same set-up until they end, or 'sweep cancel --jobname " + dir.jobName() + "'");
        }
    }

    /**
     * Refuses launches made together (the parts of a sweep) that would set their tasks up otherwise
     * (their backends' configured header and footer): they share the one wrapper.sh, which a later
     * part must not change under the earlier parts' queued tasks. Checked before the first submits.
     */
    /**
     * Refuses, before the first of them submits anything, launches made one after the other (the
     * parts of a sweep) that would each be refused on their own: parts with different set-ups
     * ({@link #checkOneSetUp}) or selected tasks still active. One at a time, the first part would be
     * queued before the second was refused.
     */
    public void checkLaunches(List<LaunchRequest> requests) throws BackendException {
        checkOneSetUp(requests);
        if (records.submissions().isEmpty()) {
            return;
        }
        TaskList asked = TaskList.empty();
        for (LaunchRequest r : requests) {
            if (!r.dryRun() && !r.failedOnly()) { // a failed task is not active
                asked = asked.union(r.tasks() != null ? r.tasks()
                        : FileProblems.exists(dir.jobFile()) ? jobIds() : TaskList.empty());
            }
        }
        if (!asked.isEmpty()) {
            refuseBusy(asked.intersect(status().activeIds()));
        }
    }

    private void refuseBusy(TaskList busy) {
        if (!busy.isEmpty()) {
            throw new BadInputException("sweep '" + dir.jobName() + "' still has " + busy.size()
                    + " active task(s) among those selected (" + busy + "): expected them to end first, "
                    + "or 'sweep cancel --jobname " + dir.jobName() + "'");
        }
    }

    public void checkOneSetUp(List<LaunchRequest> requests) {
        String first = null;
        String firstBackend = null;
        for (LaunchRequest r : requests) {
            if (r.options() == null) {
                continue;
            }
            String text = WrapperScripts.wrapperText(dir, withConfig(r.options().environment(), r.options().backend()));
            if (first == null) {
                first = text;
                firstBackend = r.options().backend();
            } else if (!first.equals(text)) {
                throw new BadInputException("the parts of sweep '" + dir.jobName() + "' run on " + firstBackend
                        + " and " + r.options().backend() + ", whose header and footer lines ('sweep config') differ:"
                        + " expected the same set-up for all parts, since their tasks share one wrapper.sh");
            }
        }
    }

    /** The backend's configured header and footer go around the launch's own set-up. */
    private EnvironmentSetup withConfig(EnvironmentSetup setup, String backend) {
        List<String> header = new ArrayList<>(lines(config.get(backend, "header")));
        header.addAll(setup.header());
        List<String> footer = new ArrayList<>(setup.footer());
        footer.addAll(lines(config.get(backend, "footer")));
        return new EnvironmentSetup(header, footer, setup.venv(), setup.conda(), setup.env());
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private boolean sameJobs(Path source) throws IOException {
        if (!Files.exists(dir.jobFile())) {
            return false;
        }
        return Files.mismatch(source, dir.jobFile()) == -1;
    }

    /**
     * Launches these tasks again (a retry, a resume, a relaunch asked on the build page), each with
     * the settings of the submission that last ran it, so a part's tasks keep their part's resources:
     * the sweep's own jobs.json, nothing else changed.
     */
    public LaunchResult relaunch(TaskList tasks) throws BackendException, IOException {
        return relaunch(tasks, null);
    }

    /** As {@link #relaunch(TaskList)}, recording why the loop made it ({@link Submission#cause}). */
    public LaunchResult relaunch(TaskList tasks, Submission.Cause cause) throws BackendException, IOException {
        return launch(new LaunchRequest(null, null, tasks, false, null, false), submission -> { }, null, cause);
    }

    /**
     * A launch of the sweep's own tasks with no settings of its own: each task goes back to the
     * settings of the submission that last ran it (its part's resources), one submission per part
     * and settings; tasks never launched take the latest launch's (sweep.json, which also stands in
     * for submissions made before each kept its own).
     */
    private LaunchResult launchAgain(LaunchRequest request, Consumer<Submission> recorded, Submission.Cause cause)
            throws BackendException, IOException {
        if (request.jobFile() != null || request.grid() != null) {
            throw new IllegalArgumentException("a launch of new tasks needs its settings");
        }
        LaunchOptions saved = savedOptions();
        if (saved == null || !FileProblems.exists(dir.jobFile())) {
            throw new BadInputException("sweep '" + dir.jobName() + "' has no saved settings in " + dir.settingsFile()
                    + ": expected a sweep launched before");
        }
        TaskList selected = request.tasks() == null ? jobIds() : checkWithin(request.tasks(), jobIds());
        if (request.failedOnly()) {
            selected = selected.intersect(status().unsuccessful());
        }
        record Key(String part, LaunchOptions options) {
        }
        Map<Key, TaskList> groups = new LinkedHashMap<>();
        TaskList left = selected;
        for (SweepRecords.Holding h : SweepRecords.holdings(records.submissions())) {
            TaskList mine = h.tasks().intersect(selected);
            if (!mine.isEmpty()) {
                LaunchOptions own = submissionOptions(h.submission().number());
                groups.merge(new Key(h.submission().part(), own == null ? saved : own), mine, TaskList::union);
                left = left.minus(mine);
            }
        }
        if (!left.isEmpty()) {
            groups.merge(new Key(null, saved), left, TaskList::union);
        }
        List<LaunchRequest> launches = new ArrayList<>();
        for (Map.Entry<Key, TaskList> g : groups.entrySet()) {
            launches.add(new LaunchRequest(null, null, g.getValue(), false, g.getKey().options(), request.dryRun(),
                    g.getKey().part()));
        }
        if (launches.size() > 1) {
            checkLaunches(launches); // all or none: no group submitted before another is refused
        }
        List<LaunchResult> results = new ArrayList<>();
        for (LaunchRequest r : launches) {
            results.add(launch(r, recorded, null, cause));
        }
        return results.isEmpty() ? new LaunchResult(TaskList.empty(), null, List.of()) : LaunchResult.of(results);
    }

    /** The settings a submission was made with, or null when it was made before they were kept. */
    public LaunchOptions submissionOptions(int number) {
        return readOptions(dir.submissionSettings(number));
    }

    /**
     * How many times each task was resumed: how many of the submissions the loop made to resume
     * tasks ({@link Submission.Cause#RESUME}) hold it. Only tasks resumed at least once are named.
     */
    public Map<Long, Integer> resumes() {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        for (Submission s : records.submissions()) {
            if (s.cause() == Submission.Cause.RESUME) {
                s.tasks().forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        }
        return counts;
    }

    /** The launch settings saved by the latest launch, for a relaunch with the same settings. */
    public LaunchOptions savedOptions() {
        return readOptions(dir.settingsFile());
    }

    private static LaunchOptions readOptions(Path file) {
        if (!FileProblems.exists(file)) {
            return null;
        }
        try {
            try (var in = Files.newInputStream(file)) { // a File would hide why it cannot be read
                return SweepJson.mapper().readValue(in, LaunchOptions.class);
            }
        } catch (IOException e) {
            throw FileProblems.reading(file, "the settings of a launch: JSON with backend, "
                    + "resources and environment, as a launch writes it", e);
        } catch (RuntimeException e) {
            throw FileProblems.corrupt(file, "the settings of a launch: JSON with backend, "
                    + "resources and environment, as a launch writes it", e);
        }
    }

    /** Every launched task's state: the schedulers are asked first (one call each), then the records read. */
    public SweepStatus status() throws BackendException {
        List<Submission> submissions = records.submissions();
        List<SweepRecords.Holding> holdings = SweepRecords.holdings(submissions);
        Map<String, List<Submission>> byBackend = new LinkedHashMap<>();
        for (SweepRecords.Holding h : holdings) {
            byBackend.computeIfAbsent(h.submission().backend(), b -> new ArrayList<>()).add(h.submission());
        }
        // Read once, after the polls, and shared with the cluster backends' views (PollRecords).
        PollRecords read = new PollRecords(statusReader::latestAttempts, records::cancellations);
        Map<String, SchedulerView> views = new LinkedHashMap<>();
        for (Map.Entry<String, List<Submission>> e : byBackend.entrySet()) {
            views.put(e.getKey(), backends.get(e.getKey()).poll(e.getValue(), read));
        }
        Map<Long, AttemptRecord> attempts = read.attempts();
        List<Cancellation> cancels = read.cancellations();
        List<TaskStatus> tasks = new ArrayList<>();
        TaskList launched = TaskList.empty();
        for (SweepRecords.Holding h : holdings) {
            Submission s = h.submission();
            SchedulerView view = views.get(s.backend());
            var ids = h.tasks().iterator();
            while (ids.hasNext()) {
                long id = ids.nextLong();
                SchedulerTask said = statusReader.remembered(id, s.number(), view.lookup(s, id));
                tasks.add(StateRules.derive(id, s.number(), said, attempts.get(id),
                        SweepRecords.cancelRequested(cancels, s.number(), id)));
            }
            launched = launched.union(h.tasks());
        }
        if (holdings.size() > 1) {
            tasks.sort(Comparator.comparingLong(TaskStatus::id));
        }
        long notLaunched = Files.exists(dir.jobFile()) ? jobIds().minus(launched).size() : 0;
        statusReader.save(); // last: a status refused on the way writes nothing
        return new SweepStatus(dir.jobName(), tasks, notLaunched);
    }

    /** Cancels these tasks (null: all active ones); returns the ids a cancel was sent for. */
    public TaskList cancel(TaskList tasks) throws BackendException, IOException {
        if (tasks != null && Files.exists(dir.jobFile())) {
            checkWithin(tasks, jobIds());
        }
        // Under the sweep's lock: cancel records are numbered like submissions, one writer at a time.
        try (LaunchLock lock = LaunchLock.take(dir, true)) {
            TaskList active = status().cancellableIds();
            TaskList selected = tasks == null ? active : tasks.intersect(active);
            for (SweepRecords.Holding h : SweepRecords.holdings(records.submissions())) {
                TaskList part = h.tasks().intersect(selected);
                if (!part.isEmpty()) {
                    // Recorded first (a pending element cancelled vanishes without a trace); taken back
                    // when the backend refuses, so the record only ever speaks of cancels sent.
                    Path record = records.write(new Cancellation(h.submission().number(), part,
                            System.currentTimeMillis()));
                    try {
                        backends.get(h.submission().backend()).cancel(h.submission(), part);
                    } catch (BackendException | RuntimeException e) {
                        Files.deleteIfExists(record);
                        throw e;
                    }
                }
            }
            return selected;
        }
    }

    /**
     * Clears the way for a fresh run under this sweep's name (a Jenkins build starts afresh: the
     * build before it archived its sweep): deletes the directory an earlier run left, unless some of
     * its tasks are still active.
     */
    public void clearFinished() throws BackendException, IOException {
        if (!Files.isDirectory(dir.root())) {
            return;
        }
        if (!records.submissions().isEmpty()) {
            SweepStatus status = status();
            if (status.active() > 0) {
                throw new BadInputException("sweep '" + dir.jobName() + "' in " + dir.root() + " still has "
                        + status.active() + " active task(s) " + status.activeIds()
                        + " from an earlier run: expected them to end first, or another job name");
            }
        }
        statusReader.forgetRun(); // first: a clear cut short must not leave the old run's cache
        try (var walk = Files.walk(dir.root())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        jobIds = null;
    }

    /** The submissions so far, in order. */
    public List<Submission> submissions() {
        return records.submissions();
    }

    /**
     * Waits up to {@code millis} for the tasks this process runs itself (the local backend's) to stop;
     * true when there were such tasks still running.
     */
    public boolean awaitOwnTasks(long millis) throws InterruptedException {
        return backends.awaitOwnTasks(millis);
    }

    /**
     * The pause between two polls: {@code millis}, or less when this process's own tasks (a local
     * pool) all stop meanwhile, so that a local run ends as soon as its last task does.
     */
    public void pause(long millis) throws InterruptedException {
        long start = System.currentTimeMillis();
        if (awaitOwnTasks(millis)) {
            return;
        }
        Thread.sleep(Math.max(0, millis - (System.currentTimeMillis() - start)));
    }

    /** The ids in the jobfile, cached while the file is unchanged. */
    public TaskList jobIds() {
        try {
            long stamp = Files.getLastModifiedTime(dir.jobFile()).toMillis() ^ Files.size(dir.jobFile());
            if (jobIds == null || stamp != jobIdsStamp) {
                jobIds = JobFile.ids(dir.jobFile());
                jobIdsStamp = stamp;
            }
            return jobIds;
        } catch (IOException e) {
            throw FileProblems.refused("read", dir.jobFile(), e);
        }
    }

    /** Refuses task ids the jobfile does not hold, as launch and cancel do; for status. */
    public TaskList checkInJobFile(TaskList tasks) {
        return FileProblems.exists(dir.jobFile()) ? checkWithin(tasks, jobIds()) : tasks;
    }

    private TaskList checkWithin(TaskList tasks, TaskList ids) {
        TaskList missing = tasks.minus(ids);
        if (!missing.isEmpty()) {
            throw new BadInputException("task list '" + tasks + "' is out of range: " + missing
                    + " not in the jobfile, which has tasks " + ids);
        }
        return tasks;
    }
}
