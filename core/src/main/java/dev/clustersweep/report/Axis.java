package dev.clustersweep.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis from {@code lo} to {@code hi}: linear with ticks at round numbers (1, 2 or 5 times a
 * power of ten), widened to the ticks around the data so that no value sits on the frame; or
 * logarithmic ({@link #log(double, double)}) from a power of ten to a power of ten, for values that
 * span decades (a learning rate from 1e-4 to 0.1).
 *
 * @param log whether {@link #map} places values by their logarithm
 */
public record Axis(double lo, double hi, List<Double> ticks, boolean log) {

    /** Ticks of a logarithmic axis unless told otherwise: 1, 2 and 5 times each power over up to 3 decades. */
    static final int LOG_TICKS = 10;

    public Axis {
        ticks = List.copyOf(ticks);
    }

    /** A linear axis. */
    public Axis(double lo, double hi, List<Double> ticks) {
        this(lo, hi, ticks, false);
    }

    /** An axis over {@code min..max} with about {@code count} ticks; equal ends are widened around the value. */
    public static Axis nice(double min, double max, int count) {
        if (!(Double.isFinite(min) && Double.isFinite(max)) || min > max) {
            throw new IllegalArgumentException("an axis needs finite ends in order, not " + min + ".." + max);
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = step((max - min) / Math.max(1, count));
        double lo = Math.floor(min / step) * step;
        double hi = Math.ceil(max / step) * step;
        List<Double> ticks = new ArrayList<>();
        long first = Math.round(lo / step);
        long last = Math.round(hi / step);
        for (long i = first; i <= last; i++) {
            // Multiples of the step, not repeated additions: 0.1 + 0.2 stays 0.3 when shown.
            ticks.add(i * step);
        }
        return new Axis(lo, hi, List.copyOf(ticks));
    }

    /**
     * A logarithmic axis over {@code min..max} (both above 0), from the power of ten at or below
     * {@code min} to the one at or above {@code max} (one decade at least), ticked at each power of
     * ten, and at 2 and 5 times each as well when that makes at most {@link #LOG_TICKS} ticks.
     */
    public static Axis log(double min, double max) {
        return log(min, max, LOG_TICKS);
    }

    /** As {@link #log(double, double)}, 2 and 5 times each power ticked only when that makes at most {@code count} ticks. */
    public static Axis log(double min, double max, int count) {
        if (!(Double.isFinite(min) && Double.isFinite(max)) || min <= 0 || min > max) {
            throw new IllegalArgumentException("a log axis needs finite ends above 0 in order, not " + min + ".." + max);
        }
        int first = (int) Math.floor(Math.log10(min) + 1e-9);
        int last = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (last == first) {
            last++;
        }
        boolean fine = 3 * (last - first) + 1 <= count;
        List<Double> ticks = new ArrayList<>();
        for (int e = first; e <= last; e++) {
            ticks.add(power(1, e));
            if (fine && e < last) {
                ticks.add(power(2, e));
                ticks.add(power(5, e));
            }
        }
        return new Axis(power(1, first), power(1, last), ticks, true);
    }

    /** m times 10^e, the double nearest the decimal it stands for (1e-4, not 1.0000000000000002e-4). */
    private static double power(int m, int e) {
        return Double.parseDouble(m + "e" + e);
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code raw}. */
    static double step(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Where {@code v} falls between pixel {@code from} (at lo) and pixel {@code to} (at hi). */
    public double map(double v, double from, double to) {
        if (log) {
            return from + (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (to - from);
        }
        return from + (v - lo) / (hi - lo) * (to - from);
    }
}
