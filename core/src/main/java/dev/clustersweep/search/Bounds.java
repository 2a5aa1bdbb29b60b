package dev.clustersweep.search;

/** The checks every bounded distribution makes, with messages a settings reader can prefix with its key. */
final class Bounds {

    private Bounds() {
    }

    static void check(double lo, double hi, boolean log) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("bounds [" + ValueText.of(lo) + ", " + ValueText.of(hi)
                    + "]: expected [low, high] with low < high");
        }
        if (log && !(lo > 0)) {
            throw new IllegalArgumentException("bounds [" + ValueText.of(lo) + ", " + ValueText.of(hi)
                    + "]: expected a low bound above 0 for a log distribution");
        }
    }

    static void check(long lo, long hi, boolean log) {
        if (lo >= hi) {
            throw new IllegalArgumentException("bounds [" + lo + ", " + hi + "]: expected [low, high] with low < high");
        }
        if (log && lo < 1) {
            throw new IllegalArgumentException("bounds [" + lo + ", " + hi + "]: expected a low bound of at least 1 for a log distribution");
        }
    }

    static void checkShape(double mean, double sd) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean " + mean + ": expected a finite number");
        }
        if (!(sd > 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("sd " + sd + ": expected a finite number above 0");
        }
    }

    /** Half up, within the bounds. */
    static long round(double x, long lo, long hi) {
        return Math.min(hi, Math.max(lo, (long) Math.floor(x + 0.5)));
    }
}
