package dev.clustersweep.report;

import dev.clustersweep.results.Objective;
import dev.clustersweep.results.ParameterSummary;
import dev.clustersweep.results.TaskResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric per value of one parameter, as boxes: for each value (in the order of
 * {@code sweep results --by-parameter}), how many tasks had it, how many ended without success,
 * and the box of the metric over those that SUCCEEDED with a finite value.
 */
public record ParameterPlot(String parameter, List<ValueBox> values) {

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

    /** One plot per parameter. */
    public static List<ParameterPlot> of(List<TaskResult> tasks, List<String> parameters, Objective objective) {
        List<ParameterPlot> plots = new ArrayList<>();
        List<ParameterSummary.Row> rows = ParameterSummary.of(tasks, parameters, objective);
        for (String parameter : parameters) {
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
