package dev.clustersweep.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the metric's spread each parameter explains: the share of the total variance that
 * lies between the groups of tasks that share a value of the parameter (the between-group sum of
 * squares over the total sum of squares, one-way ANOVA's eta squared). 1 when the tasks of each
 * value all got the same metric, 0 when every value has the same mean.
 *
 * <p>A parameter with many values gains a share by chance alone: with {@code k} values and
 * {@code n} tasks and no effect at all, the share is {@code (k - 1) / (n - 1)} on average. That
 * level is given beside each share, so that 500 seeds do not look important.
 */
public final class Importance {

    /**
     * One parameter's share.
     *
     * @param values how many values it has among the tasks counted
     * @param n how many tasks were counted (those with a finite value of the metric)
     * @param share between-group over total variance, from 0 to 1; NaN when the metric does not vary
     * @param chance the share expected by chance, {@code (values - 1) / (n - 1)}
     */
    public record Share(String parameter, int values, long n, double share, double chance) {
    }

    private Importance() {
    }

    /**
     * The share of {@code parameter}, whose value for task {@code i} is {@code groups.get(i)}
     * (null when the task lacks it: not counted) and whose metric is {@code metric[i]} (finite).
     */
    public static Share of(String parameter, List<String> groups, double[] metric) {
        if (groups.size() != metric.length) {
            throw new IllegalArgumentException(groups.size() + " groups for " + metric.length + " values");
        }
        Map<String, double[]> sums = new HashMap<>(); // value -> {count, sum}
        long n = 0;
        double total = 0;
        for (int i = 0; i < metric.length; i++) {
            String g = groups.get(i);
            if (g != null) {
                double[] s = sums.computeIfAbsent(g, k -> new double[2]);
                s[0]++;
                s[1] += metric[i];
                n++;
                total += metric[i];
            }
        }
        if (n == 0) {
            return new Share(parameter, 0, 0, Double.NaN, Double.NaN);
        }
        double mean = total / n;
        double ssTotal = 0;
        for (int i = 0; i < metric.length; i++) {
            if (groups.get(i) != null) {
                double d = metric[i] - mean;
                ssTotal += d * d;
            }
        }
        double ssBetween = 0;
        for (double[] s : sums.values()) {
            double d = s[1] / s[0] - mean;
            ssBetween += s[0] * d * d;
        }
        int k = sums.size();
        double share = ssTotal > 0 ? Math.min(1, ssBetween / ssTotal) : Double.NaN;
        double chance = n > 1 ? (k - 1) / (double) (n - 1) : Double.NaN;
        return new Share(parameter, k, n, share, chance);
    }
}
