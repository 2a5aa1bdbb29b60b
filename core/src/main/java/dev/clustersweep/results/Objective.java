package dev.clustersweep.results;

import java.io.Serializable;
import java.util.Comparator;

/**
 * What "best" means: a metric, smallest or largest first. NaN (a run that diverged) is never
 * best: it sorts after every number, either way.
 */
public record Objective(String metric, boolean maximize) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Objective {
        if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException("an objective needs a metric");
        }
    }

    /** Best first; NaN last. */
    public Comparator<Double> order() {
        return this::compare;
    }

    /** Negative when {@code a} is better than {@code b}; NaN is worse than any number. */
    public int compare(double a, double b) {
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) {
            return Boolean.compare(na, nb);
        }
        return maximize ? Double.compare(b, a) : Double.compare(a, b);
    }

    /** The better of two values (NaN only when both are). */
    public double better(double a, double b) {
        return compare(a, b) <= 0 ? a : b;
    }

    /** "smallest first" or "largest first", for the line above a table. */
    public String describe() {
        return metric + ", " + (maximize ? "largest" : "smallest") + " first";
    }
}
