package dev.clustersweep.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeated runs of one configuration taken together ({@code sweep results --over seed}): tasks
 * whose parameters differ only in the {@code over} ones form a configuration, and each shows the
 * mean, standard deviation and count of the metric over its tasks that SUCCEEDED. The best
 * configuration is the one with the best mean, so one lucky seed does not win.
 */
public final class Configurations {

    /**
     * One configuration.
     *
     * @param parameters its parameters, without the {@code over} ones
     * @param tasks how many tasks it has
     * @param failed how many of them ended without success (FAILED, TIMEOUT, CANCELLED, LOST, ERROR)
     * @param stats the metric over its tasks that SUCCEEDED and reported it
     * @param firstTask its smallest task id, which breaks ties
     */
    public record Configuration(Map<String, String> parameters, int tasks, int failed, Stats stats, long firstTask) {
    }

    private Configurations() {
    }

    /** The configurations, best mean first; those without any value last, in task order. */
    public static List<Configuration> of(List<TaskResult> tasks, List<String> over, Objective objective) {
        Map<Map<String, String>, Group> groups = new LinkedHashMap<>();
        for (TaskResult t : tasks) {
            Map<String, String> key = new LinkedHashMap<>(t.parameters());
            key.keySet().removeAll(over);
            groups.computeIfAbsent(key, k -> new Group(objective, t.id())).add(t, objective.metric());
        }
        List<Configuration> out = new ArrayList<>();
        groups.forEach((key, g) -> out.add(new Configuration(java.util.Collections.unmodifiableMap(key), g.tasks,
                g.failed, g.stats.build(), g.firstTask)));
        Comparator<Configuration> byMean = Comparator.comparing((Configuration c) -> c.stats().n() == 0)
                .thenComparing(c -> c.stats().mean(), objective.order());
        out.sort(byMean.thenComparingLong(Configuration::firstTask));
        return List.copyOf(out);
    }

    /** What is counted of one configuration (or of one value of a parameter). */
    static final class Group {
        final Stats.Builder stats;
        final long firstTask;
        int tasks;
        int failed;

        Group(Objective objective, long firstTask) {
            this.stats = new Stats.Builder(objective);
            this.firstTask = firstTask;
        }

        void add(TaskResult t, String metric) {
            tasks++;
            if (t.state().isUnsuccessful()) {
                failed++;
            }
            Double value = t.value(metric);
            if (t.succeeded() && value != null) {
                stats.add(value);
            }
        }
    }
}
