package dev.clustersweep.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.SearchSpecs;
import dev.clustersweep.config.SweepConfig;
import dev.clustersweep.engine.PollPolicy;
import dev.clustersweep.engine.SearchLog;
import dev.clustersweep.engine.SearchProgress;
import dev.clustersweep.engine.Sweep;
import dev.clustersweep.engine.SweepLoop;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * The build page of a search: where it stands and its best sample so far, as its log tells it, from
 * a real local search driven by the loop.
 */
public class SearchPageIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    @Test
    public void thePageOfASearchTellsItsSamplesAndItsBestSoFar() throws Exception {
        Path work = tmp.newFolder("w").toPath();
        SearchSpecs.writeObjective(work);
        SweepSettings settings = SearchSpecs.random("local", 5, 2, 7);
        SweepDirectory dir = new SweepDirectory(work, "s");
        Sweep sweep = new Sweep(dir, new SweepConfig(work.resolve("no-config.json"), work.resolve("none.json")));
        SweepLoop loop = new SweepLoop(sweep, new PollPolicy(50, 300, 1.5));
        SweepLoop.Started started = loop.startSearch(settings.searchPlan(), settings.launchOptions(SiteDefaults.NONE),
                false, s -> { });

        SearchProgress first = SearchProgress.of(dir);
        assertEquals("random", first.optimizer());
        assertEquals(5, first.samples());
        assertEquals(0, first.ended());
        assertEquals(2, first.running());
        assertEquals(3, first.left());
        assertNull(first.bestSample());
        assertEquals("none yet", first.bestText());

        List<String> lines = new ArrayList<>();
        loop.run(started.state(), t -> lines.addAll(t.lines()));
        SearchProgress end = SearchProgress.of(dir);
        assertEquals(5, end.ended());
        assertEquals(0, end.running() + end.failed() + end.left());
        // The best is the smallest value the log told, and the loop logged the same line.
        double smallest = Files.readAllLines(SearchLog.file(dir)).stream().filter(l -> l.startsWith("tell "))
                .mapToDouble(l -> Double.parseDouble(l.split(" ")[2])).min().orElseThrow();
        assertEquals(smallest, end.bestValue(), 0);
        assertEquals(List.of("x"), List.copyOf(end.bestValues().keySet()));
        assertEquals(String.valueOf(end.bestSample()), end.bestTasks()); // one task per sample
        String logged = lines.stream().filter(l -> l.startsWith("search: ")).reduce((a, b) -> b).orElseThrow();
        assertEquals(logged, end.line());
        assertEquals("5 of 5 ended (0 failed), 0 running, 0 left", end.samplesText());
        assertTrue(end.bestText(), end.bestText().startsWith("loss=" + end.bestValue() + " (smallest), sample "
                + end.bestSample() + ", task " + end.bestTasks() + ": x="));

        SweepPage page = new SweepPages(dir).page(sweep.status(), TaskFilter.all(), new PageRequest(1, 100));
        assertEquals(end, page.search());
        String json = page.toJson();
        assertTrue(json, json.contains("\"samplesText\":\"5 of 5 ended (0 failed), 0 running, 0 left\""));
        assertEquals(end, SweepPage.fromJson(json).search());
    }

    @Test
    public void aSweepThatIsNoSearchHasNoSearchOnItsPage() throws Exception {
        SweepDirectory dir = new SweepDirectory(tmp.newFolder("g").toPath(), "g");
        assertNull(SearchProgress.of(dir));
    }
}
