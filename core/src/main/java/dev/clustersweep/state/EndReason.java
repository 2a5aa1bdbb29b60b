package dev.clustersweep.state;

import java.util.Locale;

/** Why an attempt ended, as the wrapper wrote it in its end record. */
public enum EndReason {
    /** The task exited by itself. */
    EXIT,
    /** The wrapper was stopped after the time-limit warning (SIGUSR1). */
    TIMEOUT,
    /** The wrapper was stopped without a warning: a cancel. */
    CANCELLED;

    public static EndReason parse(String text) {
        if (text == null || text.isEmpty()) {
            return EXIT;
        }
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
