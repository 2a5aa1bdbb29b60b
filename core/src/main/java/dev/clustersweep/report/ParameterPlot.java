package dev.clustersweep.report;

import dev.clustersweep.results.Objective;
import dev.clustersweep.results.ParameterSummary;
import dev.clustersweep.results.TaskResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric per value of one parameter, as boxes: for each value (in the order of
 * {@code sweep results --by-parameter}), how many tasks had it, how many ended without success,
 * and the box of the metric over those that SUCCEEDED with a finite value. A parameter whose values
 * are all numbers, more than {@link #MAX_BOXES} of them (a search's continuous values), is a
 * {@link Scatter} of the metric against the value instead.
 *
 * @param scatter null when the parameter is drawn as boxes
 */
public record ParameterPlot(String parameter, List<ValueBox> values, Scatter scatter) {

    /** Up to this many distinct values are a box each; more numbers are a scatter. */
    public static final int MAX_BOXES = 12;
    /** Values above 0 whose largest is more than this times the smallest are drawn on a log axis. */
    public static final double LOG_SPAN = 100;

    /** One task's point: its value of the parameter as written ({@code value}) and as a number ({@code x}). */
    public record Dot(double x, double y, long task, String value) {
    }

    /**
     * The metric against the parameter's value: a point per task that SUCCEEDED with a finite value
     * up to {@link ProgressPlot#MAX_POINTS}, else {@link ProgressPlot#BINS} bins along x.
     *
     * @param log whether x is logarithmic; the bins' x are then log10 of the value (equal widths on the page)
     * @param tasks the tasks with a value of the parameter, plotted or not
     */
    public record Scatter(boolean log, List<Dot> points, List<Binning.Bin> bins, int tasks,
            double xMin, double xMax, double yMin, double yMax) {

        public Scatter {
            points = List.copyOf(points);
            bins = List.copyOf(bins);
        }

        /** How many points are drawn (one by one or in bins). */
        public int plotted() {
            if (!points.isEmpty()) {
                return points.size();
            }
            return bins.stream().mapToInt(Binning.Bin::n).sum();
        }

        /** A bin's middle as a value of the parameter. */
        double binX(Binning.Bin b) {
            return log ? Math.pow(10, b.middle()) : b.middle();
        }

        /** The x axis: logarithmic when {@code log}. */
        Axis xAxis() {
            return log ? Axis.log(xMin, xMax, 16) : Axis.nice(xMin, xMax, 8);
        }
    }

    /**
     * One value of the parameter.
     *
     * @param box null when no task with this value SUCCEEDED with a finite value of the metric
     */
    public record ValueBox(String value, int tasks, int failed, BoxStats box) {
    }

    public ParameterPlot {
        values = List.copyOf(values);
    }

    /** A parameter drawn as boxes. */
    public ParameterPlot(String parameter, List<ValueBox> values) {
        this(parameter, values, null);
    }

    /** Whether values are drawn as a scatter: all numbers, more than {@link #MAX_BOXES} distinct. */
    public static boolean isContinuous(Collection<String> values) {
        Set<Double> distinct = new HashSet<>();
        for (String v : values) {
            Double d = number(v);
            if (d == null) {
                return false;
            }
            distinct.add(d);
        }
        return distinct.size() > MAX_BOXES;
    }

    /** Whether numbers from {@code min} to {@code max} go on a log axis: all above 0, over two decades. */
    public static boolean isLogScale(double min, double max) {
        return min > 0 && max / min > LOG_SPAN;
    }

    /** A finite number, or null for any other text (nan and inf included: not a place on an axis). */
    static Double number(String value) {
        if (value == null || value.isEmpty() || Character.isLetter(value.charAt(value.length() - 1))) {
            return null; // "1f" and "2d" parse as Java literals but are not numbers to a user; nan, inf
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One plot per parameter. */
    public static List<ParameterPlot> of(List<TaskResult> tasks, List<String> parameters, Objective objective) {
        List<ParameterPlot> plots = new ArrayList<>();
        List<ParameterSummary.Row> rows = ParameterSummary.of(tasks, parameters, objective);
        for (String parameter : parameters) {
            Set<String> distinct = new HashSet<>();
            for (TaskResult t : tasks) {
                String value = t.parameters().get(parameter);
                if (value != null) {
                    distinct.add(value);
                }
            }
            if (isContinuous(distinct)) {
                plots.add(new ParameterPlot(parameter, List.of(), scatter(tasks, parameter, objective)));
                continue;
            }
            Map<String, DoubleList> byValue = new HashMap<>();
            for (TaskResult t : tasks) {
                String value = t.parameters().get(parameter);
                Double metric = t.succeeded() ? t.value(objective.metric()) : null;
                if (value != null && metric != null && Double.isFinite(metric)) {
                    byValue.computeIfAbsent(value, v -> new DoubleList()).add(metric);
                }
            }
            List<ValueBox> boxes = new ArrayList<>();
            for (ParameterSummary.Row row : rows) {
                if (row.parameter().equals(parameter)) {
                    DoubleList values = byValue.get(row.value());
                    boxes.add(new ValueBox(row.value(), row.tasks(), row.failed(),
                            values == null ? null : BoxStats.of(values.toArray())));
                }
            }
            plots.add(new ParameterPlot(parameter, boxes));
        }
        return List.copyOf(plots);
    }

    /** The scatter of one parameter whose values are all numbers. */
    static Scatter scatter(List<TaskResult> tasks, String parameter, Objective objective) {
        List<Dot> points = new ArrayList<>();
        int withValue = 0;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (TaskResult t : tasks) {
            String text = t.parameters().get(parameter);
            Double x = number(text);
            if (x == null) {
                continue;
            }
            withValue++;
            Double y = t.succeeded() ? t.value(objective.metric()) : null;
            if (y != null && Double.isFinite(y)) {
                points.add(new Dot(x, y, t.id(), text));
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        boolean log = !points.isEmpty() && isLogScale(xMin, xMax);
        if (points.size() <= ProgressPlot.MAX_POINTS) {
            return new Scatter(log, points, List.of(), withValue, xMin, xMax, yMin, yMax);
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = log ? Math.log10(points.get(i).x()) : points.get(i).x();
            y[i] = points.get(i).y();
        }
        return new Scatter(log, List.of(), Binning.of(x, y, ProgressPlot.BINS), withValue, xMin, xMax, yMin, yMax);
    }

    /** A growing array of doubles: 100,000 values without 100,000 boxed Doubles. */
    static final class DoubleList {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
