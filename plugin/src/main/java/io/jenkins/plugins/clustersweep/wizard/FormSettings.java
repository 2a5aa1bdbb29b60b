package io.jenkins.plugins.clustersweep.wizard;

import dev.clustersweep.BadInputException;
import dev.clustersweep.validation.ValuesText;
import dev.clustersweep.validation.WholeNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wizard's form as settings by name, as a Pipeline gives them to the settings binder: blank
 * fields left out (not given, never 0 or ""), number boxes read as whole numbers, word boxes and
 * rows as lists, text areas line by line.
 */
final class FormSettings {

    /** The wizard's retries box: 0 to 100, none by default (the step's setting, read as a box). */
    static final WholeNumber RETRIES = new WholeNumber("retries", 0, 100, 0);

    private FormSettings() {
    }

    /**
     * The builder's form as settings.
     *
     * @throws BadInputException for a field core cannot read (a bad number, unbalanced quotes)
     */
    static LinkedHashMap<String, Object> of(ClusterSweepBuilder b) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        text(m, "command", b.getCommand());
        text(m, "jobName", b.getJobName());
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        for (ParameterRow row : b.getParameters()) {
            if (row.getName() != null) {
                args.put(row.getName(), new ArrayList<>(ValuesText.parse(row.getValues() == null ? "" : row.getValues())));
            }
        }
        if (!args.isEmpty()) {
            m.put("args", args);
        }
        List<Object> positional = new ArrayList<>();
        for (String line : lines(b.getPosArgs())) {
            positional.add(new ArrayList<>(ValuesText.parse(line)));
        }
        if (!positional.isEmpty()) {
            m.put("posArgs", positional);
        }
        words(m, "flags", b.getFlags());
        if (b.isTag()) {
            m.put("tag", b.getTagName() == null ? (Object) Boolean.TRUE : b.getTagName());
            words(m, "tagArgs", b.getTagArgs());
            m.put("tagNumber", b.isTagNumber());
        }
        text(m, "argMode", b.getArgMode());
        if (b.getBackend() != null) {
            b.getBackend().contribute(m);
        }
        number(m, "maxTasks", b.getMaxTasks(), WholeNumber.MAX_TASKS);
        number(m, "tasksPerNode", b.getTasksPerNode(), WholeNumber.TASKS_PER_NODE);
        number(m, "maxTasksPerNode", b.getMaxTasksPerNode(), WholeNumber.MAX_TASKS_PER_NODE);
        number(m, "killGrace", b.getKillGrace(), WholeNumber.KILL_GRACE);
        text(m, "tasks", b.getTasks());
        text(m, "venv", b.getVenv());
        text(m, "conda", b.getConda());
        LinkedHashMap<String, Object> vars = new LinkedHashMap<>();
        for (String line : lines(b.getEnv())) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("bad environment line '" + line + "': expected NAME=value");
            }
            vars.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        if (!vars.isEmpty()) {
            m.put("env", vars);
        }
        if (b.getSetup() != null && !b.getSetup().isBlank()) {
            m.put("setup", b.getSetup());
        }
        number(m, "retries", b.getRetries(), RETRIES);
        text(m, "failOn", b.getFailOn());
        text(m, "metric", b.getMetric());
        if (b.isMaximize()) {
            m.put("maximize", true);
        }
        text(m, "regressionTolerance", b.getRegressionTolerance());
        text(m, "regressionResult", b.getRegressionResult());
        return m;
    }

    static void number(Map<String, Object> fields, String name, String text, WholeNumber kind) {
        if (text != null && !text.isBlank()) {
            fields.put(name, kind.parseInt(text));
        }
    }

    static void text(Map<String, Object> fields, String name, String text) {
        if (text != null && !text.isBlank()) {
            fields.put(name, text.strip());
        }
    }

    static void words(Map<String, Object> fields, String name, String text) {
        List<String> words = ValuesText.parse(text == null ? "" : text);
        if (!words.isEmpty()) {
            fields.put(name, new ArrayList<>(words));
        }
    }

    /** The text area's lines that are not blank. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
