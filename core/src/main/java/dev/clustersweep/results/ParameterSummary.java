package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For each value of each parameter, how the metric fared over the tasks that had it
 * ({@code sweep results --by-parameter}): count, mean, best and spread over those that SUCCEEDED,
 * and how many ended without success, counted apart. Values are in numeric order when all of a
 * parameter's values are numbers, else in the order the tasks first have them.
 */
public final class ParameterSummary {

    /**
     * One value of one parameter.
     *
     * @param tasks how many tasks had this value
     * @param failed how many of them ended without success
     * @param stats the metric over those that SUCCEEDED and reported it
     */
    public record Row(String parameter, String value, int tasks, int failed, Stats stats) {
    }

    private ParameterSummary() {
    }

    public static List<Row> of(List<TaskResult> tasks, List<String> parameters, Objective objective) {
        List<Row> rows = new ArrayList<>();
        for (String parameter : parameters) {
            Map<String, Configurations.Group> byValue = new LinkedHashMap<>();
            for (TaskResult t : tasks) {
                String value = t.parameters().get(parameter);
                if (value != null) {
                    byValue.computeIfAbsent(value, v -> new Configurations.Group(objective, t.id()))
                            .add(t, objective.metric());
                }
            }
            List<String> values = new ArrayList<>(byValue.keySet());
            if (values.stream().allMatch(v -> MetricSyntax.number(v) != null)) {
                values.sort(Comparator.comparingDouble(v -> MetricSyntax.number(v)));
            }
            for (String value : values) {
                Configurations.Group g = byValue.get(value);
                rows.add(new Row(parameter, value, g.tasks, g.failed, g.stats.build()));
            }
        }
        return List.copyOf(rows);
    }
}
