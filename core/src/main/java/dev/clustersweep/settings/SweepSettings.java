package dev.clustersweep.settings;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.launchers.Choice;
import dev.clustersweep.launchers.LauncherFinder;
import dev.clustersweep.launchers.LaunchersFile;
import dev.clustersweep.launchers.Requirements;
import dev.clustersweep.parts.PartSelection;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridArg;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.RegressionGate;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.sweep.Snapshot;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one sweep, as bound by {@link SettingsBinder}: only those given are held, in
 * canonical form (JDK types), and {@link #get} falls back on the default declared in
 * {@link Settings}. Immutable and serializable, so it can be saved, merged and sent to an agent.
 */
public final class SweepSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SweepSettings NONE = new SweepSettings(new LinkedHashMap<>());

    private final LinkedHashMap<String, Object> given;

    SweepSettings(LinkedHashMap<String, Object> given) {
        this.given = given;
    }

    /** The value given, or the setting's default. */
    public <T> T get(Setting<T> setting) {
        Object value = given.get(setting.name());
        return value == null ? setting.defaultValue() : setting.cast(value);
    }

    public boolean has(Setting<?> setting) {
        return given.containsKey(setting.name());
    }

    /** The settings given, by name, canonical: what a spec file would hold. */
    public Map<String, Object> given() {
        return Collections.unmodifiableMap(given);
    }

    /** These settings, with {@code lower}'s for those not given here. */
    public SweepSettings over(SweepSettings lower) {
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>(lower.given);
        merged.putAll(given);
        return new SweepSettings(merged);
    }

    /** These settings without {@code setting}: its default again. */
    public SweepSettings without(Setting<?> setting) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(given);
        copy.remove(setting.name());
        return new SweepSettings(copy);
    }

    /** These settings with one more (or another value; null removes it). */
    public <T> SweepSettings with(Setting<T> setting, T value) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(given);
        if (value == null) {
            copy.remove(setting.name());
        } else {
            copy.put(setting.name(), value);
        }
        return new SweepSettings(copy);
    }

    // ------------------------------------------------------------------ the grid

    /** A grid is given: a command to run, with or without swept arguments. */
    public boolean hasGrid() {
        return has(Settings.COMMAND);
    }

    /**
     * Checks what a whole sweep needs before anything is written: a command, a job name, a grid with
     * tasks, and a task list within it. Messages name settings in {@code caller}'s words.
     */
    public SweepSettings checkSweep(Caller caller) {
        if (!hasGrid()) {
            throw new BadInputException("missing " + caller.shown(Settings.COMMAND)
                    + ": expected the program every task runs, e.g. command: 'python train.py'");
        }
        if (!has(Settings.JOB_NAME)) {
            throw new BadInputException("missing " + caller.shown(Settings.JOB_NAME)
                    + ": expected the sweep's name (letters, digits, '.', '_', '-'), e.g. jobName: 'lr-sweep'");
        }
        long size = grid().size();
        if (size == 0) {
            throw new BadInputException("the grid of sweep '" + get(Settings.JOB_NAME)
                    + "' has no tasks: expected at least one");
        }
        if (has(Settings.REGRESSION_TOLERANCE) && !has(Settings.METRIC)) {
            throw new BadInputException(caller.shown(Settings.REGRESSION_TOLERANCE) + " needs "
                    + caller.shown(Settings.METRIC) + ": expected the metric the regression gate compares, e.g. metric: 'loss'");
        }
        TaskList tasks = taskList();
        if (tasks != null && tasks.last() > size) {
            throw new BadInputException("bad " + caller.shown(Settings.TASKS) + " '" + tasks + "': the grid has tasks 1-"
                    + size + ", so " + tasks.minus(TaskList.range(1, size)) + " do not exist");
        }
        return this;
    }

    /** The grid, as {@code sweep prelaunch} would take it. */
    public GridSpec gridSpec() {
        ArgMode mode = ArgMode.named(get(Settings.ARG_MODE));
        List<GridArg> gridArgs = new ArrayList<>();
        get(Settings.ARGS).forEach((name, values) -> gridArgs.add(new GridArg(mode.optionName(name), values)));
        List<String> flags = get(Settings.FLAGS).stream().map(mode::optionName).toList();
        List<String> tagArgs = get(Settings.TAG_ARGS);
        List<String> tagNames = tagArgs == null ? null : tagArgs.stream().map(mode::optionName).toList();
        String tag = get(Settings.TAG);
        String tagName = tag == null || tag.isEmpty() ? null : tag.equals("--tag") ? tag : mode.optionName(tag);
        return new GridSpec(get(Settings.COMMAND), get(Settings.JOB_NAME), gridArgs, get(Settings.POS_ARGS), flags,
                tagName, tagNames, get(Settings.TAG_NUMBER), mode);
    }

    public Grid grid() {
        return Grid.of(gridSpec());
    }

    /** With a search section: what the search runs, each sample a point added to this grid. */
    public dev.clustersweep.engine.SearchPlan searchPlan() {
        return new dev.clustersweep.engine.SearchPlan(gridSpec(), get(Settings.SEARCH));
    }


    /** The task ids to launch, or null for all of them. */
    public TaskList taskList() {
        String tasks = get(Settings.TASKS);
        return tasks == null ? null : TaskList.parse(tasks);
    }

    // ------------------------------------------------------------------ how tasks run

    /**
     * How to launch: these settings over the site's, the site's header and footer lines around
     * {@code setup}. What a relaunch repeats is this value, saved in the sweep's settings file.
     */
    public LaunchOptions launchOptions(SiteDefaults site) {
        SweepSettings s = over(site.settings());
        String backend = s.get(Settings.BACKEND);
        String mem = s.get(Settings.MEM);
        String duration = s.get(Settings.DURATION);
        Resources resources = new Resources(s.get(Settings.CPUS), s.get(Settings.GPUS),
                mem == null ? 0 : Memory.parseMegabytes(mem), duration == null ? 0 : Durations.parseSeconds(duration),
                s.get(Settings.PARTITION), s.get(Settings.ACCOUNT), s.get(Settings.QOS), s.get(Settings.CONSTRAINT),
                s.get(Settings.EXCLUDE), s.get(Settings.NODELIST), s.get(Settings.QUEUE), s.get(Settings.SIGNAL_BEFORE),
                s.get(Settings.EXTRA_OPTIONS));
        List<String> header = new ArrayList<>(site.header(backend));
        header.addAll(s.get(Settings.SETUP));
        EnvironmentSetup environment = new EnvironmentSetup(header, site.footer(backend), s.get(Settings.VENV),
                s.get(Settings.CONDA), s.get(Settings.ENV));
        return new LaunchOptions(backend, resources, s.get(Settings.MAX_TASKS), s.get(Settings.TASKS_PER_NODE),
                s.get(Settings.MAX_TASKS_PER_NODE), environment, s.get(Settings.KILL_GRACE));
    }

    /**
     * The launch these settings describe: the grid (when given) expanded into the sweep's jobfile,
     * the task list, and the launch options over the site's.
     */
    public LaunchRequest launchRequest(SiteDefaults site, boolean dryRun) {
        return new LaunchRequest(null, hasGrid() ? gridSpec() : null, taskList(), false, launchOptions(site), dryRun);
    }

    /**
     * What "best" means for the results: the metric and its direction, or null when no metric is
     * named. A search names its own (its section's metric and minimize) unless metric is given.
     */
    public Objective objective() {
        String metric = get(Settings.METRIC);
        if (metric == null && has(Settings.SEARCH)) {
            dev.clustersweep.search.SearchSettings search = dev.clustersweep.search.SearchSection.read(
                    get(Settings.SEARCH));
            return search.metric() == null ? null : new Objective(search.metric(), !search.minimize());
        }
        return metric == null ? null : new Objective(metric, get(Settings.MAXIMIZE));
    }

    /** The regression gate's tolerance, or null when the gate is off. */
    public RegressionGate.Tolerance regressionTolerance() {
        String text = get(Settings.REGRESSION_TOLERANCE);
        return text == null ? null : RegressionGate.Tolerance.parse(text);
    }

    // ------------------------------------------------------------------ where tasks run, chosen

    /** The launcher {@code requires} chooses from {@code launchers}, or null when it is not given. */
    public Choice launcherChoice(LaunchersFile launchers) {
        String requires = get(Settings.REQUIRES);
        return requires == null ? null
                : LauncherFinder.find(launchers, Requirements.parse(requires), get(Settings.LAUNCHER_TAGS));
    }

    /**
     * These settings over the chosen launcher's (backend, partition, qos, account, queue, cpus, gpus,
     * mem, duration): what is given by hand still wins. Unchanged when {@code choice} is null.
     */
    public SweepSettings withLauncher(Choice choice, Caller caller) {
        return choice == null ? this : over(SettingsBinder.bind(choice.settings(), caller));
    }

    /**
     * With {@link Settings#PARTS}: each part's tasks and the launcher its requirements chose, then the
     * other tasks with these settings; null without parts. The tasks' parameters come from the grid
     * when one is given, else from {@code jobFile}, else from the sweep's own jobfile in {@code dir}
     * (a relaunch). Refusals name the settings in {@code caller}'s words; nothing is written.
     */
    public PartsPlan partsPlan(LaunchersFile launchers, Path jobFile, SweepDirectory dir, Caller caller) {
        if (get(Settings.PARTS).isEmpty()) {
            return null;
        }
        if (has(Settings.SEARCH)) {
            throw new BadInputException(caller.shown(Settings.PARTS) + " with a " + caller.shown(Settings.SEARCH)
                    + ": expected one or the other (a search's samples run with the sweep's own settings)");
        }
        PartSelection.Tasks tasks;
        if (hasGrid()) {
            tasks = PartSelection.ofGrid(grid());
        } else if (jobFile != null) {
            tasks = PartSelection.ofJobFile(jobFile);
        } else if (dir != null && dev.clustersweep.io.FileProblems.exists(dir.jobFile())) {
            tasks = PartSelection.ofJobFile(dir.jobFile());
        } else {
            throw new BadInputException(caller.shown(Settings.PARTS) + " selects tasks by their parameters: expected "
                    + "the tasks (a command with its grid, a jobfile, or a sweep launched before)");
        }
        return PartsPlan.of(this, launchers, tasks, caller);
    }

    /**
     * The snapshot these settings ask for ({@link Settings#SNAPSHOT}), taken now into the sweep's
     * directory: refusals name the settings in the caller's words.
     */
    public Snapshot takeSnapshot(Path workDir, SweepDirectory dir, Caller caller) {
        return Snapshot.take(workDir, dir, get(Settings.SNAPSHOT), get(Settings.SNAPSHOT_DIRTY), caller.snapshotWords());
    }

    /**
     * These settings running from {@code taken}: a cd to the copy first in the setup lines, so that
     * relaunches, which keep the setup, run the same code.
     */
    public SweepSettings withSnapshot(Snapshot taken) {
        List<String> setup = new ArrayList<>(List.of(taken.cdLine()));
        setup.addAll(get(Settings.SETUP));
        return with(Settings.SETUP, setup);
    }

    public FailOn failOn() {
        return FailOn.valueOf(get(Settings.FAIL_ON));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepSettings other && other.given.equals(given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    @Override
    public String toString() {
        return given.toString();
    }
}
