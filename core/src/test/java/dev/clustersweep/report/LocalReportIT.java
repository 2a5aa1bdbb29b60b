package dev.clustersweep.report;

import static dev.clustersweep.results.LocalResultsIT.local;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.engine.LaunchRequest;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.Waiting;
import dev.clustersweep.grid.GridSpec;
import dev.clustersweep.results.Objective;
import dev.clustersweep.results.SweepResults;
import dev.clustersweep.state.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/** Real tasks on the local backend report metrics and curves; the report is made of what they wrote. */
public class LocalReportIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    /** loss = lr * 10 + seed / 10 after a falling curve of 4 steps; lr 0.3 with seed 2 fails. */
    private static final String TRAIN = "f() { lr=$2 seed=$4;"
            + " l=$(awk -v l=$lr -v s=$seed 'BEGIN { print l * 10 + s / 10 }');"
            + " for s in 0 1 2 3; do echo \"loss@$s=$(awk -v l=$l -v s=$s 'BEGIN { print l + (3 - s) }')\""
            + " >> \"$SWEEP_METRICS\"; done; echo \"loss=$l\" >> \"$SWEEP_METRICS\";"
            + " [ \"$lr$seed\" != 0.32 ]; }; f";

    @Test
    public void theReportOfARealSweepShowsWhatItsTasksReported() throws Exception {
        Path work = tmp.getRoot().toPath();
        Sweep sweep = Sweep.open(work, "rep");
        // A parameter value that is markup: user data, to be shown as text.
        GridSpec grid = GridSpec.builder(TRAIN, "rep").arg("--lr", "0.1", "0.3").arg("--seed", "1", "2", "3")
                .arg("--note", "<img src=x onerror=alert(1)>").build();
        sweep.launch(new LaunchRequest(null, grid, null, false, local(), false));
        Waiting.untilEnded(sweep);

        SweepResults results = SweepResults.read(sweep, false);
        ReportModel model = ReportModel.of(results, new Objective("loss", false), List.of("seed"), 10,
                Instant.parse("2025-01-02T03:04:05Z"), best -> SweepResults.withSeries(sweep, best));
        assertEquals(5L, (long) model.counts().get(TaskState.SUCCEEDED));
        assertEquals(1L, (long) model.counts().get(TaskState.FAILED));

        // Boxes per value of the tasks that SUCCEEDED: lr 0.1 has seeds 1 to 3, lr 0.3 seeds 1 and 3.
        ParameterPlot lr = model.parameters().get(0);
        assertEquals("lr", lr.parameter());
        assertEquals(3, lr.values().get(0).box().n());
        assertEquals(1.2, lr.values().get(0).box().median(), 1e-9);
        assertEquals(1, lr.values().get(1).failed());
        assertEquals(2, lr.values().get(1).box().n());
        assertEquals(3.2, lr.values().get(1).box().median(), 1e-9);

        // lr decides the loss; the seed adds little, less than chance would; the note is the same for all.
        Importance.Share lrShare = model.importance().get(0);
        Importance.Share seedShare = model.importance().get(1);
        assertTrue(lrShare + " " + seedShare, lrShare.share() > 0.95 && seedShare.share() < seedShare.chance());
        assertTrue(Double.isNaN(model.importance().get(2).share()) || model.importance().get(2).share() == 0);

        // The best task's curve, read again with its series: 4 points, falling to its final loss.
        LearningCurves.Curve best = model.curves().curves().get(0);
        assertEquals(1, best.task());
        assertEquals(4, best.points().size());
        assertEquals(1.1, best.points().get(3).value(), 1e-9);
        assertEquals(ReportModel.CURVES, model.curves().curves().size());
        assertEquals(5, model.progress().points().size());

        Path file = work.resolve("out/rep.html");
        ReportPage.write(model, file);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html, html.contains("6 tasks: 5 SUCCEEDED, 1 FAILED"));
        assertTrue(html.contains("2 configuration(s) over seed, by mean loss, smallest first"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse("user text must not become markup", html.contains("<img"));
        assertFalse("nothing to run", html.contains("<script"));
        // Self-contained: the only URL is the SVG namespace, which is a name, not fetched.
        Matcher urls = Pattern.compile("(https?:)?//[a-z]").matcher(html);
        while (urls.find()) {
            assertEquals("http://www.w3.org/2000/svg", html.substring(urls.start(), urls.start() + 26));
        }
        assertEquals("one box per value of the three parameters", 2 + 3 + 1, count(html, "class=\"box\""));
        assertEquals(ReportModel.CURVES, count(html, "class=\"curve "));
        assertTrue(html.contains("<title>task 1 (lr=0.1, seed=1, note=&lt;img src=x onerror=alert(1)&gt;)</title>"));
        try (var listing = Files.list(file.getParent())) {
            assertEquals("no temporary file left", List.of(file), listing.toList());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
