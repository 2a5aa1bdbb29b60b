package dev.clustersweep.spec;

import java.io.Serializable;

/**
 * Log lines while waiting: one each time the counts change, never one per poll. Keeps only the
 * last line, so a Jenkins step can persist it and not repeat itself after a restart.
 */
public final class ProgressLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private String last;

    public ProgressLine() {
    }

    public ProgressLine(String last) {
        this.last = last;
    }

    /** The line to log for this summary, or null when it says what the last one said. */
    public String next(SweepSummary summary) {
        String line = changed(last, summary);
        if (line != null) {
            last = line;
        }
        return line;
    }

    public String last() {
        return last;
    }

    /** {@code summary}'s line, or null when it equals {@code previous}. */
    public static String changed(String previous, SweepSummary summary) {
        String line = summary.line();
        return line.equals(previous) ? null : line;
    }
}
