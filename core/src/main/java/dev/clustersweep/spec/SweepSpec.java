package dev.clustersweep.spec;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.LaunchOptions;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.backend.Resources;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.grid.Grid;
import dev.clustersweep.grid.GridArg;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole sweep in one value: the grid (what {@code sweep prelaunch} takes), where and how it runs
 * (what {@code sweep launch} takes) and what to do when it ends. This is the vocabulary of the
 * Jenkins step {@code clusterSweep} and of spec files; it uses only JDK types and our own, so it can
 * travel to a Jenkins agent.
 *
 * <p>Names of {@code args}, {@code flags}, {@code tag} and {@code tagArgs}: in {@code argparse} mode
 * a name that does not start with {@code -} gets {@code --} in front ({@code lr} is {@code --lr});
 * in {@code hydra} mode names are used as written ({@code lr=0.1}). An arg with an empty list of
 * values is a switch present in every task, as {@code +arg NAME} with no values.
 *
 * <p>Resource fields left null take the {@link SweepDefaults}, then the engine's defaults.
 *
 * @param tag the argument that receives each task's tag, or null for no tag
 * @param tasks a task list ({@code 1-3,7}) to run only those tasks of the grid, or null for all
 * @param setup shell lines run before each task (after the site's header lines)
 * @param await wait for every task to end (false: return once submitted); the field is called {@code wait}
 * @param retries relaunch the unsuccessful tasks up to this many times
 */
public record SweepSpec(String command, String jobName, Map<String, List<String>> args, List<List<String>> posArgs,
        List<String> flags, String tag, List<String> tagArgs, boolean tagNumber, ArgMode argMode,
        String backend, Integer cpus, Integer gpus, String mem, String duration, String partition, String account,
        String qos, String constraint, String exclude, String nodelist, String queue, Integer signalBefore,
        List<String> extraOptions, Integer maxTasks, Integer tasksPerNode, Integer maxTasksPerNode, Integer killGrace,
        String tasks, String venv, String conda, Map<String, String> env, List<String> setup, boolean await,
        int retries, FailOn failOn) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The field names a step map or spec file may use, in the order the documentation lists them. */
    public static final List<String> FIELDS = List.of("command", "jobName", "args", "posArgs", "flags", "tag",
            "tagArgs", "tagNumber", "argMode", "backend", "cpus", "gpus", "mem", "duration", "partition", "account",
            "qos", "constraint", "exclude", "nodelist", "queue", "signalBefore", "extraOptions", "maxTasks",
            "tasksPerNode", "maxTasksPerNode", "killGrace", "tasks", "venv", "conda", "env", "setup", "wait",
            "retries", "failOn");

    public SweepSpec {
        if (command == null || command.isBlank()) {
            throw new BadInputException("missing command: expected the program every task runs, "
                    + "e.g. command: 'python train.py'");
        }
        if (jobName == null) {
            throw new BadInputException("missing jobName: expected the sweep's name (letters, digits, '.', '_', '-'), "
                    + "e.g. jobName: 'lr-sweep'");
        }
        SweepDirectory.checkJobName(jobName);
        args = frozenMap(args);
        posArgs = posArgs == null ? List.of() : Collections.unmodifiableList(posArgs.stream()
                .map(SweepSpec::frozen).toList());
        flags = frozen(flags);
        tagArgs = tagArgs == null ? null : frozen(tagArgs);
        argMode = argMode == null ? ArgMode.ARGPARSE : argMode;
        extraOptions = frozen(extraOptions);
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        setup = frozen(setup);
        failOn = failOn == null ? FailOn.FAILURE : failOn;
        if (retries < 0) {
            throw new BadInputException("bad retries '" + retries + "': expected a whole number of 0 or more");
        }
        if (backend != null) {
            Backends.check(backend);
        }
        if (mem != null) {
            Memory.parseMegabytes(mem);
        }
        if (duration != null) {
            Durations.parseSeconds(duration);
        }
        new EnvironmentSetup(List.of(), List.of(), venv, conda, env);
        GridSpec grid = toGridSpec(command, jobName, args, posArgs, flags, tag, tagArgs, tagNumber, argMode);
        long size = Grid.of(grid).size();
        if (size == 0) {
            throw new BadInputException("the grid of sweep '" + jobName + "' has no tasks: expected at least one");
        }
        if (tasks != null) {
            TaskList selected = TaskList.parse(tasks);
            if (selected.isEmpty()) {
                throw new BadInputException("bad tasks '" + tasks + "': expected at least one task id");
            }
            if (selected.last() > size) {
                throw new BadInputException("bad tasks '" + tasks + "': the grid has tasks 1-" + size
                        + ", so " + selected.minus(TaskList.range(1, size)) + " do not exist");
            }
        }
    }

    // ------------------------------------------------------------------ binding

    /** A spec from a Pipeline step's named arguments (or any map of them); see {@link #FIELDS}. */
    public static SweepSpec fromMap(Map<String, ?> values) {
        return of(canonical(values, null));
    }

    /** A spec from a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file. */
    public static SweepSpec fromFile(Path file) {
        return fromFile(file, Map.of());
    }

    /**
     * A spec file with step arguments on top: a field given in {@code overrides} replaces the file's
     * field as a whole (an {@code args} map replaces the file's {@code args}, it is not merged).
     */
    public static SweepSpec fromFile(Path file, Map<String, ?> overrides) {
        Map<String, Object> merged = canonical(SpecFiles.read(file), "spec file " + file.getFileName());
        merged.putAll(canonical(overrides, null));
        try {
            return of(merged);
        } catch (BadInputException e) {
            throw new BadInputException("spec file " + file.getFileName()
                    + (overrides.isEmpty() ? "" : " with step arguments") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the fields of a map (names and types) without requiring a whole spec: what a step can
     * check on its own when the rest comes from a spec file. Returns the values in canonical form
     * (strings, integers, booleans, lists and maps of strings: JDK types only), safe to send to a
     * Jenkins agent and to hand back to {@link #fromMap} or {@link #fromFile(Path, Map)} there.
     */
    public static LinkedHashMap<String, Object> checkFields(Map<String, ?> values) {
        LinkedHashMap<String, Object> out = canonical(values, null);
        out.replaceAll((k, v) -> v instanceof Enum<?> e ? e.name() : v);
        return out;
    }

    private static LinkedHashMap<String, Object> canonical(Map<String, ?> values, String source) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        if (values == null) {
            return out;
        }
        try {
            for (Map.Entry<String, ?> e : values.entrySet()) {
                String field = e.getKey();
                if (!FIELDS.contains(field)) {
                    throw new BadInputException("unknown field '" + field + "'" + suggestion(field)
                            + ": expected one of " + String.join(", ", FIELDS));
                }
                Object value = convert(field, e.getValue());
                if (value != null) {
                    out.put(field, value);
                }
            }
        } catch (BadInputException e) {
            throw source == null ? e : new BadInputException(source + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** One field in its canonical type, or null when not given. */
    private static Object convert(String field, Object value) {
        if (value == null) {
            return null;
        }
        switch (field) {
            case "command", "jobName", "backend", "mem", "duration", "partition", "account", "qos",
                    "constraint", "exclude", "nodelist", "queue", "venv", "conda" -> {
                String s = SpecValues.string(field, value);
                return field.equals("command") || field.equals("jobName") ? s : SweepDefaults.blankToNull(s);
            }
            case "args" -> {
                Map<String, List<String>> args = new LinkedHashMap<>();
                SpecValues.map(field, value).forEach((name, values) -> {
                    if (values == null) {
                        throw new BadInputException("bad args: '" + name + "' has no values (null): expected a list "
                                + "of values, or [] for a switch in every task");
                    }
                    args.put(name, SpecValues.strings("args '" + name + "'", values));
                });
                return args;
            }
            case "posArgs" -> {
                if (!(value instanceof List<?> list)) {
                    throw new BadInputException("bad posArgs " + SpecValues.describe(value)
                            + ": expected a list of value lists, e.g. posArgs: [['a.txt', 'b.txt']]");
                }
                List<List<String>> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    List<String> values = SpecValues.strings("posArgs item " + (i + 1), list.get(i));
                    if (values == null || values.isEmpty()) {
                        throw new BadInputException("bad posArgs item " + (i + 1)
                                + ": it has no values: expected at least one");
                    }
                    out.add(values);
                }
                return out;
            }
            case "flags", "tagArgs", "extraOptions" -> {
                return SpecValues.strings(field, value);
            }
            case "setup" -> {
                return SpecValues.lines(field, value);
            }
            case "tag" -> {
                if (value instanceof Boolean b) {
                    return b ? "--tag" : "";
                }
                String name = SpecValues.string(field, value);
                String t = name.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true")) {
                    return "--tag";
                }
                if (t.equals("false") || t.isEmpty()) {
                    return "";
                }
                return name;
            }
            case "tagNumber", "wait" -> {
                return SpecValues.bool(field, value);
            }
            case "argMode" -> {
                return ArgMode.named(SpecValues.string(field, value).trim().toLowerCase(Locale.ROOT));
            }
            case "cpus", "tasksPerNode", "killGrace" -> {
                return SpecValues.integer(field, value, 1);
            }
            case "gpus", "signalBefore", "maxTasks", "maxTasksPerNode", "retries" -> {
                return SpecValues.integer(field, value, 0);
            }
            case "tasks" -> {
                String list = value instanceof List<?> ids ? String.join(",", SpecValues.strings(field, ids))
                        : SpecValues.string(field, value);
                String trimmed = list.trim();
                if (trimmed.isEmpty()) {
                    return null;
                }
                try {
                    return TaskList.parse(trimmed).toString();
                } catch (BadInputException e) {
                    throw new BadInputException("bad tasks: " + e.getMessage(), e);
                }
            }
            case "env" -> {
                Map<String, String> env = new LinkedHashMap<>();
                SpecValues.map(field, value).forEach((name, v) -> {
                    EnvironmentSetup.checkName(name);
                    if (v == null) {
                        throw new BadInputException("bad env: " + name + " has no value (null): expected a value");
                    }
                    env.put(name, SpecValues.string("env " + name, v));
                });
                return env;
            }
            case "failOn" -> {
                return FailOn.named(SpecValues.string(field, value));
            }
            default -> throw new IllegalStateException(field);
        }
    }

    @SuppressWarnings("unchecked")
    private static SweepSpec of(Map<String, Object> v) {
        String tag = (String) v.get("tag");
        return new SweepSpec((String) v.get("command"), (String) v.get("jobName"),
                (Map<String, List<String>>) v.get("args"), (List<List<String>>) v.get("posArgs"),
                (List<String>) v.get("flags"), tag == null || tag.isEmpty() ? null : tag,
                (List<String>) v.get("tagArgs"), (Boolean) v.getOrDefault("tagNumber", true),
                (ArgMode) v.get("argMode"), (String) v.get("backend"), (Integer) v.get("cpus"),
                (Integer) v.get("gpus"), (String) v.get("mem"), (String) v.get("duration"),
                (String) v.get("partition"), (String) v.get("account"), (String) v.get("qos"),
                (String) v.get("constraint"), (String) v.get("exclude"), (String) v.get("nodelist"),
                (String) v.get("queue"), (Integer) v.get("signalBefore"), (List<String>) v.get("extraOptions"),
                (Integer) v.get("maxTasks"), (Integer) v.get("tasksPerNode"), (Integer) v.get("maxTasksPerNode"),
                (Integer) v.get("killGrace"), (String) v.get("tasks"), (String) v.get("venv"),
                (String) v.get("conda"), (Map<String, String>) v.get("env"), (List<String>) v.get("setup"),
                (Boolean) v.getOrDefault("wait", true), (Integer) v.getOrDefault("retries", 0),
                (FailOn) v.get("failOn"));
    }

    private static String suggestion(String field) {
        String best = null;
        int bestDistance = 3;
        String lower = field.toLowerCase(Locale.ROOT);
        for (String known : FIELDS) {
            if (lower.length() >= 3 && known.toLowerCase(Locale.ROOT).startsWith(lower)) {
                return " (did you mean '" + known + "'?)";
            }
        }
        for (String known : FIELDS) {
            int d = distance(field.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ conversion

    /** The grid, as {@code sweep prelaunch} would take it. */
    public GridSpec gridSpec() {
        return toGridSpec(command, jobName, args, posArgs, flags, tag, tagArgs, tagNumber, argMode);
    }

    /** The same grid as {@code sweep prelaunch} words ({@code +command ... +jobname ...}). */
    public List<String> prelaunchWords() {
        GridSpec g = gridSpec();
        List<String> words = new ArrayList<>(List.of("+command", g.command(), "+jobname", g.jobName()));
        words.add("+arg-mode");
        words.add(g.argMode() == ArgMode.HYDRA ? "hydra" : "argparse");
        for (List<String> values : g.posArgs()) {
            words.add("+pos-arg");
            words.addAll(values);
        }
        for (GridArg arg : g.args()) {
            words.add("+arg");
            words.add(arg.name());
            words.addAll(arg.values());
        }
        for (String flag : g.flags()) {
            words.add("+flag");
            words.add(flag);
        }
        if (g.tagged()) {
            words.add("+tag");
            words.add(g.tagName());
            if (g.tagArgs() != null) {
                words.add("+tag-args");
                words.addAll(g.tagArgs());
            }
            if (!g.tagNumber()) {
                words.add("+no-tag-number");
            }
        }
        return words;
    }

    private static GridSpec toGridSpec(String command, String jobName, Map<String, List<String>> args,
            List<List<String>> posArgs, List<String> flags, String tag, List<String> tagArgs, boolean tagNumber,
            ArgMode argMode) {
        ArgMode mode = argMode == null ? ArgMode.ARGPARSE : argMode;
        List<GridArg> gridArgs = new ArrayList<>();
        args.forEach((name, values) -> gridArgs.add(new GridArg(mode.optionName(name), values)));
        List<String> gridFlags = flags.stream().map(mode::optionName).toList();
        List<String> tagNames = tagArgs == null ? null : tagArgs.stream().map(mode::optionName).toList();
        String tagName = tag == null ? null : tag.equals("--tag") ? tag : mode.optionName(tag);
        return new GridSpec(command, jobName, gridArgs, posArgs, gridFlags, tagName, tagNames, tagNumber, mode);
    }


    public Grid grid() {
        return Grid.of(gridSpec());
    }

    /** The task ids to launch, or null for every task of the grid. */
    public TaskList taskList() {
        return tasks == null ? null : TaskList.parse(tasks);
    }

    public String backend(SweepDefaults defaults) {
        String name = backend != null ? backend : defaults.backend() != null ? defaults.backend() : "local";
        return Backends.check(name);
    }

    public Resources resources(SweepDefaults defaults) {
        String memText = mem != null ? mem : defaults.mem();
        String durationText = duration != null ? duration : defaults.duration();
        return new Resources(cpus != null ? cpus : defaults.cpus() != null ? defaults.cpus() : 1,
                gpus != null ? gpus : 0,
                memText == null ? 0 : Memory.parseMegabytes(memText),
                durationText == null ? 0 : Durations.parseSeconds(durationText),
                partition != null ? partition : defaults.partition(),
                account != null ? account : defaults.account(), qos, constraint, exclude, nodelist,
                queue != null ? queue : defaults.queue(), signalBefore == null ? 0 : signalBefore, extraOptions);
    }

    /** How to launch, as {@code sweep launch} options; the site's header and footer go around {@code setup}. */
    public LaunchOptions launchOptions(SweepDefaults defaults) {
        String name = backend(defaults);
        List<String> header = new ArrayList<>(defaults.header(name));
        header.addAll(setup);
        EnvironmentSetup environment = new EnvironmentSetup(header, defaults.footer(name), venv, conda, env);
        return new LaunchOptions(name, resources(defaults), maxTasks == null ? 0 : maxTasks,
                tasksPerNode == null ? 1 : tasksPerNode, maxTasksPerNode == null ? 0 : maxTasksPerNode, environment,
                killGrace == null ? 10 : killGrace);
    }

    private static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static Map<String, List<String>> frozenMap(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> copy.put(k, frozen(v)));
        }
        return Collections.unmodifiableMap(copy);
    }
}
