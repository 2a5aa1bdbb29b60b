package dev.clustersweep.report;

import dev.clustersweep.results.MetricPoint;
import dev.clustersweep.results.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The series of the objective's metric ({@code loss@STEP=VALUE} lines) of the best tasks, each cut
 * down to at most {@link #MAX_POINTS} points so that a task that logged every step of a long run
 * stays a small path.
 */
public record LearningCurves(String metric, List<Curve> curves) {

    public static final int MAX_POINTS = 500;

    /** One task's curve, in the order its points were written, sorted by step. */
    public record Curve(long task, Map<String, String> parameters, List<MetricPoint> points) {
    }

    public LearningCurves {
        curves = List.copyOf(curves);
    }

    /** The curves of those of {@code best} (tasks read with their series) that have a series of {@code metric}. */
    public static LearningCurves of(List<TaskResult> best, String metric) {
        List<Curve> curves = new ArrayList<>();
        for (TaskResult t : best) {
            List<MetricPoint> series = t.metrics().series().get(metric);
            if (series == null) {
                continue;
            }
            List<MetricPoint> finite = new ArrayList<>(series.size());
            for (MetricPoint p : series) {
                if (Double.isFinite(p.value())) {
                    finite.add(p);
                }
            }
            finite.sort(java.util.Comparator.comparingLong(MetricPoint::step));
            if (!finite.isEmpty()) {
                curves.add(new Curve(t.id(), t.parameters(), thin(finite, MAX_POINTS)));
            }
        }
        return new LearningCurves(metric, curves);
    }

    /** At most {@code max} of the points, evenly spaced in the list, the first and the last kept. */
    static List<MetricPoint> thin(List<MetricPoint> points, int max) {
        if (points.size() <= max) {
            return List.copyOf(points);
        }
        List<MetricPoint> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(points.get((int) Math.round(i * (points.size() - 1) / (double) (max - 1))));
        }
        return List.copyOf(out);
    }
}
