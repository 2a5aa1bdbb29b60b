package dev.clustersweep.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.results.AttemptMetrics;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.TaskResult;
import dev.clustersweep.state.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class ParameterPlotTest {

    private static final Objective LOSS = new Objective("loss", false);

    static TaskResult task(long id, Map<String, String> params, TaskState state, Double loss) {
        AttemptMetrics.Builder m = new AttemptMetrics.Builder(false);
        if (loss != null) {
            m.value("loss", loss);
        }
        return new TaskResult(id, params, state, state == TaskState.SUCCEEDED ? 0 : 1, 1, m.build());
    }

    /** {@code n} tasks with x = 0.37 * id (all distinct) and loss (x - 2)^2, every seventh FAILED. */
    private static List<TaskResult> continuous(int n) {
        List<TaskResult> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double x = 0.37 * i;
            TaskState state = i % 7 == 0 ? TaskState.FAILED : TaskState.SUCCEEDED;
            tasks.add(task(i, Map.of("x", Double.toString(x), "opt", i % 2 == 0 ? "sgd" : "adam"), state,
                    (x - 2) * (x - 2)));
        }
        return tasks;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    public void moreThanTwelveNumbersAreContinuous() {
        List<String> thirteen = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            thirteen.add(String.valueOf(0.5 + i));
        }
        assertTrue(ParameterPlot.isContinuous(thirteen));
        assertFalse(ParameterPlot.isContinuous(thirteen.subList(0, 12)));
        List<String> oneWord = new ArrayList<>(thirteen);
        oneWord.add("adam");
        assertFalse(ParameterPlot.isContinuous(oneWord));
        List<String> nan = new ArrayList<>(thirteen);
        nan.add("nan");
        assertFalse(ParameterPlot.isContinuous(nan));
        // The same number written twice counts once: 1 and 1.0 are one value.
        List<String> twelve = new ArrayList<>(thirteen.subList(0, 12));
        twelve.add("0.50");
        assertFalse(ParameterPlot.isContinuous(twelve));
    }

    @Test
    public void aSearchParameterIsAScatterAndADiscreteOneBoxes() {
        List<ParameterPlot> plots = ParameterPlot.of(continuous(40), List.of("x", "opt"), LOSS);
        ParameterPlot x = plots.get(0);
        assertNotNull(x.scatter());
        assertTrue(x.values().isEmpty());
        assertEquals(40, x.scatter().tasks());
        assertEquals(40 - 5, x.scatter().plotted()); // 7, 14, ..., 35 FAILED: not plotted
        assertFalse(x.scatter().log());
        ParameterPlot opt = plots.get(1);
        assertNull(opt.scatter());
        assertEquals(2, opt.values().size());
    }

    @Test
    public void twelveNumbersStayBoxes() {
        List<TaskResult> tasks = continuous(12);
        assertNull(ParameterPlot.of(tasks, List.of("x"), LOSS).get(0).scatter());
    }

    @Test
    public void aScatterHasADotPerTaskWithItsTooltip() {
        List<ParameterPlot> plots = ParameterPlot.of(continuous(40), List.of("x"), LOSS);
        String svg = Charts.scatter(plots.get(0), Charts.scatterAxis(plots), "loss");
        assertEquals(35, count(svg, "<circle"));
        assertTrue(svg, svg.contains("<title>task 1: x = 0.37, loss = 2.6569</title>"));
        assertFalse(svg.contains("task 7:"));
    }

    @Test
    public void valuesOverTwoDecadesGoOnALogAxis() {
        List<TaskResult> tasks = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 1; i <= 30; i++) {
            double lr = Math.pow(10, -4 + 3 * random.nextDouble()); // 1e-4 to 0.1
            tasks.add(task(i, Map.of("lr", Double.toString(lr)), TaskState.SUCCEEDED, Math.abs(Math.log10(lr) + 2)));
        }
        List<ParameterPlot> plots = ParameterPlot.of(tasks, List.of("lr"), LOSS);
        ParameterPlot.Scatter s = plots.get(0).scatter();
        assertTrue(s.log());
        assertTrue(s.xAxis().log());
        String svg = Charts.scatter(plots.get(0), Charts.scatterAxis(plots), "loss");
        assertTrue(svg.contains(">lr (log scale)</text>"));
        assertTrue(svg.contains(">0.001</text>"));
        assertFalse(ParameterPlot.isLogScale(0.001, 0.1)); // two decades exactly: linear
        assertTrue(ParameterPlot.isLogScale(0.001, 0.1001));
        assertFalse(ParameterPlot.isLogScale(0, 100)); // 0 has no place on a log axis
        assertFalse(ParameterPlot.isLogScale(-1, 100));
    }

    @Test
    public void aHundredThousandTasksAreAFewPaths() {
        List<ParameterPlot> plots = ParameterPlot.of(continuous(100_000), List.of("x"), LOSS);
        ParameterPlot.Scatter s = plots.get(0).scatter();
        assertTrue(s.points().isEmpty());
        // x from 0.37 to 37,000: a log axis, binned in equal widths of log10(x), the first ones empty.
        assertTrue(s.log());
        assertTrue(s.bins().size() > 100 && s.bins().size() <= ProgressPlot.BINS);
        assertEquals(0.37, Math.pow(10, s.bins().get(0).x0()), 1e-9);
        assertEquals(100_000 - 100_000 / 7, s.plotted());
        String svg = Charts.scatter(plots.get(0), Charts.scatterAxis(plots), "loss");
        assertEquals(0, count(svg, "<circle"));
        assertEquals(3, count(svg, "<path"));
        assertTrue(svg.length() < 40_000);
        int elements = count(svg, "<") - count(svg, "</");
        assertTrue("elements: " + elements, elements < 60);
    }

    @Test
    public void twoThousandTasksAreStillDots() {
        List<ParameterPlot> plots = ParameterPlot.of(continuous(2333), List.of("x"), LOSS);
        // 2333 tasks, 333 of them FAILED: 2000 points, each its dot.
        assertEquals(2000, plots.get(0).scatter().points().size());
        String svg = Charts.scatter(plots.get(0), Charts.scatterAxis(plots), "loss");
        assertEquals(2000, count(svg, "<circle"));
    }
}
