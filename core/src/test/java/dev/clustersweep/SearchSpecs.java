package dev.clustersweep;

import dev.clustersweep.settings.Caller;
import dev.clustersweep.settings.SettingsBinder;
import dev.clustersweep.settings.SweepSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A random search of {@code loss = (x - 2)^2} over x in [-5, 5], its objective a line of shell
 * ({@code objective.sh} in the working directory), bound as a spec file's would be.
 */
public final class SearchSpecs {

    private SearchSpecs() {
    }

    /** Writes objective.sh into {@code work}: the task's {@code --x V} in, {@code loss=...} to $SWEEP_METRICS. */
    public static void writeObjective(Path work) throws IOException {
        Files.writeString(work.resolve("objective.sh"), "x=$2\n"
                + "echo \"loss=$(awk -v x=\"$x\" 'BEGIN { print (x - 2) ^ 2 }')\" >> \"$SWEEP_METRICS\"\n");
    }

    /** The sweep {@code s}: {@code samples} samples, {@code parallel} at once, from {@code seed}. */
    public static SweepSettings random(String backend, int samples, int parallel, long seed) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("optimizer", "random");
        section.put("metric", "loss");
        section.put("samples", samples);
        section.put("parallel", parallel);
        section.put("seed", seed);
        section.put("params", List.of(Map.of("name", "x", "distribution", "Uniform", "bounds", List.of(-5, 5))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("command", "bash objective.sh");
        spec.put("jobName", "s");
        spec.put("backend", backend);
        spec.put("search", section);
        return SettingsBinder.bind(spec, Caller.SPEC_FILE);
    }
}
