package dev.clustersweep.scripts;

import dev.clustersweep.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the wrapper does around each task, in this order: the header lines (the user's own shell
 * text, run in the wrapper's shell), {@code source VENV/bin/activate}, {@code conda activate CONDA},
 * {@code export K=V} for each entry of {@code env}; then the task; then the footer lines (also the
 * user's shell text). {@code venv} and {@code conda} are null (or blank) when not used; a relative
 * venv is relative to the sweep's working directory.
 */
public record EnvironmentSetup(List<String> header, List<String> footer, String venv, String conda,
        Map<String, String> env) {

    public static final EnvironmentSetup NONE = new EnvironmentSetup(List.of(), List.of(), null, null, Map.of());

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Set by the wrapper for each task; the user cannot override them. */
    static final Set<String> RESERVED = Set.of("SWEEP_TASK_ID", "SWEEP_ATTEMPT", "SWEEP_JOBNAME", "SWEEP_DIR",
            "SWEEP_SUBMISSION", "SWEEP_METRICS", "SWEEP_ATTEMPT_DIR");

    public EnvironmentSetup {
        header = header == null ? List.of() : List.copyOf(header);
        footer = footer == null ? List.of() : List.copyOf(footer);
        venv = venv == null || venv.isBlank() ? null : venv;
        conda = conda == null || conda.isBlank() ? null : conda;
        Map<String, String> copy = new LinkedHashMap<>();
        if (env != null) {
            env.forEach((key, value) -> {
                checkName(key);
                if (value == null) {
                    throw new BadInputException("environment variable " + key + " has no value");
                }
                copy.put(key, value);
            });
        }
        env = Collections.unmodifiableMap(copy);
    }

    /** Nothing around the tasks: the local pool's workers may then run them without a shell of their own. */
    public boolean isEmpty() {
        return header.isEmpty() && footer.isEmpty() && venv == null && conda == null && env.isEmpty();
    }

    /** A name {@code export NAME=...} accepts and the wrapper does not need for itself. */
    public static String checkName(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new BadInputException("bad environment variable name '" + name
                    + "': expected letters, digits and '_', not starting with a digit");
        }
        if (RESERVED.contains(name) || name.startsWith("_sw_") || name.startsWith("BASH")
                || name.equals("SHELLOPTS") || name.equals("PPID") || name.equals("UID") || name.equals("EUID")) {
            throw new BadInputException("environment variable " + name + " cannot be set: the wrapper or bash owns it");
        }
        return name;
    }
}
