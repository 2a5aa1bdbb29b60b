package dev.clustersweep.search;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The arithmetic the normal distributions share: drawing within bounds, fitting an elite, and
 * cluster_utils' momentum (sample around {@code 4*mean - 3*lastMean}, a step of three quarters
 * beyond the last move; back to the mean when that leaves the bounds).
 */
final class Gaussian {

    /** cluster_utils refits nothing on fewer points than this ({@code if len(data_points) < 5: return}). */
    static final int MIN_FIT = 5;
    /** cluster_utils keeps the old last mean when the mean moved less than this, so the momentum survives a pause. */
    static final double MEAN_MOVED = 1e-3;
    /** The smallest sd after a refit, as a fraction of the width of the bounds: an elite of equal values must not freeze the search. */
    static final double SD_FLOOR = 1e-3;
    /** Draws within the bounds before giving up and clamping; with the extrapolated mean far out, a draw inside can be rare. */
    static final int TRIES = 100;

    private Gaussian() {
    }

    /** A draw from N(mean, sd) within [lo, hi]: rejection, then the last draw clamped. */
    static double truncated(RandomGenerator rng, double mean, double sd, double lo, double hi) {
        double x = mean;
        for (int i = 0; i < TRIES; i++) {
            x = mean + sd * rng.nextGaussian();
            if (x >= lo && x <= hi) {
                return x;
            }
        }
        return Math.min(hi, Math.max(lo, x));
    }

    /** The mean to sample around: extrapolated when there was a previous mean and that stays in bounds. */
    static double center(double mean, double lastMean, double lo, double hi) {
        if (Double.isNaN(lastMean)) {
            return mean;
        }
        double extrapolated = 4 * mean - 3 * lastMean;
        return extrapolated >= lo && extrapolated <= hi ? extrapolated : mean;
    }

    /** The last mean after a refit that moved the mean from {@code mean} to {@code newMean}. */
    static double lastMean(double newMean, double mean, double lastMean) {
        return Math.abs(newMean - mean) > MEAN_MOVED ? mean : lastMean;
    }

    /** Mean and maximum-likelihood sd (as scipy's norm.fit), the sd at least the floor. */
    static double[] fit(double[] values, double width) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / values.length);
        return new double[] {mean, Math.max(sd, SD_FLOOR * width)};
    }

    /** The elite's values as numbers, or their logs. */
    static double[] numbers(List<String> elite, boolean log) {
        double[] out = new double[elite.size()];
        for (int i = 0; i < out.length; i++) {
            double v = Double.parseDouble(elite.get(i));
            out[i] = log ? Math.log(v) : v;
        }
        return out;
    }
}
