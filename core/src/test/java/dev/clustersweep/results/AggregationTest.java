package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.state.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Ranking, repeated runs taken together (--over) and the per-parameter summary. */
public class AggregationTest {

    private static final Objective MIN_LOSS = new Objective("loss", false);

    private static TaskResult task(long id, String lr, String seed, TaskState state, Double loss) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lr", lr);
        params.put("seed", seed);
        AttemptMetrics.Builder m = new AttemptMetrics.Builder(false);
        if (loss != null) {
            m.value("loss", loss);
        }
        return new TaskResult(id, params, state, state == TaskState.SUCCEEDED ? 0 : 1, 1, m.build());
    }

    /** lr 0.1 and 0.3, seeds 1 to 3; lr 0.1 is better on average although lr 0.3 has the single best run. */
    private static List<TaskResult> sweep() {
        List<TaskResult> tasks = new ArrayList<>();
        tasks.add(task(1, "0.1", "1", TaskState.SUCCEEDED, 0.30));
        tasks.add(task(2, "0.3", "1", TaskState.SUCCEEDED, 0.10));
        tasks.add(task(3, "0.1", "2", TaskState.SUCCEEDED, 0.32));
        tasks.add(task(4, "0.3", "2", TaskState.SUCCEEDED, 0.90));
        tasks.add(task(5, "0.1", "3", TaskState.SUCCEEDED, 0.34));
        tasks.add(task(6, "0.3", "3", TaskState.FAILED, 0.01)); // logged a fine loss, then crashed
        return tasks;
    }

    @Test
    public void rankingTakesOnlyTasksThatSucceededWithTheMetric() {
        List<TaskResult> tasks = new ArrayList<>(sweep());
        tasks.add(task(7, "0.1", "4", TaskState.SUCCEEDED, null));
        Ranking r = Ranking.of(tasks, MIN_LOSS);
        assertEquals(List.of(2L, 1L, 3L, 5L, 4L), r.ranked().stream().map(TaskResult::id).toList());
        assertEquals(List.of(6L, 7L), r.others().stream().map(TaskResult::id).toList());
        assertEquals(List.of(4L, 5L, 3L), Ranking.of(tasks, new Objective("loss", true)).top(3).ranked().stream()
                .map(TaskResult::id).toList());
        assertEquals(List.of(), r.top(2).others());
    }

    @Test
    public void overSeedTheBestConfigurationIsTheBestMean() {
        List<Configurations.Configuration> c = Configurations.of(sweep(), List.of("seed"), MIN_LOSS);
        assertEquals(2, c.size());
        Configurations.Configuration best = c.get(0);
        assertEquals(Map.of("lr", "0.1"), best.parameters());
        assertEquals(3, best.tasks());
        assertEquals(0, best.failed());
        assertEquals(3, best.stats().n());
        assertEquals(0.32, best.stats().mean(), 1e-12);
        assertEquals(0.02, best.stats().sd(), 1e-12);
        assertEquals(0.30, best.stats().best(), 0);
        assertEquals(0.34, best.stats().worst(), 0);
        Configurations.Configuration other = c.get(1);
        assertEquals(Map.of("lr", "0.3"), other.parameters());
        assertEquals(3, other.tasks());
        assertEquals(1, other.failed()); // counted apart, its value not averaged in
        assertEquals(2, other.stats().n());
        assertEquals(0.5, other.stats().mean(), 1e-12);
    }

    @Test
    public void aConfigurationWithoutValuesComesLastAndOneValueHasNoDeviation() {
        List<TaskResult> tasks = List.of(task(1, "1", "1", TaskState.FAILED, null),
                task(2, "2", "1", TaskState.SUCCEEDED, 5.0), task(3, "3", "1", TaskState.SUCCEEDED, Double.NaN),
                task(4, "4", "1", TaskState.SUCCEEDED, 7.0));
        List<Configurations.Configuration> c = Configurations.of(tasks, List.of("seed"), MIN_LOSS);
        assertEquals(List.of("2", "4", "3", "1"), c.stream().map(x -> x.parameters().get("lr")).toList());
        assertTrue(Double.isNaN(c.get(0).stats().sd()));
        assertTrue(Double.isNaN(c.get(2).stats().mean())); // a diverged run is not averaged away
        assertEquals(0, c.get(3).stats().n());
    }

    @Test
    public void perParameterValueCountsMeansAndFailuresApart() {
        List<ParameterSummary.Row> rows = ParameterSummary.of(sweep(), List.of("lr", "seed"), MIN_LOSS);
        assertEquals(5, rows.size());
        ParameterSummary.Row lr3 = rows.get(1);
        assertEquals("lr", lr3.parameter());
        assertEquals("0.3", lr3.value());
        assertEquals(3, lr3.tasks());
        assertEquals(1, lr3.failed());
        assertEquals(2, lr3.stats().n());
        assertEquals(0.10, lr3.stats().best(), 0);
        assertEquals(0.90, lr3.stats().worst(), 0);
        ParameterSummary.Row seed3 = rows.get(4);
        assertEquals("3", seed3.value());
        assertEquals(1, seed3.stats().n());
        assertEquals(0.34, seed3.stats().mean(), 0);
    }

    @Test
    public void numericValuesInNumericOrderOthersAsFirstSeen() {
        List<TaskResult> tasks = List.of(task(1, "10", "b", TaskState.SUCCEEDED, 1.0),
                task(2, "9", "a", TaskState.SUCCEEDED, 1.0), task(3, "1e-3", "c", TaskState.SUCCEEDED, 1.0));
        List<ParameterSummary.Row> rows = ParameterSummary.of(tasks, List.of("lr", "seed"), MIN_LOSS);
        assertEquals(List.of("1e-3", "9", "10", "b", "a", "c"), rows.stream().map(ParameterSummary.Row::value).toList());
    }

    @Test
    public void welfordMatchesTheTwoPassFormulaOnLargeCloseValues() {
        Stats.Builder b = new Stats.Builder(MIN_LOSS);
        double[] values = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
        for (double v : values) {
            b.add(v);
        }
        Stats s = b.build();
        assertEquals(1e9 + 10, s.mean(), 1e-6);
        assertEquals(Math.sqrt(30), s.sd(), 1e-6); // deviations -6, -3, 3, 6: 90 / 3
        assertEquals(1e9 + 4, s.best(), 0);
        assertEquals(1e9 + 16, s.worst(), 0);
    }

    @Test
    public void nanIsNeverBest() {
        Objective max = new Objective("acc", true);
        assertEquals(2.0, max.better(Double.NaN, 2.0), 0);
        assertEquals(2.0, MIN_LOSS.better(2.0, Double.NaN), 0);
        List<Double> sorted = new ArrayList<>(List.of(Double.NaN, 1.0, 3.0));
        sorted.sort(max.order());
        assertEquals(List.of(3.0, 1.0, Double.NaN), sorted);
    }
}
