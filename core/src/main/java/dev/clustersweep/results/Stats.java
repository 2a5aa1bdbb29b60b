package dev.clustersweep.results;

/**
 * Count, mean, standard deviation and the best and worst of some values, in one pass (Welford's
 * update: no list of values kept, and no cancellation when the values are large and close).
 * A NaN among them makes the mean and deviation NaN: a diverged run is not averaged away.
 *
 * @param sd the sample standard deviation (n - 1), NaN for fewer than two values
 */
public record Stats(long n, double mean, double sd, double best, double worst) {

    /** Accumulates values for one {@link Objective}. */
    public static final class Builder {
        private final Objective objective;
        private long n;
        private double mean;
        private double m2;
        private double best = Double.NaN;
        private double worst = Double.NaN;

        public Builder(Objective objective) {
            this.objective = objective;
        }

        public void add(double value) {
            n++;
            double delta = value - mean;
            mean += delta / n;
            m2 += delta * (value - mean);
            if (n == 1) {
                best = value;
                worst = value;
            } else {
                best = objective.better(best, value);
                worst = objective.better(worst, value) == worst ? value : worst;
            }
        }

        public long n() {
            return n;
        }

        public Stats build() {
            double sd = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
            return new Stats(n, n == 0 ? Double.NaN : mean, sd, best, worst);
        }
    }
}
