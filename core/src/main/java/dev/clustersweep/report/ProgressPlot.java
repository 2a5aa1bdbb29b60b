package dev.clustersweep.report;

import dev.clustersweep.results.Objective;
import dev.clustersweep.results.TaskResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The metric against when each task ended (or, when end times do not tell the tasks apart, against
 * task id): every point for a small sweep, bins with their smallest, median and largest value for a
 * large one, and the best value so far, which is what a person watching a sweep wants to see fall.
 *
 * @param byTime whether x is seconds since {@code origin} (the earliest end) rather than task id
 * @param origin the earliest end time, seconds since the epoch, when {@code byTime}
 * @param points every task's point when there are at most {@link #MAX_POINTS}, else empty
 * @param bins the points binned when there are more, else empty
 * @param best the best value so far: a point at each task that improved on every one before it
 */
public record ProgressPlot(boolean byTime, long origin, List<Point> points, List<Binning.Bin> bins,
        List<Point> best, double xMax) {

    /** Up to this many points are drawn one by one; more are binned. */
    public static final int MAX_POINTS = 2000;
    /** Bins of a large sweep: enough for a smooth band, few enough for a small file. */
    public static final int BINS = 200;

    /** One task's point. */
    public record Point(double x, double y, long task) {
    }

    public ProgressPlot {
        points = List.copyOf(points);
        bins = List.copyOf(bins);
        best = List.copyOf(best);
    }

    public boolean isEmpty() {
        return points.isEmpty() && bins.isEmpty();
    }

    /**
     * The tasks that SUCCEEDED with a finite value of the metric; {@code ends} gives each task's
     * end time (seconds since the epoch), missing for a task without one.
     */
    public static ProgressPlot of(List<TaskResult> tasks, Map<Long, Long> ends, Objective objective) {
        List<Point> raw = new ArrayList<>();
        for (TaskResult t : tasks) {
            Double v = t.succeeded() ? t.value(objective.metric()) : null;
            if (v != null && Double.isFinite(v)) {
                raw.add(new Point(0, v, t.id()));
            }
        }
        long origin = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        boolean allEnded = true;
        for (Point p : raw) {
            Long end = ends.get(p.task());
            if (end == null) {
                allEnded = false;
                break;
            }
            origin = Math.min(origin, end);
            latest = Math.max(latest, end);
        }
        boolean byTime = allEnded && latest > origin;
        List<Point> xs = new ArrayList<>(raw.size());
        for (Point p : raw) {
            xs.add(new Point(byTime ? ends.get(p.task()) - origin : p.task(), p.y(), p.task()));
        }
        // Ties in time broken by id, so that the best-so-far line is the same on every run.
        xs.sort(Comparator.comparingDouble(Point::x).thenComparingLong(Point::task));
        List<Point> best = new ArrayList<>();
        for (Point p : xs) {
            if (best.isEmpty() || objective.compare(p.y(), best.get(best.size() - 1).y()) < 0) {
                best.add(p);
            }
        }
        double xMax = xs.isEmpty() ? 0 : xs.get(xs.size() - 1).x();
        if (xs.size() <= MAX_POINTS) {
            return new ProgressPlot(byTime, byTime ? origin : 0, xs, List.of(), best, xMax);
        }
        double[] x = new double[xs.size()];
        double[] y = new double[xs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i).x();
            y[i] = xs.get(i).y();
        }
        return new ProgressPlot(byTime, origin, List.of(), Binning.of(x, y, BINS), best, xMax);
    }

    /** The smallest and largest y drawn. */
    double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            lo = Math.min(lo, p.y());
            hi = Math.max(hi, p.y());
        }
        for (Binning.Bin b : bins) {
            lo = Math.min(lo, b.min());
            hi = Math.max(hi, b.max());
        }
        return new double[] {lo, hi};
    }

    /** The smallest x drawn. */
    double xMin() {
        return points.isEmpty() ? bins.get(0).x0() : points.get(0).x();
    }
}
