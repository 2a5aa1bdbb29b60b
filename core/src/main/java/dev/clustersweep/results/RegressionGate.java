package dev.clustersweep.results;

import dev.clustersweep.BadInputException;
import java.io.Serializable;
import java.util.Locale;

/**
 * The regression gate of a nightly job, without Jenkins: is this run's value of a metric worse than
 * an earlier run's by more than a tolerance? "Worse" follows the {@link Objective} (larger for a
 * loss, smaller for an accuracy); a tolerance is absolute ({@code 0.02}) or relative to the earlier
 * value ({@code 5%}). A run whose value is NaN (it diverged) is worse than any number; an earlier
 * value that is NaN gives nothing to compare with.
 */
public final class RegressionGate {

    private RegressionGate() {
    }

    /**
     * How much worse a value may be: {@code amount} itself, or when {@code relative} that fraction of
     * the earlier value's magnitude ({@code 5%} is 0.05).
     *
     * @param text as written, for messages
     */
    public record Tolerance(double amount, boolean relative, String text) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** {@code 0.02} (absolute) or {@code 5%} (relative); never negative. */
        public static Tolerance parse(String text) {
            String t = text.trim();
            boolean relative = t.endsWith("%");
            String number = relative ? t.substring(0, t.length() - 1).trim() : t;
            if (!number.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                throw new BadInputException("bad regressionTolerance '" + text + "': expected an amount the metric "
                        + "may get worse by, absolute (0.02) or relative to the last successful build's value (5%)");
            }
            double amount = Double.parseDouble(number);
            return new Tolerance(relative ? amount / 100 : amount, relative, relative ? number + "%" : number);
        }

        /** How much worse than {@code previous} a value may be. */
        public double allowed(double previous) {
            return relative ? amount * Math.abs(previous) : amount;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * What the gate found.
     *
     * @param compared false when the earlier value is NaN: nothing to compare with
     * @param worseBy how much worse {@code current} is (negative when better); NaN when current is NaN
     * @param allowed the tolerance in the metric's units
     */
    public record Verdict(Objective objective, double previous, double current, Tolerance tolerance, boolean compared,
            double worseBy, double allowed, boolean regressed) implements Serializable {

        private static final long serialVersionUID = 1L;

        /**
         * One line for the build log, e.g. {@code loss (smallest best) is 0.61, was 0.52 in build #3:
         * worse by 0.09, more than the tolerance 5% (0.026)}.
         *
         * @param before what the earlier value belongs to ("build #3")
         */
        public String line(String before) {
            String head = objective.metric() + " (" + (objective.maximize() ? "largest" : "smallest") + " best) is "
                    + NumberText.shown(current) + ", was " + NumberText.shown(previous) + " in " + before;
            if (!compared) {
                return head + ": nothing to compare with";
            }
            String tol = "the tolerance " + tolerance + (tolerance.relative() ? " (" + NumberText.shown(allowed) + ")" : "");
            if (Double.isNaN(current)) {
                return head + ": not a number, a regression whatever " + tol;
            }
            if (worseBy <= 0) {
                return head + ": " + (worseBy == 0 ? "the same" : "better by " + NumberText.shown(-worseBy))
                        + ", within " + tol;
            }
            return head + ": worse by " + NumberText.shown(worseBy) + (regressed ? ", more than " : ", within ") + tol;
        }
    }

    /** Compares {@code current} with {@code previous} for {@code objective}. */
    public static Verdict compare(Objective objective, double previous, double current, Tolerance tolerance) {
        if (Double.isNaN(previous)) {
            return new Verdict(objective, previous, current, tolerance, false, Double.NaN, Double.NaN, false);
        }
        double allowed = tolerance.allowed(previous);
        if (Double.isNaN(current)) {
            return new Verdict(objective, previous, current, tolerance, true, Double.NaN, allowed, true);
        }
        double worseBy = objective.maximize() ? previous - current : current - previous;
        // A hair of rounding (0.1 + 0.2 against 0.3) is no regression.
        double slack = 1e-12 * Math.max(Math.abs(previous), Math.abs(current));
        boolean regressed = worseBy > allowed + slack;
        return new Verdict(objective, previous, current, tolerance, true, worseBy, allowed, regressed);
    }

    /** UNSTABLE or FAILURE: what a regression makes of the build. */
    public static String resultNamed(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (!n.equals("UNSTABLE") && !n.equals("FAILURE")) {
            throw new BadInputException("bad regressionResult '" + name + "': expected UNSTABLE or FAILURE");
        }
        return n;
    }
}
