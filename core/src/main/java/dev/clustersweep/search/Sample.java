package dev.clustersweep.search;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration to run: its number (from 1, in the order asked) and each parameter's value as
 * text, in the order of the search space.
 */
public record Sample(int number, Map<String, String> values) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Sample {
        if (number < 1) {
            throw new IllegalArgumentException("samples are numbered from 1, got " + number);
        }
        // Map.copyOf would lose the order; the task's command lists the values in it.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
