package dev.clustersweep.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where one parameter's values come from, and how the cross-entropy method narrows it to an elite.
 * A value is handed out as the text the task receives ({@link ValueText}).
 *
 * <p>The normal ones follow cluster_utils' {@code distributions.py}: without a given mean they start
 * at the middle of the bounds with sd a quarter of their width (in log space for the log ones), so
 * about 95% of the first draws fall within the bounds; a refit on at least five elite values takes
 * the elite's mean and maximum-likelihood sd and remembers the previous mean, and draws are then
 * centred on {@code 4*mean - 3*lastMean} (see {@link Gaussian}). Where cluster_utils clips a draw to
 * the bounds we redraw up to {@value Gaussian#TRIES} times before clamping, so the edges don't
 * collect the mass outside them. The uniform ones are our addition: they refit as the truncated
 * normal (or log-normal) that starts from their middle and a quarter of their width.
 *
 * <p>Records are immutable: {@link #refit} returns the narrowed distribution and leaves this one as
 * it was, so an optimiser's state is just its list of distributions.
 */
public sealed interface Distribution extends Serializable {

    /** One draw, as the text the task receives. */
    String sample(RandomGenerator rng);

    /**
     * The distribution fitted to an elite's values of this parameter (texts this distribution
     * gave). Continuous and integer ones keep this one when the elite has fewer than
     * {@value Gaussian#MIN_FIT} values, as cluster_utils does.
     */
    Distribution refit(List<String> elite);

    /** The name in the settings: {@code TruncatedNormal}, {@code Discrete}, ... */
    default String name() {
        return getClass().getSimpleName();
    }

    /** A list of options, drawn by weight; a refit weights each by 1 + its count in the elite (Laplace smoothing). */
    record Discrete(List<String> options, List<Double> weights) implements Distribution {
        private static final long serialVersionUID = 1L;

        public Discrete {
            if (options == null || options.isEmpty()) {
                throw new IllegalArgumentException("expected a non-empty list of options");
            }
            options = List.copyOf(options);
            if (new HashSet<>(options).size() != options.size()) {
                throw new IllegalArgumentException("options " + options + ": expected each option once");
            }
            weights = List.copyOf(weights);
            if (weights.size() != options.size()) {
                throw new IllegalArgumentException("expected one weight per option, got " + weights.size() + " for " + options.size());
            }
            double sum = 0;
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("weights " + weights + ": expected finite weights >= 0");
                }
                sum += w;
            }
            if (sum <= 0) {
                throw new IllegalArgumentException("weights " + weights + ": expected some weight above 0");
            }
        }

        /** Every option equally likely. */
        public Discrete(List<String> options) {
            this(options, even(options));
        }

        private static List<Double> even(List<String> options) {
            int k = options == null ? 0 : options.size();
            return Collections.nCopies(k, 1.0 / Math.max(1, k));
        }

        @Override
        public String sample(RandomGenerator rng) {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            double u = rng.nextDouble() * sum;
            for (int i = 0; i < options.size(); i++) {
                u -= weights.get(i);
                if (u < 0) {
                    return options.get(i);
                }
            }
            // Rounding left u at 0 after the last weight: the last option with weight.
            for (int i = options.size() - 1; ; i--) {
                if (weights.get(i) > 0) {
                    return options.get(i);
                }
            }
        }

        @Override
        public Discrete refit(List<String> elite) {
            // cluster_utils: (1 + count) / (n + k), so no option ever dies out. Refitted from the
            // elite alone, not from the previous weights.
            int k = options.size();
            double[] counts = new double[k];
            int n = 0;
            for (String value : elite) {
                int i = options.indexOf(value);
                if (i >= 0) {
                    counts[i]++;
                    n++;
                }
            }
            List<Double> fitted = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                fitted.add((1 + counts[i]) / (n + k));
            }
            return new Discrete(options, fitted);
        }
    }

    /** Evenly between the bounds. */
    record Uniform(double lo, double hi) implements Distribution {
        private static final long serialVersionUID = 1L;

        public Uniform {
            Bounds.check(lo, hi, false);
        }

        @Override
        public String sample(RandomGenerator rng) {
            return ValueText.of(Math.min(hi, lo + rng.nextDouble() * (hi - lo)));
        }

        @Override
        public Distribution refit(List<String> elite) {
            return new TruncatedNormal(lo, hi).refit(elite);
        }
    }

    /** Evenly in log space between the bounds (both above 0). */
    record LogUniform(double lo, double hi) implements Distribution {
        private static final long serialVersionUID = 1L;

        public LogUniform {
            Bounds.check(lo, hi, true);
        }

        @Override
        public String sample(RandomGenerator rng) {
            double logLo = Math.log(lo);
            double x = Math.exp(logLo + rng.nextDouble() * (Math.log(hi) - logLo));
            return ValueText.of(Math.min(hi, Math.max(lo, x)));
        }

        @Override
        public Distribution refit(List<String> elite) {
            return new TruncatedLogNormal(lo, hi).refit(elite);
        }
    }

    /**
     * What the four normal ones share: a mean and sd (of the log for the log ones), the mean before
     * the last refit, and one refit to an elite, as cluster_utils' {@code distributions.py} does it.
     */
    sealed interface Bell<B extends Bell<B>> extends Distribution
            permits TruncatedNormal, TruncatedLogNormal, IntNormal, IntLogNormal {
        double mean();

        double sd();

        double lastMean();

        /** Whether the mean and sd are of the log of the values. */
        boolean logScale();

        /** The width of the bounds in the space of the mean: the floor of a refit's sd is relative to it. */
        double width();

        /** This distribution with another shape. */
        B with(double mean, double sd, double lastMean);

        /** Fewer than {@value Gaussian#MIN_FIT} elite values keep this one. */
        @Override
        @SuppressWarnings("unchecked") // B is the record itself: each is a Bell of its own type
        default B refit(List<String> elite) {
            if (elite.size() < Gaussian.MIN_FIT) {
                return (B) this;
            }
            double[] fit = Gaussian.fit(Gaussian.numbers(elite, logScale()), width());
            return with(fit[0], fit[1], Gaussian.lastMean(fit[0], mean(), lastMean()));
        }
    }

    /** N(mean, sd) within [lo, hi]; {@code lastMean} is NaN until a refit moved the mean. */
    record TruncatedNormal(double lo, double hi, double mean, double sd, double lastMean)
            implements Bell<TruncatedNormal> {
        private static final long serialVersionUID = 1L;

        public TruncatedNormal {
            Bounds.check(lo, hi, false);
            Bounds.checkShape(mean, sd);
        }

        public TruncatedNormal(double lo, double hi, double mean, double sd) {
            this(lo, hi, mean, sd, Double.NaN);
        }

        /** cluster_utils' start: the middle of the bounds, sd a quarter of their width. */
        public TruncatedNormal(double lo, double hi) {
            this(lo, hi, (lo + hi) / 2, (hi - lo) / 4);
        }

        @Override
        public String sample(RandomGenerator rng) {
            return ValueText.of(Gaussian.truncated(rng, Gaussian.center(mean, lastMean, lo, hi), sd, lo, hi));
        }

        @Override
        public boolean logScale() {
            return false;
        }

        @Override
        public double width() {
            return hi - lo;
        }

        @Override
        public TruncatedNormal with(double mean, double sd, double lastMean) {
            return new TruncatedNormal(lo, hi, mean, sd, lastMean);
        }
    }

    /** exp of N(mean, sd) within [lo, hi]: {@code mean} and {@code sd} are of the log. */
    record TruncatedLogNormal(double lo, double hi, double mean, double sd, double lastMean)
            implements Bell<TruncatedLogNormal> {
        private static final long serialVersionUID = 1L;

        public TruncatedLogNormal {
            Bounds.check(lo, hi, true);
            Bounds.checkShape(mean, sd);
        }

        public TruncatedLogNormal(double lo, double hi, double mean, double sd) {
            this(lo, hi, mean, sd, Double.NaN);
        }

        /** The middle of the log bounds, sd a quarter of their width. */
        public TruncatedLogNormal(double lo, double hi) {
            this(lo, hi, (Math.log(lo) + Math.log(hi)) / 2, (Math.log(hi) - Math.log(lo)) / 4);
        }

        @Override
        public String sample(RandomGenerator rng) {
            double logLo = Math.log(lo);
            double logHi = Math.log(hi);
            // cluster_utils checks the extrapolated log mean against the linear bounds (a slip); we
            // check it against the log bounds.
            double x = Math.exp(Gaussian.truncated(rng, Gaussian.center(mean, lastMean, logLo, logHi), sd, logLo, logHi));
            return ValueText.of(Math.min(hi, Math.max(lo, x)));
        }

        @Override
        public boolean logScale() {
            return true;
        }

        @Override
        public double width() {
            return Math.log(hi) - Math.log(lo);
        }

        @Override
        public TruncatedLogNormal with(double mean, double sd, double lastMean) {
            return new TruncatedLogNormal(lo, hi, mean, sd, lastMean);
        }
    }

    /**
     * A normal over the integers lo..hi: a draw within [lo - 0.5, hi + 0.5] rounded half up, so the
     * end values get their fair half-unit on either side (cluster_utils clips to [lo, hi] first,
     * giving them half the weight).
     */
    record IntNormal(long lo, long hi, double mean, double sd, double lastMean) implements Bell<IntNormal> {
        private static final long serialVersionUID = 1L;

        public IntNormal {
            Bounds.check(lo, hi, false);
            Bounds.checkShape(mean, sd);
        }

        public IntNormal(long lo, long hi, double mean, double sd) {
            this(lo, hi, mean, sd, Double.NaN);
        }

        public IntNormal(long lo, long hi) {
            this(lo, hi, (lo + hi) / 2.0, (hi - lo) / 4.0);
        }

        @Override
        public String sample(RandomGenerator rng) {
            double x = Gaussian.truncated(rng, Gaussian.center(mean, lastMean, lo, hi), sd, lo - 0.5, hi + 0.5);
            return ValueText.of(Bounds.round(x, lo, hi));
        }

        @Override
        public boolean logScale() {
            return false;
        }

        @Override
        public double width() {
            return hi - lo;
        }

        @Override
        public IntNormal with(double mean, double sd, double lastMean) {
            return new IntNormal(lo, hi, mean, sd, lastMean);
        }
    }

    /** A log-normal over the integers lo..hi (lo at least 1): {@code mean} and {@code sd} are of the log. */
    record IntLogNormal(long lo, long hi, double mean, double sd, double lastMean) implements Bell<IntLogNormal> {
        private static final long serialVersionUID = 1L;

        public IntLogNormal {
            Bounds.check(lo, hi, true);
            Bounds.checkShape(mean, sd);
        }

        public IntLogNormal(long lo, long hi, double mean, double sd) {
            this(lo, hi, mean, sd, Double.NaN);
        }

        public IntLogNormal(long lo, long hi) {
            this(lo, hi, (Math.log(lo) + Math.log(hi)) / 2, (Math.log(hi) - Math.log(lo)) / 4);
        }

        @Override
        public String sample(RandomGenerator rng) {
            double center = Gaussian.center(mean, lastMean, Math.log(lo), Math.log(hi));
            double x = Math.exp(Gaussian.truncated(rng, center, sd, Math.log(lo - 0.5), Math.log(hi + 0.5)));
            return ValueText.of(Bounds.round(x, lo, hi));
        }

        @Override
        public boolean logScale() {
            return true;
        }

        @Override
        public double width() {
            return Math.log(hi) - Math.log(lo);
        }

        @Override
        public IntLogNormal with(double mean, double sd, double lastMean) {
            return new IntLogNormal(lo, hi, mean, sd, lastMean);
        }
    }
}
