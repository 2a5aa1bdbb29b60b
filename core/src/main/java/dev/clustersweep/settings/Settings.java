package dev.clustersweep.settings;

import static dev.clustersweep.settings.Setting.Part.GRID;
import static dev.clustersweep.settings.Setting.Part.LAUNCH;
import static dev.clustersweep.settings.Setting.Part.RUN;

import dev.clustersweep.BadInputException;
import dev.clustersweep.launchers.Requirements;
import dev.clustersweep.parts.Part;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.results.MetricSyntax;
import dev.clustersweep.results.RegressionGate;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every sweep setting, declared once with its default: the one vocabulary of the command line, the
 * Pipeline step, the freestyle build step and spec files. {@link SettingsBinder} binds any of them;
 * nothing else lists the settings or writes a default. To add a setting, declare it here, add it to
 * {@link #ALL}, and follow the recipe in docs/architecture.md.
 */
public final class Settings {

    private Settings() {
    }

    // ------------------------------------------------------------------ the grid

    public static final Setting<String> COMMAND = new Setting<>("command", "--command", GRID, String.class, null,
            "CMD", "The program every task runs; on the command line, one command as a one-task sweep.",
            (shown, raw) -> {
                String s = SettingValues.string(shown, raw);
                if (s.isBlank()) {
                    throw new BadInputException("bad " + shown + " '" + s + "': expected a command line to run");
                }
                return s;
            });

    public static final Setting<String> JOB_NAME = new Setting<>("jobName", "--jobname", GRID, String.class, null,
            "NAME", "The sweep's name (letters, digits, '.', '_', '-'); its files are in .sweep/NAME.",
            (shown, raw) -> {
                String s = SettingValues.string(shown, raw).trim();
                SweepDirectory.checkJobName(s);
                return s;
            });

    public static final Setting<Map<String, List<String>>> ARGS = new Setting<>("args", null, GRID, Map.class,
            Map.of(), "MAP", "The swept arguments: name to list of values; every combination is one task.",
            (shown, raw) -> {
                Map<String, List<String>> args = new LinkedHashMap<>();
                SettingValues.map(shown, raw).forEach((name, values) -> {
                    if (values == null) {
                        throw new BadInputException("bad " + shown + ": '" + name + "' has no values (null): expected "
                                + "a list of values, or [] for a switch in every task");
                    }
                    args.put(name, SettingValues.strings(shown + " '" + name + "'", values));
                });
                return args;
            });

    public static final Setting<List<List<String>>> POS_ARGS = new Setting<>("posArgs", null, GRID, List.class,
            List.of(), "LISTS", "Swept positional arguments: a list of value lists, before the named ones.",
            (shown, raw) -> {
                if (!(raw instanceof List<?> list)) {
                    throw new BadInputException("bad " + shown + " " + SettingValues.describe(raw)
                            + ": expected a list of value lists, e.g. " + shown + ": [['a.txt', 'b.txt']]");
                }
                List<List<String>> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    List<String> values = SettingValues.strings(shown + " item " + (i + 1), list.get(i));
                    if (values == null || values.isEmpty()) {
                        throw new BadInputException("bad " + shown + " item " + (i + 1)
                                + ": it has no values: expected at least one");
                    }
                    out.add(values);
                }
                return out;
            });

    public static final Setting<List<String>> FLAGS = new Setting<>("flags", null, GRID, List.class, List.of(),
            "NAMES", "Switches swept on and off: each doubles the tasks, with and without it.",
            SettingValues::strings);

    public static final Setting<String> TAG = new Setting<>("tag", null, GRID, String.class, null, "NAME",
            "Give each task a unique tag argument: true for --tag, or the argument's name.",
            (shown, raw) -> {
                if (raw instanceof Boolean b) {
                    return b ? "--tag" : "";
                }
                String name = SettingValues.string(shown, raw);
                String t = name.trim().toLowerCase(Locale.ROOT);
                return t.equals("true") ? "--tag" : t.equals("false") || t.isEmpty() ? "" : name;
            });

    public static final Setting<List<String>> TAG_ARGS = new Setting<>("tagArgs", null, GRID, List.class, null,
            "NAMES", "Only these arguments' values go into the tag (default: all of them).", SettingValues::strings);

    public static final Setting<Boolean> TAG_NUMBER = new Setting<>("tagNumber", null, GRID, Boolean.class, true,
            null, "Put the task id into the tag.", SettingValues::bool);

    public static final Setting<String> ARG_MODE = new Setting<>("argMode", null, GRID, String.class, "argparse",
            "MODE", "How a name meets its value: argparse (--lr 0.1) or hydra (lr=0.1).",
            (shown, raw) -> {
                String mode = SettingValues.string(shown, raw).trim().toLowerCase(Locale.ROOT);
                ArgMode.named(mode);
                return mode;
            });

    public static final Setting<Map<String, Object>> SEARCH = new Setting<>("search", null, GRID, Map.class, null,
            "SECTION", "Sample the tasks instead of a grid: optimizer (grid, random or cem), metric, minimize, "
                    + "samples, parallel, seed and params with their distributions (docs/search.md).",
            (shown, raw) -> {
                Map<String, Object> section = plainCopy(SettingValues.map(shown, raw));
                dev.clustersweep.search.SearchSection.read(section); // refused here, before anything runs
                return section;
            });

    // ------------------------------------------------------------------ where and how tasks run

    public static final Setting<String> BACKEND = new Setting<>("backend", "--backend", LAUNCH, String.class, "local",
            "NAME", "Where tasks run: local, slurm or gridengine.",
            (shown, raw) -> Backends.check(SettingValues.string(shown, raw).trim()));

    public static final Setting<Integer> CPUS = whole("cpus", "--cpus", 1, 1, "N", "CPUs per array element.");

    public static final Setting<Integer> GPUS = whole("gpus", "--gpus", 0, 0, "N", "GPUs per array element.");

    public static final Setting<String> MEM = new Setting<>("mem", "--mem", LAUNCH, String.class, null, "SIZE",
            "Memory per array element: 500M, 4G (bare number: GB).",
            (shown, raw) -> checked(raw, shown, Memory::parseMegabytes));

    public static final Setting<String> DURATION = new Setting<>("duration", "--duration", LAUNCH, String.class, null,
            "TIME", "Time limit per element: D-HH:MM:SS, HH:MM:SS, or 90s, 30m, 2h; the task ends TIMEOUT.",
            (shown, raw) -> checked(raw, shown, Durations::parseSeconds));

    public static final Setting<String> PARTITION = name("partition", "Slurm partition.");
    public static final Setting<String> ACCOUNT = name("account", "Slurm account.");
    public static final Setting<String> QOS = name("qos", "Slurm quality of service.");
    public static final Setting<String> CONSTRAINT = name("constraint", "Slurm node features.");
    public static final Setting<String> EXCLUDE = name("exclude", "Slurm nodes to avoid.");
    public static final Setting<String> NODELIST = name("nodelist", "Slurm nodes to use.");
    public static final Setting<String> QUEUE = name("queue", "Grid Engine queue.");

    public static final Setting<String> REQUIRES = new Setting<>("requires", "--requires", LAUNCH, String.class, null,
            "EXPR", "What each task needs, e.g. 'duration=4h & cuda(mem=16G) * 2 & cpu(cores=4, mem=8G)': the matching"
            + " launcher of highest weight gives the backend and its options (docs/launchers.md).",
            (shown, raw) -> {
                String text = SiteDefaults.blankToNull(SettingValues.string(shown, raw));
                try {
                    return text == null ? null : Requirements.parse(text).text();
                } catch (BadInputException e) {
                    throw new BadInputException(e.getMessage().replaceFirst("^bad requirements ", "bad " + shown + " "), e);
                }
            });

    public static final Setting<List<String>> LAUNCHER_TAGS = new Setting<>("launcherTags", "--tags", LAUNCH,
            List.class, List.of(), "TAG", "With requires: choose only among launchers that have this tag (repeatable).",
            SettingValues::strings);

    public static final Setting<List<String>> PARTS = new Setting<>("parts", "--part", LAUNCH, List.class, List.of(),
            "SEL:EXPR", "Resources per part of the sweep, e.g. 'model=large & lr=0.1|0.01: cuda() * 2': the tasks"
            + " whose parameters match SEL need EXPR (as requires) and run as an array of their own; the first"
            + " matching part wins, the other tasks use the sweep's own settings (repeatable; docs/launchers.md).",
            (shown, raw) -> {
                List<String> texts = SettingValues.strings(shown, raw);
                List<String> parts = new ArrayList<>();
                for (String text : texts) {
                    if (text.isBlank()) {
                        continue;
                    }
                    try {
                        parts.add(Part.parse(text).text());
                    } catch (BadInputException e) {
                        throw new BadInputException(e.getMessage().replaceFirst("^bad part ", "bad " + shown + " "), e);
                    }
                }
                return parts;
            });

    public static final Setting<String> SNAPSHOT = name("snapshot", "REF", "Run the tasks from a copy of this commit"
            + " or branch (HEAD: the current one) of the git repository here, kept in the sweep's directory.");

    public static final Setting<Boolean> SNAPSHOT_DIRTY = new Setting<>("snapshotDirty", "--snapshot-dirty", LAUNCH,
            Boolean.class, false, null, "With snapshot HEAD: include uncommitted changes instead of refusing them.",
            SettingValues::bool);

    public static final Setting<Integer> SIGNAL_BEFORE = whole("signalBefore", "--signal-before", 0, 0, "SECONDS",
            "Warn the wrapper this long before the time limit (Slurm --signal=B:USR1@N).");

    public static final Setting<List<String>> EXTRA_OPTIONS = new Setting<>("extraOptions", "--extra", LAUNCH,
            List.class, List.of(), "OPTION", "Pass this option to sbatch or qsub as it is (repeatable).",
            SettingValues::strings);

    public static final Setting<Integer> MAX_TASKS = whole("maxTasks", "--max-tasks", 0, 0, "N",
            "At most N array elements at once (0: the backend's default; local: cores / cpus).");

    public static final Setting<Integer> TASKS_PER_NODE = whole("tasksPerNode", "--tasks-per-node", 1, 1, "N",
            "Pack N tasks into each array element (run on one node by multiwrapper.sh).");

    public static final Setting<Integer> MAX_TASKS_PER_NODE = whole("maxTasksPerNode", "--max-tasks-per-node", 0, 0,
            "N", "At most N of an element's packed tasks at once (0: all of them).");

    public static final Setting<Integer> KILL_GRACE = whole("killGrace", "--kill-grace", 10, 1, "SECONDS",
            "After a cancel or time limit, seconds between SIGTERM and SIGKILL of a task's processes.");

    public static final Setting<String> TASKS = new Setting<>("tasks", "--tasklist", LAUNCH, String.class, null,
            "LIST", "Only these task ids, e.g. 1-3:1,5,8-9 (a relaunch of them when they ran before).",
            (shown, raw) -> {
                String list = raw instanceof List<?> ids ? String.join(",", SettingValues.strings(shown, ids))
                        : SettingValues.string(shown, raw);
                if (list.isBlank()) {
                    return null;
                }
                try {
                    TaskList parsed = TaskList.parse(list.trim());
                    if (parsed.isEmpty()) {
                        throw new BadInputException("'" + list + "': expected at least one task id");
                    }
                    return parsed.toString();
                } catch (BadInputException e) {
                    throw new BadInputException("bad " + shown + ": " + e.getMessage(), e);
                }
            });

    public static final Setting<String> VENV = name("venv", "PATH", "Activate this Python virtualenv before each task.");

    public static final Setting<String> CONDA = name("conda", "ENV", "Activate this conda environment before each task.");

    public static final Setting<Map<String, String>> ENV = new Setting<>("env", "--env", LAUNCH, Map.class, Map.of(),
            "NAME=VALUE", "Set this environment variable for each task (repeatable).",
            (shown, raw) -> {
                Map<String, String> env = new LinkedHashMap<>();
                SettingValues.map(shown, raw).forEach((name, v) -> {
                    EnvironmentSetup.checkName(name);
                    if (v == null) {
                        throw new BadInputException("bad " + shown + ": " + name + " has no value (null): expected a value");
                    }
                    env.put(name, SettingValues.string(shown + " " + name, v));
                });
                return env;
            });

    public static final Setting<List<String>> SETUP = new Setting<>("setup", "--setup", LAUNCH, List.class, List.of(),
            "LINE", "A shell line each task runs first, after the site's header lines (repeatable).",
            SettingValues::lines);

    // ------------------------------------------------------------------ around the tasks

    public static final Setting<Boolean> WAIT = new Setting<>("wait", "--wait", RUN, Boolean.class, true, null,
            "Wait for every task to end (the command line waits only when asked, or for the local backend).",
            SettingValues::bool);

    public static final Setting<Integer> RETRIES = whole("retries", "--retries", RUN, 0, 0, "N",
            "Relaunch tasks that ended FAILED, TIMEOUT, LOST or ERROR up to N times (implies waiting).");

    public static final Setting<Integer> MAX_RESUMES = whole("maxResumes", "--max-resumes", RUN, 0, 0, "N",
            "Relaunch a task that exits with the resume code up to N times, as new attempts with the earlier logs "
                    + "kept (cluster_utils' exit_for_resume; implies waiting).");

    public static final Setting<Integer> RESUME_CODE = new Setting<>("resumeCode", "--resume-code", RUN,
            Integer.class, 3, "CODE", "The exit code by which a task asks to be continued (with maxResumes).",
            (shown, raw) -> {
                int code = SettingValues.integer(shown, raw, 1);
                if (code > 255) {
                    throw new dev.clustersweep.BadInputException("bad " + shown + " '" + code
                            + "': expected an exit code from 1 to 255");
                }
                return code;
            });

    public static final Setting<String> FAIL_ON = new Setting<>("failOn", null, RUN, String.class, "FAILURE", "RESULT",
            "What unsuccessful tasks make of the build: FAILURE or UNSTABLE.",
            (shown, raw) -> FailOn.named(SettingValues.string(shown, raw)).name());

    // ------------------------------------------------------------------ what the tasks reported

    public static final Setting<String> METRIC = new Setting<>("metric", null, RUN, String.class, null, "NAME",
            "The metric to rank tasks by (as sweep results --metric): the build keeps the best task, its trends "
                    + "plot it, the regression gate compares it.",
            (shown, raw) -> {
                String name = SiteDefaults.blankToNull(SettingValues.string(shown, raw));
                if (name != null && !MetricSyntax.isName(name.trim())) {
                    throw new BadInputException("bad " + shown + " '" + name + "': expected a metric name of letters, "
                            + "digits, '_', '.', '-' or '/', starting with a letter or '_' (e.g. loss, val/acc)");
                }
                return name == null ? null : name.trim();
            });

    public static final Setting<Boolean> MAXIMIZE = new Setting<>("maximize", null, RUN, Boolean.class, false, null,
            "The largest value of metric is best (as sweep results --maximize; default: the smallest, --minimize).",
            SettingValues::bool);

    public static final Setting<String> REGRESSION_TOLERANCE = new Setting<>("regressionTolerance", null, RUN,
            String.class, null, "AMOUNT", "Mark the build when metric's best value is worse than the last successful "
                    + "build's by more than this: absolute (0.02) or relative to that value (5%).",
            (shown, raw) -> {
                String text = SiteDefaults.blankToNull(SettingValues.string(shown, raw));
                if (text == null) {
                    return null;
                }
                try {
                    return RegressionGate.Tolerance.parse(text).text();
                } catch (BadInputException e) {
                    throw new BadInputException(e.getMessage().replaceFirst("^bad regressionTolerance ", "bad " + shown + " "), e);
                }
            });

    public static final Setting<String> REGRESSION_RESULT = new Setting<>("regressionResult", null, RUN, String.class,
            "UNSTABLE", "RESULT", "What a regression makes of the build: UNSTABLE or FAILURE.",
            (shown, raw) -> {
                try {
                    return RegressionGate.resultNamed(SettingValues.string(shown, raw));
                } catch (BadInputException e) {
                    throw new BadInputException(e.getMessage().replaceFirst("^bad regressionResult ", "bad " + shown + " "), e);
                }
            });

    /** Every setting, in the order help texts and the documentation list them. */
    public static final List<Setting<?>> ALL = List.of(COMMAND, JOB_NAME, ARGS, POS_ARGS, FLAGS, TAG, TAG_ARGS,
            TAG_NUMBER, ARG_MODE, BACKEND, CPUS, GPUS, MEM, DURATION, PARTITION, ACCOUNT, QOS, CONSTRAINT, EXCLUDE,
            NODELIST, QUEUE, REQUIRES, LAUNCHER_TAGS, PARTS, SNAPSHOT, SNAPSHOT_DIRTY, SIGNAL_BEFORE, EXTRA_OPTIONS, MAX_TASKS,
            TASKS_PER_NODE, MAX_TASKS_PER_NODE, KILL_GRACE, TASKS, VENV, CONDA, ENV, SETUP, WAIT, RETRIES, MAX_RESUMES,
            RESUME_CODE, FAIL_ON,
            METRIC, MAXIMIZE, REGRESSION_TOLERANCE, REGRESSION_RESULT, SEARCH);

    private static final Map<String, Setting<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Setting<?> s : ALL) {
            BY_NAME.put(s.name(), s);
        }
    }

    /**
     * A section as plain data (maps, lists, text, numbers, booleans): what a YAML file or a Pipeline
     * map gave, in a form that is serializable and writes as JSON as it was read.
     */
    @SuppressWarnings("unchecked")
    private static <T> T plainCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plainCopy(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>();
            l.forEach(v -> out.add(plainCopy(v)));
            return (T) out;
        }
        if (value instanceof CharSequence c) {
            return (T) c.toString(); // a Groovy GString is not a String
        }
        return value;
    }

    /** The setting of this Pipeline / spec-file name, or null. */
    public static Setting<?> named(String name) {
        return BY_NAME.get(name);
    }

    /** The names, in {@link #ALL}'s order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    // ------------------------------------------------------------------ kinds of setting

    private static Setting<Integer> whole(String name, String option, int defaultValue, int min, String label,
            String description) {
        return whole(name, option, LAUNCH, defaultValue, min, label, description);
    }

    private static Setting<Integer> whole(String name, String option, Setting.Part part, int defaultValue, int min,
            String label, String description) {
        return new Setting<>(name, option, part, Integer.class, defaultValue, label, description,
                (shown, raw) -> SettingValues.integer(shown, raw, min));
    }

    /** A scheduler name or a path: a blank value is no value. */
    private static Setting<String> name(String name, String description) {
        return name(name, "NAME", description);
    }

    private static Setting<String> name(String name, String label, String description) {
        return new Setting<>(name, "--" + name, LAUNCH, String.class, null, label, description,
                (shown, raw) -> SiteDefaults.blankToNull(SettingValues.string(shown, raw)));
    }

    /** A text the engine parses (a size, a duration): checked now, kept as written. */
    private static String checked(Object raw, String shown, java.util.function.Function<String, Long> parser) {
        String text = SiteDefaults.blankToNull(SettingValues.string(shown, raw));
        if (text != null) {
            try {
                parser.apply(text);
            } catch (BadInputException e) {
                throw new BadInputException(e.getMessage().replaceFirst("^bad (memory size|duration) ", "bad " + shown + " "), e);
            }
        }
        return text;
    }
}
