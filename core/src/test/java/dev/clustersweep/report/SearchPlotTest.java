package dev.clustersweep.report;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.engine.SearchLog;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.TaskResult;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SearchPlotTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /**
     * Five samples of two tasks each (seeds 1 and 2), x and lr searched; sample 3 failed; told out of
     * the order asked (2 before 1), as samples running side by side end.
     */
    private static final String LOG = """
            ask 1 1 2
            ask 2 3 4
            tell 2 0.5
            tell 1 0.8
            ask 3 5 6
            tell 3 -
            ask 4 7 8
            tell 4 0.25
            ask 5 9 10
            tell 5 0.6
            ask 6 11 12
            """;

    private SweepDirectory sweep() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "s");
        Files.createDirectories(dir.root());
        Files.writeString(SearchLog.file(dir), LOG, StandardCharsets.UTF_8);
        return dir;
    }

    private static List<TaskResult> tasks() {
        double[] x = {1.5, 0.25, 2.5, 1.75, 2.125};
        double[] lr = {0.01, 0.001, 0.05, 0.0004, 0.0002};
        List<TaskResult> tasks = new ArrayList<>();
        for (int sample = 1; sample <= 5; sample++) {
            for (int seed = 1; seed <= 2; seed++) {
                long id = (sample - 1) * 2L + seed;
                TaskState state = sample == 3 ? TaskState.FAILED : TaskState.SUCCEEDED;
                tasks.add(ParameterPlotTest.task(id, Map.of("x", Double.toString(x[sample - 1]), "lr",
                        Double.toString(lr[sample - 1]), "seed", Integer.toString(seed), "opt", "adam"), state, 0.5));
            }
        }
        return tasks; // sample 6's tasks are not launched yet
    }

    @Test
    public void bestSoFarFollowsTheOrderToldWhenMinimizing() throws Exception {
        Objective loss = new Objective("loss", false);
        SearchPlot s = SearchPlot.of(SearchLog.read(sweep()), tasks(), List.of("x", "lr", "seed", "opt"), loss);
        assertEquals(6, s.asked());
        assertEquals(5, s.told().size());
        assertEquals(List.of(2, 1, 3, 4, 5), s.told().stream().map(SearchPlot.Told::sample).toList());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.25, 0.25}, s.bestSoFar(loss), 0);
        assertEquals(List.of(2, 4), s.best().stream().map(SearchPlot.Told::sample).toList());
        assertEquals(1, s.failed());
        assertTrue(s.told().get(2).failed());
        assertEquals(5, s.told().get(2).firstTask());
        assertEquals(6, s.told().get(2).lastTask());
    }

    @Test
    public void bestSoFarFollowsTheOrderToldWhenMaximizing() throws Exception {
        Objective accuracy = new Objective("loss", true);
        SearchPlot s = SearchPlot.of(SearchLog.read(sweep()), tasks(), List.of("x"), accuracy);
        assertArrayEquals(new double[] {0.5, 0.8, 0.8, 0.8, 0.8}, s.bestSoFar(accuracy), 0);
        assertEquals(List.of(2, 1), s.best().stream().map(SearchPlot.Told::sample).toList());
    }

    @Test
    public void failedSamplesAreCrossesAlongTheBottom() throws Exception {
        Objective loss = new Objective("loss", false);
        SearchPlot s = SearchPlot.of(SearchLog.read(sweep()), tasks(), List.of("x"), loss);
        String svg = Charts.search(s, loss);
        assertEquals(4, count(svg, "<circle"));
        assertEquals(1, count(svg, ">×</text>"));
        assertTrue(svg, svg.contains("<title>sample 3 (tasks 5–6), told 3rd: failed</title>"));
        assertTrue(svg.contains("<title>sample 2 (tasks 3–4), told 1st: loss = 0.5</title>"));
        assertTrue(svg.contains("<title>best so far: loss = 0.25 (sample 4)</title>"));
        // The failure sits in a strip along the bottom of the frame (y0 = 14 + 260), below every dot.
        assertTrue(svg, svg.contains("<text x=\"") && svg.contains("y=\"269\" text-anchor=\"middle\" class=\"none\""));
    }

    @Test
    public void searchParametersAreTracedPerSampleAndTheGridsAreNot() throws Exception {
        SearchPlot s = SearchPlot.of(SearchLog.read(sweep()), tasks(), List.of("x", "lr", "seed", "opt"),
                new Objective("loss", false));
        // seed differs within a sample (the grid's), opt never differs (fixed): neither is traced.
        assertEquals(List.of("x", "lr"), s.parameters().stream().map(SearchPlot.Trace::parameter).toList());
        SearchPlot.Trace x = s.parameters().get(0);
        assertEquals(5, x.points().size());
        assertEquals(3, x.points().get(2).x(), 0);
        assertEquals(2.5, x.points().get(2).y(), 0);
        assertEquals(5, x.points().get(2).task());
        assertEquals(false, x.log());
        assertTrue(s.parameters().get(1).log()); // lr from 0.0002 to 0.05
        String svg = Charts.trace(s.parameters().get(1));
        assertEquals(5, count(svg, "<circle"));
        assertTrue(svg.contains("(log scale)"));
    }

    @Test
    public void aSweepWithoutALogIsNoSearch() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.getRoot().toPath(), "grid");
        Files.createDirectories(dir.root());
        assertEquals(List.of(), SearchLog.read(dir));
        assertTrue(SearchPlot.of(List.of(), List.of(), List.of(), new Objective("loss", false)).isEmpty());
    }

    @Test
    public void manySamplesAreBinned() {
        List<SearchLog.Entry> log = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            log.add(new SearchLog.Ask(i, i, i));
            log.add(new SearchLog.Tell(i, i % 10 == 0 ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of(1.0 / i + (i % 3))));
        }
        Objective loss = new Objective("loss", false);
        SearchPlot s = SearchPlot.of(log, List.of(), List.of(), loss);
        assertEquals(ProgressPlot.BINS, s.toldBins().size());
        String svg = Charts.search(s, loss);
        assertEquals(0, count(svg, "<circle"));
        int elements = count(svg, "<") - count(svg, "</");
        assertTrue("elements: " + elements, elements < 60);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
