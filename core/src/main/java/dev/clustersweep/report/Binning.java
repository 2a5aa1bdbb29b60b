package dev.clustersweep.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Points summarised in bins of equal width along x, for a plot of 100,000 points that stays a few
 * paths: each bin keeps its count, smallest, quartiles and largest y. Empty bins are left out, so a
 * gap in the data stays a gap.
 */
public final class Binning {

    /** One bin: x from {@code x0} up to {@code x1}, and what its points' y were (quartiles as {@link BoxStats}). */
    public record Bin(double x0, double x1, int n, double min, double q1, double median, double q3, double max) {

        public double middle() {
            return (x0 + x1) / 2;
        }
    }

    private Binning() {
    }

    /**
     * {@code x} and {@code y} (finite, as many of each) in at most {@code bins} bins spanning the
     * smallest to the largest x; the largest x falls in the last bin. All x equal: one bin.
     */
    public static List<Bin> of(double[] x, double[] y, int bins) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin, not " + bins);
        }
        if (x.length == 0) {
            return List.of();
        }
        double lo = Arrays.stream(x).min().getAsDouble();
        double hi = Arrays.stream(x).max().getAsDouble();
        int count = hi > lo ? bins : 1;
        double width = hi > lo ? (hi - lo) / count : 0;
        int[] sizes = new int[count];
        int[] index = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int b = width == 0 ? 0 : Math.min(count - 1, (int) ((x[i] - lo) / width));
            index[i] = b;
            sizes[b]++;
        }
        double[][] values = new double[count][];
        for (int b = 0; b < count; b++) {
            values[b] = new double[sizes[b]];
        }
        int[] filled = new int[count];
        for (int i = 0; i < x.length; i++) {
            values[index[i]][filled[index[i]]++] = y[i];
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            double[] v = values[b];
            if (v.length == 0) {
                continue;
            }
            Arrays.sort(v);
            double x0 = lo + b * width;
            double x1 = b == count - 1 ? hi : lo + (b + 1) * width;
            out.add(new Bin(x0, x1, v.length, v[0], BoxStats.quantile(v, 0.25), BoxStats.quantile(v, 0.5),
                    BoxStats.quantile(v, 0.75), v[v.length - 1]));
        }
        return List.copyOf(out);
    }
}
