package dev.clustersweep.results;

import dev.clustersweep.state.TaskState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's results in a few numbers, small whatever the sweep's size: what a build keeps of them
 * (for its page, the job's trends and the regression gate) and what the Pipeline step returns.
 *
 * @param objective the metric ranked by, or null when none was named
 * @param tasks launched tasks
 * @param counts launched tasks per state, every state present, in {@link TaskState} order
 * @param reported tasks whose attempt reported at least one metric
 * @param ranked tasks that SUCCEEDED with a value of the objective's metric
 * @param problems metrics lines that could not be read, over all tasks
 * @param metrics every final metric name the tasks reported, sorted
 * @param best the best ranked task, or null (no objective, or no task ranked)
 * @param metricBest the best value of the objective's metric (the best task's), NaN when none
 * @param metricMean the mean over the ranked tasks, NaN when none
 */
public record ResultsSummary(String jobName, Objective objective, long tasks, Map<String, Long> counts, long reported,
        long ranked, long problems, List<String> metrics, Best best, double metricBest, double metricMean)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ResultsSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        metrics = Collections.unmodifiableList(new ArrayList<>(metrics));
    }

    /**
     * The best task: its id, its parameters (its configuration) and everything it reported.
     *
     * @param parameters in the grid's order
     * @param metrics its final values, the objective's first
     */
    public record Best(long task, Map<String, String> parameters, Map<String, Double> metrics) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Best {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /** The summary of {@code results}, ranked by {@code objective} (null: counts only). */
    public static ResultsSummary of(SweepResults results, Objective objective) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            counts.put(state.name(), 0L);
        }
        long reported = 0;
        long problems = 0;
        for (TaskResult t : results.tasks()) {
            counts.merge(t.state().name(), 1L, Long::sum);
            reported += t.metrics().finals().isEmpty() ? 0 : 1;
            problems += t.metrics().problemCount();
        }
        Best best = null;
        long ranked = 0;
        double metricBest = Double.NaN;
        double metricMean = Double.NaN;
        if (objective != null) {
            Ranking ranking = Ranking.of(results.tasks(), objective);
            ranked = ranking.ranked().size();
            Stats.Builder stats = new Stats.Builder(objective);
            ranking.ranked().forEach(t -> stats.add(t.value(objective.metric())));
            if (ranked > 0) {
                TaskResult top = ranking.ranked().get(0);
                Map<String, Double> values = new LinkedHashMap<>();
                values.put(objective.metric(), top.value(objective.metric()));
                values.putAll(top.metrics().finals());
                best = new Best(top.id(), top.parameters(), values);
                metricBest = top.value(objective.metric());
                metricMean = stats.build().mean();
            }
        }
        return new ResultsSummary(results.jobName(), objective, results.tasks().size(), counts, reported, ranked,
                problems, results.metrics(), best, metricBest, metricMean);
    }

    /** One line for the build log. */
    public String line() {
        StringBuilder line = new StringBuilder("results of sweep '" + jobName + "': ");
        if (metrics.isEmpty()) {
            return line.append("no task reported a metric (tasks report with: echo \"loss=0.31\" >> \"$SWEEP_METRICS\")")
                    .toString();
        }
        line.append(reported).append(" of ").append(tasks).append(" task(s) reported ").append(String.join(", ", metrics));
        if (objective == null) {
            line.append("; no metric to rank by (the step's metric argument)");
        } else if (best == null) {
            line.append("; no task SUCCEEDED with ").append(objective.metric());
        } else {
            line.append("; best ").append(objective.metric()).append(' ').append(NumberText.shown(metricBest))
                    .append(" (task ").append(best.task()).append(parameterText()).append("), mean ")
                    .append(NumberText.shown(metricMean)).append(" over ").append(ranked).append(" task(s)");
        }
        if (problems > 0) {
            line.append("; ").append(problems).append(" bad metrics line(s), see sweep results");
        }
        return line.toString();
    }

    private String parameterText() {
        if (best.parameters().isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        best.parameters().forEach((k, v) -> pairs.add(k + "=" + v));
        return ": " + String.join(" ", pairs);
    }
}
