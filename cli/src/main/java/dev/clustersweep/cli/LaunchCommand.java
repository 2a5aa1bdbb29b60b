package dev.clustersweep.cli;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.local.LocalBackend;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.LaunchResult;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.RunState;
import dev.clustersweep.engine.SearchPlan;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.search.ClusterUtilsSettings;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.PartsPlan;
import dev.clustersweep.settings.Setting;
import dev.clustersweep.settings.Settings;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.launchers.Choice;
import dev.clustersweep.sweep.Snapshot;
import dev.clustersweep.sweep.Submission;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.launchers.LaunchersFile;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SpecFile;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.tasks.TaskList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code sweep launch}. Its sweep settings (backend, resources, throttling, set-up, retries) are
 * not written here: {@link #addSettingOptions} makes one option of each setting the command line
 * has, from {@link Settings}, and {@link SettingsBinder} reads them, as it reads a spec file.
 */
@Command(name = "launch", sortOptions = false,
        description = {"Launch a sweep's tasks (all, a task list, or the failed ones) on a backend.",
                "The local backend runs the tasks here and waits for them; cluster backends submit job arrays"
                        + " and return, unless --wait or --retries."})
class LaunchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaitOptions waiting;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Take the sweep's settings from this YAML or JSON file (the Jenkins step's spec);"
                    + " options given here win over the file's.")
    Path specFile;

    @Option(names = "--jobfile", paramLabel = "PATH",
            description = "Take the tasks from this jobfile (onager's jobs.json works) instead of the sweep's own.")
    Path jobFile;

    @Option(names = "--failed", description = "Only tasks that ended FAILED, TIMEOUT, CANCELLED, LOST or ERROR.")
    boolean failed;

    @Option(names = {"--dry-run", "-d"}, description = "Print what would be submitted; submit and write nothing.")
    boolean dryRun;

    /** Short names kept from before the settings were one table. */
    private static final Map<String, String[]> ALIASES = Map.of("--tasklist", new String[] {"-t"},
            "--max-tasks", new String[] {"-max"});

    /** One option per setting the command line has, in the table's order, after the command's own. */
    static void addSettingOptions(CommandSpec launch) {
        for (Setting<?> setting : Settings.ALL) {
            if (setting.option() == null) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder(setting.option(), ALIASES.getOrDefault(setting.option(),
                    new String[0])).description(description(setting));
            if (setting.isSwitch()) {
                option.type(boolean.class).arity("0");
            } else if (setting.type() == List.class) {
                option.type(List.class).auxiliaryTypes(String.class).paramLabel(setting.label());
            } else if (setting.type() == Map.class) {
                option.type(Map.class).auxiliaryTypes(String.class, String.class).paramLabel(setting.label());
            } else {
                option.type(String.class).paramLabel(setting.label());
            }
            launch.addOption(option.build());
        }
    }

    private static String description(Setting<?> setting) {
        Object d = setting.defaultValue();
        boolean shown = d != null && !setting.isSwitch() && !(d instanceof List<?> l && l.isEmpty())
                && !(d instanceof Map<?, ?> m && m.isEmpty());
        return setting.description() + (shown ? " (default " + d + ")" : "");
    }

    /** {@code sweep search}: the same launch, for a spec with a search section. */
    boolean searchCommand() {
        return false;
    }

    /** {@code sweep search --resume}. */
    boolean resume() {
        return false;
    }

    /** {@code sweep search --settings FILE}: a cluster_utils hp_optimization settings file, or null. */
    Path clusterUtilsSettings() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        SweepSettings given = settings();
        PartsPlan parts = partsPlan(given);
        SweepSettings settings = parts != null ? parts.own() : chosen(given);
        if (clusterUtilsSettings() != null) {
            settings = withClusterUtilsSearch(settings, clusterUtilsSettings());
        }
        if (searchCommand() && !settings.has(Settings.SEARCH) && !resume()) {
            throw new BadInputException("sweep search needs a search section: expected --spec FILE with 'search:' "
                    + "(optimizer, metric, samples, params; see docs/search.md), or --resume --jobname NAME");
        }
        if (resume() || settings.has(Settings.SEARCH)) {
            if (parts != null) {
                throw new BadInputException("--part with a search: expected one or the other (a search's samples "
                        + "run with the sweep's own settings)");
            }
            return search(settings);
        }
        String jobName = settings.get(Settings.JOB_NAME);
        if (jobName == null) {
            throw new BadInputException("missing --jobname: expected the sweep's name, as given to prelaunch (+jobname)");
        }
        // A relaunch of a sweep's own tasks that says nothing of where or how they run: each goes back
        // to the settings of the submission that last ran it (its part's resources).
        Sweep existing = Sweep.open(Path.of("").toAbsolutePath(), jobName);
        boolean again = parts == null && jobFile == null && !settings.hasGrid() && !givesLaunchSettings(given)
                && existing.exists() && existing.savedOptions() != null;
        String backend = again ? existing.savedOptions().backend() : settings.get(Settings.BACKEND);
        // A relaunch goes back to each task's own submission: local when any of the sweep's was (the
        // latest launch's sweep.json may name another backend), so that this process waits for the
        // local tasks it runs and stops them on Ctrl-C.
        boolean local = parts != null ? parts.uses(LocalBackend.NAME, SiteDefaults.NONE)
                : LocalBackend.NAME.equals(backend) || (again && existing.submissions().stream()
                        .anyMatch(s -> LocalBackend.NAME.equals(s.backend())));
        if (parts != null && !local) {
            backend = parts.launches().get(0).settings().get(Settings.BACKEND);
        }
        // A bad --poll-max stops the launch before it submits; a local part polls as local tasks do.
        PollPolicy policy = waiting.pollPolicy(local ? LocalBackend.NAME : backend);
        boolean ownTasks = parts == null || parts.launches().stream().anyMatch(l -> l.part() == null);
        if (!again && ownTasks && !settings.has(Settings.BACKEND)) {
            throw new BadInputException("missing --backend: expected one of " + String.join(", ", Backends.names()));
        }
        if (jobFile != null && settings.hasGrid()) {
            throw new BadInputException("give either --jobfile or a command (--command, or a spec with command), "
                    + "not both");
        }
        if (failed && (jobFile != null || settings.hasGrid())) {
            throw new BadInputException("--failed relaunches a sweep's own tasks: expected no --jobfile, --command "
                    + "or spec command with it");
        }
        Snapshot taken = null;
        if (settings.has(Settings.SNAPSHOT) && !dryRun) {
            Path here = Path.of("").toAbsolutePath();
            taken = settings.takeSnapshot(here, new SweepDirectory(here, jobName), Caller.COMMAND_LINE);
            spec.commandLine().getOut().println("snapshot: commit " + taken.commit() + " in " + taken.dir());
            settings = settings.withSnapshot(taken);
            parts = parts == null ? null : parts.withSnapshot(taken);
        }
        GridSpec grid = settings.hasGrid() ? settings.gridSpec() : null;
        List<LaunchRequest> requests = parts != null ? parts.requests(SiteDefaults.NONE, jobFile, grid, failed, dryRun)
                : List.of(new LaunchRequest(jobFile, grid, settings.taskList(), failed,
                        again ? null : settings.launchOptions(SiteDefaults.NONE), dryRun));
        Sweep sweep = Sweep.open(Path.of("").toAbsolutePath(), jobName);
        PrintWriter out = spec.commandLine().getOut();
        // Registered before the launch so no moment is uncovered, but armed only with this launch's
        // own tasks, once recorded and before the first starts: a refused launch touches nothing.
        AtomicReference<TaskList> ours = new AtomicReference<>();
        int grace = again ? existing.savedOptions().killGraceSeconds() : settings.get(Settings.KILL_GRACE);
        Thread cancelOnExit = local && !dryRun ? cancelOnSignal(sweep, ours, grace) : null;
        SweepLoop loop = new SweepLoop(sweep, policy);
        SweepLoop.Started started;
        try {
            started = loop.start(requests, settings.get(Settings.RETRIES), false,
                    submission -> ours.updateAndGet(t -> t == null ? submission.tasks() : t.union(submission.tasks())));
        } catch (Exception e) {
            removeHook(cancelOnExit);
            if (taken != null && ours.get() == null) {
                taken.discard(); // a refused launch leaves nothing, not even the copy it made
            }
            throw e;
        }
        LaunchResult result = started.launch();
        if (!local || result.submission() == null) {
            removeHook(cancelOnExit);
        }
        if (result.tasks().isEmpty()) {
            out.println(failed ? "nothing to launch: no task of '" + jobName + "' ended unsuccessfully"
                    : "nothing to launch");
            return 0;
        }
        result.plan().forEach(out::println);
        if (dryRun) {
            return 0;
        }
        // One line per submission this launch made: one per part, or per part a relaunch went back to.
        for (Submission s : sweep.submissions()) {
            if (s.number() >= result.submission().number()) {
                out.println("submission " + s.number() + ": " + s.tasks().size() + " task(s) " + s.tasks()
                        + " of sweep '" + jobName + "' on " + s.backend()
                        + (s.part() == null ? "" : " (part '" + s.part() + "')"));
            }
        }
        if (!local && !settings.has(Settings.WAIT) && settings.get(Settings.RETRIES) == 0
                && settings.get(Settings.MAX_RESUMES) == 0) {
            return 0;
        }
        try {
            // This launch's tasks decide: a relaunch of three tasks succeeds when those three do.
            new Progress(out).follow(loop, started.state().withResumes(settings.get(Settings.MAX_RESUMES),
                    settings.get(Settings.RESUME_CODE)));
            if (!local) {
                out.println(sweep.backends().schedulerCalls() + " scheduler command(s) for "
                        + result.tasks().size() + " task(s)");
            }
            return StatusCommand.exitStatus(sweep.status().only(result.tasks()), out);
        } finally {
            removeHook(cancelOnExit);
        }
    }

    /**
     * The search of a cluster_utils settings file, as our search section, over the other settings;
     * its fields with no meaning here are named in one warning line.
     */
    private SweepSettings withClusterUtilsSearch(SweepSettings settings, Path file) {
        if (settings.has(Settings.SEARCH)) {
            throw new BadInputException("give the search either in the spec's search section or with --settings "
                    + file + ", not both");
        }
        Map<String, Object> content = SpecFile.read(file);
        ClusterUtilsSettings.read(content).warnings()
                .forEach(w -> spec.commandLine().getErr().println("sweep: warning: " + file + ": " + w));
        Map<String, Object> search = new LinkedHashMap<>();
        search.put(Settings.SEARCH.name(), ClusterUtilsSettings.section(content));
        return SettingsBinder.bind(search, Caller.SPEC_FILE).over(settings);
    }

    /**
     * A search: its first samples launched now, the next ones as results come in, followed until the
     * budget is spent (or, with --resume, going on from what the sweep's directory holds). Whatever
     * the backend, this process drives it: the turns ask the optimiser for the next samples.
     */
    private int search(SweepSettings settings) throws Exception {
        String jobName = settings.get(Settings.JOB_NAME);
        if (jobName == null) {
            throw new BadInputException("missing --jobname: expected the search's name (jobName in its spec)");
        }
        Path here = Path.of("").toAbsolutePath();
        Sweep sweep = Sweep.open(here, jobName);
        PrintWriter out = spec.commandLine().getOut();
        SweepLoop loop;
        RunState state;
        if (resume()) {
            if (!SearchPlan.exists(sweep.directory())) {
                throw new BadInputException("sweep '" + jobName + "' in " + sweep.directory().root()
                        + " is not a search: expected one started by 'sweep search --spec FILE'");
            }
            LaunchOptions saved = sweep.savedOptions();
            PollPolicy policy = waiting.pollPolicy(saved == null ? "local" : saved.backend());
            loop = new SweepLoop(sweep, policy);
            state = RunState.resuming(jobName, policy);
            out.println("resuming search '" + jobName + "'");
        } else {
            if (!settings.has(Settings.BACKEND)) {
                throw new BadInputException("missing --backend: expected one of " + String.join(", ", Backends.names()));
            }
            settings.checkSweep(Caller.COMMAND_LINE);
            if (dryRun || jobFile != null || failed) {
                throw new BadInputException("a search samples its own tasks: expected no --dry-run, --jobfile or "
                        + "--failed with it");
            }
            loop = new SweepLoop(sweep, waiting.pollPolicy(settings.get(Settings.BACKEND)));
            Snapshot taken = null;
            if (settings.has(Settings.SNAPSHOT)) {
                taken = settings.takeSnapshot(here, sweep.directory(), Caller.COMMAND_LINE);
                out.println("snapshot: commit " + taken.commit() + " in " + taken.dir());
                settings = settings.withSnapshot(taken);
            }
            AtomicReference<Submission> recorded = new AtomicReference<>();
            SweepLoop.Started started;
            try {
                started = loop.startSearch(settings.searchPlan(), settings.launchOptions(SiteDefaults.NONE), false,
                        recorded::set);
            } catch (Exception e) {
                if (taken != null && recorded.get() == null) {
                    taken.discard();
                }
                throw e;
            }
            state = started.state();
            out.println("search '" + jobName + "': " + started.launch().tasks().size() + " task(s) "
                    + started.launch().tasks() + " launched on " + settings.get(Settings.BACKEND));
        }
        new Progress(out).follow(loop, state.withResumes(settings.get(Settings.MAX_RESUMES),
                settings.get(Settings.RESUME_CODE)));
        return StatusCommand.exitStatus(sweep.status(), out);
    }

    /** Whether any setting of where and how tasks run is given, but the task list (and --tags alone). */
    private static boolean givesLaunchSettings(SweepSettings given) {
        for (Setting<?> s : Settings.ALL) {
            if (s.part() == Setting.Part.LAUNCH && s != Settings.TASKS && s != Settings.LAUNCHER_TAGS && given.has(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * With {@code --part}: each part's tasks and launcher, and the other tasks' settings (null
     * without parts); with {@code --dry-run} one line per part, its choice and why.
     */
    private PartsPlan partsPlan(SweepSettings given) {
        Path here = Path.of("").toAbsolutePath();
        String jobName = given.get(Settings.JOB_NAME);
        PartsPlan plan = given.partsPlan(LaunchersFile.forWorkDir(here), jobFile,
                jobName == null ? null : new SweepDirectory(here, jobName), Caller.COMMAND_LINE);
        if (plan != null && dryRun) {
            plan.lines().forEach(spec.commandLine().getOut()::println);
        }
        return plan;
    }

    /**
     * With {@code --requires}: the given settings over the chosen launcher's, and with
     * {@code --dry-run} the choice and why, before the plan.
     */
    private SweepSettings chosen(SweepSettings given) {
        Choice choice = given.launcherChoice(LaunchersFile.forWorkDir(Path.of("").toAbsolutePath()));
        if (choice != null && dryRun) {
            spec.commandLine().getOut().println(choice.describe());
        }
        return given.withLauncher(choice, Caller.COMMAND_LINE);
    }

    /** The options given, bound as settings, over the spec file's when there is one. */
    private SweepSettings settings() {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Object> given = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            if (setting.option() != null && parsed.hasMatchedOption(setting.option())) {
                given.put(setting.name(), parsed.matchedOption(setting.option()).getValue());
            }
        }
        SweepSettings options = SettingsBinder.bind(given, Caller.COMMAND_LINE);
        return specFile == null ? options : SettingsBinder.fromFile(specFile, options, Caller.COMMAND_LINE);
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
    private static Thread cancelOnSignal(Sweep sweep, AtomicReference<TaskList> ours, int killGrace) {
        Thread hook = new Thread(() -> {
            TaskList tasks = ours.get();
            if (tasks == null) {
                return;
            }
            try {
                sweep.cancel(tasks);
                sweep.awaitOwnTasks((killGrace + 5L) * 1000);
            } catch (Exception e) {
                System.err.println("sweep: could not cancel all tasks: " + e.getMessage());
            }
        }, "sweep-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
