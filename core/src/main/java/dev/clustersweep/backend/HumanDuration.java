package dev.clustersweep.backend;

/**
 * Seconds as people read them, on the build page and in the wizard's checks: {@code 45s},
 * {@code 1m 05s}, {@code 2h 03m 10s}, {@code 3d 04h 05m}. {@link Durations} reads and writes them
 * as the schedulers do.
 */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String format(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration is not negative, got " + seconds);
        }
        long s = seconds % 60;
        long m = seconds / 60 % 60;
        long h = seconds / 3600 % 24;
        long d = seconds / 86400;
        if (seconds < 60) {
            return s + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, s);
        }
        if (seconds < 86400) {
            return String.format("%dh %02dm %02ds", seconds / 3600, m, s);
        }
        // Seconds stop mattering once a task has run for days.
        return String.format("%dd %02dh %02dm", d, h, m);
    }
}
