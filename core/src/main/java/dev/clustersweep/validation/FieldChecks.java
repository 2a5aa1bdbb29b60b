package dev.clustersweep.validation;

import dev.clustersweep.BadInputException;
import dev.clustersweep.backend.Durations;
import dev.clustersweep.backend.HumanDuration;
import dev.clustersweep.backend.Memory;
import dev.clustersweep.engine.Backends;
import dev.clustersweep.grid.ArgMode;
import dev.clustersweep.scripts.EnvironmentSetup;
import dev.clustersweep.shell.ShellQuote;
import dev.clustersweep.sweep.SweepDirectory;
import dev.clustersweep.tasks.TaskList;
import java.math.BigInteger;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * One check per field of the build wizard, for the form's live validation (the plugin's
 * {@code doCheckX} methods adapt a {@link FieldCheck} to a FormValidation). The rules themselves
 * stay with the core parsers (job names, backends, durations, memory, task lists, environment
 * names): a value they refuse is an ERROR carrying their one-line reason. What is added here are
 * WARNINGs for values that are valid but probably not what the user means.
 *
 * <p>Every method takes the text as the form posts it (null or blank for an empty field).
 */
public final class FieldChecks {

    /** Characters a shell would act on; scheduler names are passed as argv, so these reach it raw. */
    private static final String SHELL_CHARACTERS = "'\"$`\\;&|<>*?(){}[]!#~";

    private FieldChecks() {
    }

    // ---------------------------------------------------------------- the sweep

    public static FieldCheck jobName(String text) {
        if (blank(text)) {
            return FieldCheck.error("jobName.required");
        }
        return accepted(text, "jobName.bad", text, SweepDirectory::checkJobName);
    }

    /** Against the backends registered in this JVM ({@link Backends#names()}). */
    public static FieldCheck backend(String text) {
        if (blank(text)) {
            return FieldCheck.error("backend.required", String.join(", ", Backends.names()));
        }
        return accepted(text, "backend.unknown", text, Backends::check);
    }

    /**
     * The base command: required; warns when the swept arguments, appended at its end, would not
     * reach the program (a comment, a trailing operator, several lines).
     */
    public static FieldCheck command(String text) {
        if (blank(text)) {
            return FieldCheck.error("command.required");
        }
        String command = text.strip();
        if (command.indexOf('\n') >= 0) {
            return FieldCheck.warning("command.multiline", shown(text));
        }
        CommandScan scan = CommandScan.of(command);
        if (scan.comment()) {
            return FieldCheck.warning("command.comment", shown(text));
        }
        if (scan.trailingOperator() != null) {
            return FieldCheck.warning("command.trailingOperator", shown(text), scan.trailingOperator());
        }
        return FieldCheck.OK;
    }

    /** What a quote-aware walk over a one-line command finds. */
    private record CommandScan(boolean comment, String trailingOperator) {
        static CommandScan of(String command) {
            boolean comment = false;
            char quote = 0;
            boolean wordStart = true;
            int lastUnquoted = -1; // index of the last character outside quotes, not escaped
            for (int i = 0; i < command.length(); i++) {
                char c = command.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"') {
                        i++;
                    }
                    wordStart = false;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                    wordStart = false;
                } else if (c == '\\') {
                    i++;
                    wordStart = false;
                } else if (c == '#' && wordStart) {
                    comment = true;
                    break;
                } else {
                    wordStart = Character.isWhitespace(c) || ";&|()".indexOf(c) >= 0;
                    if (!Character.isWhitespace(c)) {
                        lastUnquoted = i;
                    }
                }
            }
            String operator = null;
            if (!comment && quote == 0 && lastUnquoted == command.length() - 1) {
                char last = command.charAt(lastUnquoted);
                if (";&|(".indexOf(last) >= 0) {
                    boolean doubled = lastUnquoted > 0 && command.charAt(lastUnquoted - 1) == last && last != '(';
                    operator = doubled ? "" + last + last : String.valueOf(last);
                }
            }
            if (!comment && quote == 0 && command.endsWith("\\") && !command.endsWith("\\\\")) {
                operator = "\\";
            }
            return new CommandScan(comment, operator);
        }
    }

    public static FieldCheck argMode(String text) {
        if (blank(text)) {
            return FieldCheck.OK;
        }
        return accepted(text.strip(), "argMode.bad", text, ArgMode::named);
    }

    // ---------------------------------------------------------------- the grid

    public static FieldCheck parameterName(String text) {
        if (blank(text)) {
            return FieldCheck.error("parameter.name.required");
        }
        return oneWord(text.strip(), "parameter.name");
    }

    /** A parameter's values text (see {@link ValuesText}). */
    public static FieldCheck parameterValues(String text) {
        return values(text, "values.none", "values.count");
    }

    /** One positional argument's values text; a blank row is ignored (see {@link WizardForm}). */
    public static FieldCheck positionalValues(String text) {
        return values(text, "positional.empty", "positional.count");
    }

    /** A values text: parsed as the grid will read it, warned when empty or oddly split over lines. */
    private static FieldCheck values(String text, String emptyKey, String countKey) {
        List<ValuesText.Word> words;
        try {
            words = ValuesText.words(text);
        } catch (BadInputException e) {
            return FieldCheck.error("values.bad", shown(text), e.getMessage());
        }
        if (words.isEmpty()) {
            return FieldCheck.warning(emptyKey, shown(text));
        }
        FieldCheck lines = severalPerLine(text, words);
        return lines != null ? lines : FieldCheck.okCounted(countKey, shown(text), words.size());
    }

    /**
     * Several lines, one of which holds several values: the user may have meant one value per
     * line, as in a Jenkins choice parameter.
     */
    private static FieldCheck severalPerLine(String text, List<ValuesText.Word> words) {
        if (words.get(words.size() - 1).line() == 1) {
            return null;
        }
        for (int i = 0; i < words.size(); ) {
            int line = words.get(i).line();
            int j = i;
            while (j < words.size() && words.get(j).line() == line) {
                j++;
            }
            if (j - i > 1) {
                return FieldCheck.warning("values.lines", shown(text), line, j - i);
            }
            i = j;
        }
        return null;
    }

    /** Switches swept on and off, as words; each doubles the tasks. */
    public static FieldCheck flags(String text) {
        List<String> flags;
        try {
            flags = ValuesText.parse(text);
        } catch (BadInputException e) {
            return FieldCheck.error("flags.bad", shown(text), e.getMessage());
        }
        if (flags.isEmpty()) {
            return FieldCheck.OK;
        }
        return FieldCheck.okCounted("flags.count", shown(text), flags.size(), BigInteger.ONE.shiftLeft(flags.size()));
    }

    /** The argument that takes each task's tag; blank is {@code --tag}. */
    public static FieldCheck tagName(String text) {
        if (blank(text)) {
            return FieldCheck.ok("tag.default");
        }
        return oneWord(text.strip(), "tag");
    }

    /**
     * The parameter names whose values go into the tag, as words; blank means all.
     *
     * @param parameterNames the names of the form's parameter rows, or null when not known
     */
    public static FieldCheck tagArgs(String text, List<String> parameterNames) {
        List<String> names;
        try {
            names = ValuesText.parse(text);
        } catch (BadInputException e) {
            return FieldCheck.error("tagArgs.bad", shown(text), e.getMessage());
        }
        if (parameterNames != null) {
            for (String name : names) {
                if (!parameterNames.contains(name)) {
                    return FieldCheck.error("tagArgs.unknown", shown(text), name, String.join(" ", parameterNames));
                }
            }
        }
        return FieldCheck.OK;
    }

    private static FieldCheck oneWord(String name, String keyPrefix) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return FieldCheck.error(keyPrefix + ".spaces", shown(name));
            }
        }
        if (!ShellQuote.isSafe(name)) {
            return FieldCheck.warning(keyPrefix + ".shell", shown(name));
        }
        return FieldCheck.OK;
    }

    // ---------------------------------------------------------------- which tasks

    /**
     * A task list such as {@code 1-3,5}; spaces and new lines may also separate items. Blank means
     * all tasks.
     *
     * @param taskCount the grid's size (ids 1..N), or null when not known
     */
    public static FieldCheck taskList(String text, Long taskCount) {
        if (blank(text)) {
            return FieldCheck.ok("tasks.all");
        }
        TaskList tasks;
        try {
            tasks = TaskList.parseTyped(text);
        } catch (BadInputException e) {
            return FieldCheck.error("tasks.bad", shown(text), e.getMessage());
        }
        if (taskCount != null) {
            try {
                tasks.checkWithin(taskCount);
            } catch (BadInputException e) {
                return FieldCheck.error("tasks.outOfRange", shown(text), e.getMessage());
            }
        }
        return FieldCheck.okCounted("tasks.count", shown(text), tasks.size());
    }

    // ---------------------------------------------------------------- resources

    public static FieldCheck cpus(String text) {
        return WholeNumber.CPUS.check(text);
    }

    public static FieldCheck gpus(String text) {
        return WholeNumber.GPUS.check(text);
    }

    public static FieldCheck maxTasks(String text) {
        return WholeNumber.MAX_TASKS.check(text);
    }

    public static FieldCheck tasksPerNode(String text) {
        return WholeNumber.TASKS_PER_NODE.check(text);
    }

    /** Warns when it exceeds the tasks packed per element, which caps it anyway. */
    public static FieldCheck maxTasksPerNode(String text, String tasksPerNode) {
        FieldCheck check = WholeNumber.MAX_TASKS_PER_NODE.check(text);
        if (check.isError() || blank(text) || WholeNumber.TASKS_PER_NODE.check(tasksPerNode).isError()) {
            return check;
        }
        long max = WholeNumber.MAX_TASKS_PER_NODE.parse(text);
        long packed = WholeNumber.TASKS_PER_NODE.parse(tasksPerNode);
        if (max > packed) {
            return FieldCheck.warning("maxTasksPerNode.aboveTasksPerNode", text.strip(), packed);
        }
        return check;
    }

    public static FieldCheck killGrace(String text) {
        return WholeNumber.KILL_GRACE.check(text);
    }

    public static FieldCheck signalBefore(String text) {
        return WholeNumber.SIGNAL_BEFORE.check(text);
    }

    /** Memory per array element; warns that a bare number is gigabytes (Slurm's is megabytes). */
    public static FieldCheck mem(String text) {
        return amount(text, "mem", "mem.default", Memory::parseMegabytes, megabytes -> megabytes);
    }

    /** Time limit per array element; warns that a bare number is minutes. */
    public static FieldCheck duration(String text) {
        return amount(text, "duration", "duration.none", Durations::parseSeconds, HumanDuration::format);
    }

    /**
     * A resource amount: {@code blank} when none is given, {@code KIND.bad} with the parser's words,
     * {@code KIND.bareNumber} for a number without a unit (whose unit is ours, not the scheduler's),
     * else {@code KIND.ok}; the last two with the amount as {@code shown} says it.
     */
    private static FieldCheck amount(String text, String kind, String blank, ToLongFunction<String> parse,
            LongFunction<Object> shown) {
        if (blank(text)) {
            return FieldCheck.ok(blank);
        }
        long amount;
        try {
            amount = parse.applyAsLong(text);
        } catch (BadInputException e) {
            return FieldCheck.error(kind + ".bad", shown(text), e.getMessage());
        }
        String t = text.strip();
        if (t.chars().allMatch(Character::isDigit)) {
            return FieldCheck.warning(kind + ".bareNumber", t, shown.apply(amount));
        }
        return FieldCheck.ok(kind + ".ok", t, shown.apply(amount));
    }

    // ---------------------------------------------------------------- scheduler names

    public static FieldCheck partition(String text) {
        return schedulerName(text);
    }

    public static FieldCheck account(String text) {
        return schedulerName(text);
    }

    public static FieldCheck qos(String text) {
        return schedulerName(text);
    }

    public static FieldCheck queue(String text) {
        return schedulerName(text);
    }

    /**
     * A name passed to sbatch or qsub as one argument (never through a shell): a control character
     * is an ERROR; spaces, a leading '-' or shell characters are WARNINGs, being legal but surprising.
     */
    public static FieldCheck schedulerName(String text) {
        FieldCheck settled = blankOrControl(text, "name.control");
        if (settled != null) {
            return settled;
        }
        String t = text.strip();
        if (t.chars().anyMatch(Character::isWhitespace)) {
            return FieldCheck.warning("name.spaces", t);
        }
        if (t.startsWith("-")) {
            return FieldCheck.warning("name.dash", t);
        }
        for (int i = 0; i < t.length(); i++) {
            if (SHELL_CHARACTERS.indexOf(t.charAt(i)) >= 0) {
                return FieldCheck.warning("name.shell", t, t.charAt(i));
            }
        }
        return FieldCheck.OK;
    }

    // ---------------------------------------------------------------- environment

    public static FieldCheck envName(String text) {
        if (blank(text)) {
            return FieldCheck.error("env.required");
        }
        return accepted(text.strip(), "env.bad", text, EnvironmentSetup::checkName);
    }

    /**
     * A virtualenv directory, syntax only: whether it exists can only be known on the node that runs
     * the task (the wrapper checks {@code VENV/bin/activate} there).
     */
    public static FieldCheck venv(String text) {
        FieldCheck settled = blankOrControl(text, "venv.control");
        if (settled != null) {
            return settled;
        }
        String t = text.strip();
        if (t.startsWith("~")) {
            return FieldCheck.warning("venv.tilde", t);
        }
        String trimmed = t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        for (String script : new String[] {"/bin/activate", "/bin/activate.csh", "/bin/activate.fish"}) {
            if (trimmed.endsWith(script)) {
                String dir = trimmed.substring(0, trimmed.length() - script.length());
                return FieldCheck.warning("venv.activate", t, dir.isEmpty() ? "." : dir);
            }
        }
        return FieldCheck.ok(t.startsWith("/") ? "venv.absolute" : "venv.relative", t);
    }

    /** A free-text field's first checks: OK when blank, {@code controlKey}'s ERROR for a control character; else null. */
    private static FieldCheck blankOrControl(String text, String controlKey) {
        if (blank(text)) {
            return FieldCheck.OK;
        }
        return hasControl(text) ? FieldCheck.error(controlKey, shown(text)) : null;
    }

    /** The value as messages show it ({0}): on one line, cut at 80 characters. */
    private static String shown(String text) {
        return text == null ? "" : ValuesText.shorten(text);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean hasControl(String text) {
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** OK when the engine's own parser accepts the value, else its one-line reason under {@code key}. */
    private static FieldCheck accepted(String value, String key, String text, java.util.function.Consumer<String> parser) {
        try {
            parser.accept(value);
            return FieldCheck.OK;
        } catch (BadInputException e) {
            return FieldCheck.error(key, shown(text), e.getMessage());
        }
    }
}
