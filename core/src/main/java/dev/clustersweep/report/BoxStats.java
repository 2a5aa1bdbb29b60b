package dev.clustersweep.report;

import java.util.Arrays;

/**
 * What a box plot draws of some values: the quartiles (linear interpolation between order
 * statistics, as numpy's and R's default), whiskers at the furthest values within 1.5 times the
 * interquartile range of the box (Tukey's), and the extremes, so that 100,000 values are eight
 * numbers and a few SVG elements.
 *
 * @param n how many values
 * @param outliers how many values lie beyond the whiskers
 */
public record BoxStats(int n, double min, double lowWhisker, double q1, double median, double q3,
        double highWhisker, double max, int outliers) {

    /** The box of {@code values} (finite numbers, at least one; the array is not changed). */
    public static BoxStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a box plot needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double reach = 1.5 * (q3 - q1);
        double low = sorted[0];
        double high = sorted[sorted.length - 1];
        int outliers = 0;
        for (double v : sorted) {
            if (v < q1 - reach) {
                outliers++;
            } else {
                low = v;
                break;
            }
        }
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (sorted[i] > q3 + reach) {
                outliers++;
            } else {
                high = sorted[i];
                break;
            }
        }
        return new BoxStats(sorted.length, sorted[0], low, q1, quantile(sorted, 0.5), q3, high,
                sorted[sorted.length - 1], outliers);
    }

    /**
     * The {@code p} quantile of sorted values: the order statistic at position {@code p * (n - 1)},
     * interpolated linearly between its neighbours.
     */
    public static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
