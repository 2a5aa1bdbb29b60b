package dev.clustersweep.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.clustersweep.SearchSpecs;
import dev.clustersweep.backend.Clusters;
import dev.clustersweep.config.SweepConfig;
import dev.clustersweep.settings.SiteDefaults;
import dev.clustersweep.settings.SweepSettings;
import dev.clustersweep.state.TaskState;
import dev.clustersweep.sweep.SweepDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * A search on the test cluster's Slurm and Grid Engine, driven by the one loop as the command line
 * and the Jenkins step drive it: each batch of samples is a submission of job arrays, told as its
 * tasks end, until the budget is spent.
 */
public class SearchClustersIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(600);

    @Test
    public void aSearchOnSlurm() throws Exception {
        Clusters.requireSlurm();
        search("slurm");
    }

    @Test
    public void aSearchOnGridEngine() throws Exception {
        Clusters.requireGridEngine();
        search("gridengine");
    }

    private void search(String backend) throws Exception {
        Path work = tmp.newFolder(backend).toPath();
        // loss = (x - 2)^2 with x from the task's arguments (--x V), reported with one line of shell.
        SearchSpecs.writeObjective(work);
        SweepSettings settings = SearchSpecs.random(backend, 6, 3, 3);

        Sweep sweep = new Sweep(new SweepDirectory(work, "s"), new SweepConfig(work.resolve("no-config.json"),
                work.resolve("no-global-config.json")));
        SweepLoop loop = new SweepLoop(sweep, PollPolicy.forBackend(backend).withMaxSeconds(2));
        SweepLoop.Started started = loop.startSearch(settings.searchPlan(), settings.launchOptions(SiteDefaults.NONE),
                false, s -> { });
        assertEquals("the first batch: parallel samples", 3, started.launch().tasks().size());
        SweepLoop.Turn last = loop.run(started.state(), t -> { });
        assertTrue(last.state().done());

        SweepStatus status = sweep.status();
        assertEquals(status.summary(), 6, status.count(TaskState.SUCCEEDED));
        assertTrue("more than one submission: batches after the first were asked as results came",
                sweep.submissions().size() > 1);
        assertTrue(sweep.submissions().stream().allMatch(s -> s.backend().equals(backend)));
        List<String> log = Files.readAllLines(SearchLog.file(sweep.directory()));
        assertEquals(log.toString(), 6, log.stream().filter(l -> l.startsWith("tell ") && !l.endsWith(" -")).count());
    }
}
