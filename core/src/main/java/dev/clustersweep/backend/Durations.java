package dev.clustersweep.backend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time limits written as Slurm writes them ({@code MM}, {@code MM:SS}, {@code HH:MM:SS}, {@code D-HH},
 * {@code D-HH:MM}, {@code D-HH:MM:SS}; onager's default is {@code 0-01:00:00}), or with a unit
 * ({@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}).
 */
public final class Durations {

    private static final Pattern UNIT = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,9})-(\\d{1,9})(?::(\\d{1,9}))?(?::(\\d{1,9}))?");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,9})(?::(\\d{1,9}))?(?::(\\d{1,9}))?");

    private static final Amount DURATION = new Amount("duration",
            "D-HH:MM:SS, HH:MM:SS, MM:SS, minutes, or a number with s, m, h or d");

    private Durations() {
    }

    public static long parseSeconds(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = UNIT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return DURATION.positive(text, switch (m.group(2)) {
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n * 86400;
            });
        }
        m = DAYS.matcher(t);
        if (m.matches()) {
            return DURATION.positive(text, Long.parseLong(m.group(1)) * 86400 + Long.parseLong(m.group(2)) * 3600
                    + part(m.group(3)) * 60 + part(m.group(4)));
        }
        m = CLOCK.matcher(t);
        if (m.matches()) {
            long a = Long.parseLong(m.group(1));
            if (m.group(2) == null) {
                return DURATION.positive(text, a * 60); // Slurm: a bare number is minutes
            }
            if (m.group(3) == null) {
                return DURATION.positive(text, a * 60 + Long.parseLong(m.group(2)));
            }
            return DURATION.positive(text, a * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3)));
        }
        throw DURATION.bad(text);
    }

    /** Slurm's {@code D-HH:MM:SS}. */
    public static String slurm(long seconds) {
        return String.format("%d-%02d:%02d:%02d", seconds / 86400, seconds % 86400 / 3600, seconds % 3600 / 60,
                seconds % 60);
    }

    /** Grid Engine's {@code HH:MM:SS} (hours may exceed 24). */
    public static String clock(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    private static long part(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
