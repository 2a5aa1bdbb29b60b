package dev.clustersweep.search;

import java.util.Locale;

/** The optimisers a search can use, by the name in the {@code search:} section. */
public enum OptimizerKind {
    GRID, RANDOM, CEM;

    /** {@code grid}, {@code random}, {@code cem}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of that name, or null. */
    static OptimizerKind of(String text) {
        for (OptimizerKind k : values()) {
            if (k.text().equals(text)) {
                return k;
            }
        }
        return null;
    }
}
