package dev.clustersweep.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis from {@code lo} to {@code hi} with ticks at round numbers (1, 2 or 5 times a
 * power of ten), widened to the ticks around the data so that no value sits on the frame.
 */
public record Axis(double lo, double hi, List<Double> ticks) {

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

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code raw}. */
    static double step(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Where {@code v} falls between pixel {@code from} (at lo) and pixel {@code to} (at hi). */
    public double map(double v, double from, double to) {
        return from + (v - lo) / (hi - lo) * (to - from);
    }
}
