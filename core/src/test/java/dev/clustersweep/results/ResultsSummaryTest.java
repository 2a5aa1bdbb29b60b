package dev.clustersweep.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.state.TaskState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** What a build keeps of a sweep's results: counts, the best task and its configuration, best and mean. */
public class ResultsSummaryTest {

    private static TaskResult task(long id, String lr, TaskState state, Double loss, Double acc) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lr", lr);
        params.put("seed", Long.toString(id));
        AttemptMetrics.Builder m = new AttemptMetrics.Builder(false);
        if (acc != null) {
            m.value("accuracy", acc);
        }
        if (loss != null) {
            m.value("loss", loss);
        }
        return new TaskResult(id, params, state, state == TaskState.SUCCEEDED ? 0 : 1, 1, m.build());
    }

    private static SweepResults results() {
        List<TaskResult> tasks = new ArrayList<>();
        tasks.add(task(1, "0.1", TaskState.SUCCEEDED, 0.5, 0.7));
        tasks.add(task(2, "0.3", TaskState.SUCCEEDED, 0.2, 0.9));
        tasks.add(task(3, "0.1", TaskState.FAILED, 0.01, null)); // a fine loss, then a crash: not ranked
        tasks.add(task(4, "0.3", TaskState.SUCCEEDED, 0.5, 0.6));
        tasks.add(task(5, "0.3", TaskState.SUCCEEDED, null, null));
        return new SweepResults("s", null, tasks, List.of("lr", "seed"), List.of("accuracy", "loss"));
    }

    @Test
    public void theBestTaskItsConfigurationAndTheMetricsBestAndMean() throws Exception {
        ResultsSummary s = ResultsSummary.of(results(), new Objective("loss", false));
        assertEquals(5, s.tasks());
        assertEquals(4L, (long) s.counts().get("SUCCEEDED"));
        assertEquals(1L, (long) s.counts().get("FAILED"));
        assertEquals(0L, (long) s.counts().get("PENDING"));
        assertEquals(List.of("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "TIMEOUT", "CANCELLED", "LOST", "ERROR"),
                new ArrayList<>(s.counts().keySet()));
        assertEquals(4, s.reported());
        assertEquals(3, s.ranked());
        assertEquals(2, s.best().task());
        assertEquals(Map.of("lr", "0.3", "seed", "2"), s.best().parameters());
        assertEquals(List.of("loss", "accuracy"), new ArrayList<>(s.best().metrics().keySet()));
        assertEquals(0.9, s.best().metrics().get("accuracy"), 0);
        assertEquals(0.2, s.metricBest(), 0);
        assertEquals(0.4, s.metricMean(), 1e-12);
        assertEquals("results of sweep 's': 4 of 5 task(s) reported accuracy, loss; best loss 0.2 (task 2: lr=0.3 "
                + "seed=2), mean 0.4 over 3 task(s)", s.line());

        ResultsSummary max = ResultsSummary.of(results(), new Objective("accuracy", true));
        assertEquals(2, max.best().task());
        assertEquals(0.9, max.metricBest(), 0);

        // It travels to the controller over a Jenkins channel.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ResultsSummary back = (ResultsSummary) in.readObject();
            assertEquals(s.best(), back.best());
            assertEquals(s.counts(), back.counts());
        }
    }

    @Test
    public void withoutAMetricOrARankedTaskThereIsNoBest() {
        ResultsSummary none = ResultsSummary.of(results(), null);
        assertNull(none.best());
        assertTrue(Double.isNaN(none.metricBest()));
        assertTrue(none.line(), none.line().endsWith("; no metric to rank by (the step's metric argument)"));
        ResultsSummary unknown = ResultsSummary.of(results(), new Objective("bleu", true));
        assertNull(unknown.best());
        assertEquals(0, unknown.ranked());
        assertTrue(unknown.line(), unknown.line().endsWith("; no task SUCCEEDED with bleu"));
        ResultsSummary empty = ResultsSummary.of(new SweepResults("e", null, List.of(), List.of(), List.of()), null);
        assertTrue(empty.line(), empty.line().contains("no task reported a metric"));
    }
}
