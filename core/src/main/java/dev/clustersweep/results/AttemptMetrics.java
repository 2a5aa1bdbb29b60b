package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one attempt of a task reported: the final value of each metric (the last one written for
 * its name wins), the series written with a step, and the problems met reading it.
 *
 * @param finals each metric's final value, in the order the names first appeared
 * @param series each stepped metric's points in the order written; empty unless series were asked for
 * @param problems the first {@link #MAX_PROBLEMS} problems, in file order
 * @param moreProblems how many more there were: a file of garbage costs a count, not a list
 */
public record AttemptMetrics(Map<String, Double> finals, Map<String, List<MetricPoint>> series,
        List<MetricProblem> problems, int moreProblems) {

    public static final int MAX_PROBLEMS = 10;
    public static final AttemptMetrics NONE = new AttemptMetrics(Map.of(), Map.of(), List.of(), 0);

    public int problemCount() {
        return problems.size() + moreProblems;
    }

    /** Collects an attempt's values from its files, in the order they are read (later ones win). */
    public static final class Builder {
        private final boolean keepSeries;
        private final Map<String, Double> finals = new LinkedHashMap<>();
        private final Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        private final List<MetricProblem> problems = new ArrayList<>();
        private int moreProblems;

        public Builder(boolean keepSeries) {
            this.keepSeries = keepSeries;
        }

        public void value(String name, double value) {
            finals.put(name, value);
        }

        /** A stepped value: a point of the series, and the metric's final value until a later one. */
        public void point(String name, long step, double value) {
            finals.put(name, value);
            if (keepSeries) {
                series.computeIfAbsent(name, n -> new ArrayList<>()).add(new MetricPoint(step, value));
            }
        }

        public void problem(MetricProblem problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            } else {
                moreProblems++;
            }
        }

        public AttemptMetrics build() {
            if (finals.isEmpty() && problems.isEmpty()) {
                return NONE;
            }
            Map<String, List<MetricPoint>> points = new LinkedHashMap<>();
            series.forEach((name, list) -> points.put(name, List.copyOf(list)));
            return new AttemptMetrics(java.util.Collections.unmodifiableMap(finals),
                    java.util.Collections.unmodifiableMap(points), List.copyOf(problems), moreProblems);
        }
    }
}
